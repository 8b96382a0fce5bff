import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { EventName, Events } from '../../shared/contract';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import type { Envelope } from '../../shared/errors';
import type { AppContext } from '../services/context';
import { dispatch, type Handlers } from '../services/router';

/**
 * Browser mode: the built renderer and the same contract router over HTTP on 127.0.0.1 only.
 * Calls are `POST /api/<name>` with a JSON body; events stream at `/api/events` (SSE).
 * Every API request carries the secret token (the static renderer files hold no data); requests
 * from another origin or for another Host name are refused (no CORS, no DNS rebinding).
 */
export interface HostOptions {
  ctx: AppContext;
  handlers: Handlers;
  rendererDir: string;
  port?: number;
  token?: string;
  maxBodyBytes?: number;
}

export interface Host {
  url: string;
  port: number;
  token: string;
  emit<E extends EventName>(event: E, payload: Events[E]): void;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

function sameToken(given: string | null | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function readBody(req: http.IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error(`the request body is larger than ${limit} bytes`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startHost(opts: HostOptions): Promise<Host> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const maxBody = opts.maxBodyBytes ?? 10 * 1024 * 1024;
  const rendererDir = path.resolve(opts.rendererDir);
  const streams = new Set<http.ServerResponse>();
  let port = 0;

  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  const serveStatic = (req: http.IncomingMessage, res: http.ServerResponse, pathname: string) => {
    const rel = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
    const file = path.resolve(rendererDir, rel);
    if (!file.startsWith(rendererDir + path.sep)) return sendJson(res, 404, { error: 'not found' });
    fs.stat(file, (err, st) => {
      if (err || !st.isFile()) {
        res.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain' });
        res.end(fs.existsSync(path.join(rendererDir, 'index.html')) ? 'Not found' : 'The renderer is not built: run `npm run build`.');
        return;
      }
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream',
        'Content-Length': st.size,
        'Cache-Control': rel === 'index.html' ? 'no-store' : 'max-age=3600',
      });
      if (req.method === 'HEAD') return res.end();
      fs.createReadStream(file).pipe(res);
    });
  };

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (!allowedHosts().has(req.headers.host ?? '')) return sendJson(res, 421, { error: 'wrong host' });
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts().has(origin.replace(/^http:\/\//, ''))) {
      return sendJson(res, 403, { ok: false, error: { code: 'unauthorized', message: 'Requests from other origins are refused.' } });
    }
    if (!url.pathname.startsWith('/api/')) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, { error: 'method not allowed' });
      return serveStatic(req, res, url.pathname);
    }

    if (url.pathname === '/api/events') {
      if (!sameToken(url.searchParams.get('token'), token)) return sendJson(res, 401, { ok: false, error: { code: 'unauthorized', message: 'A valid token is required.' } });
      res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      res.write(': connected\n\n');
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }

    const auth = req.headers.authorization;
    const given = auth?.startsWith('Bearer ') ? auth.slice(7) : undefined;
    if (!sameToken(given, token)) {
      return sendJson(res, 401, { ok: false, error: { code: 'unauthorized', message: 'A valid token is required (Authorization: Bearer <token>).' } });
    }
    if (req.method !== 'POST') return sendJson(res, 405, { ok: false, error: { code: 'unsupported', message: 'Calls are POST requests.' } });
    const name = decodeURIComponent(url.pathname.slice('/api/'.length));
    let input: unknown;
    try {
      const body = await readBody(req, maxBody);
      input = body.trim() === '' ? {} : JSON.parse(body);
    } catch (err) {
      return sendJson(res, 400, { ok: false, error: { code: 'invalid-input', message: `${name}: the body is not valid JSON (${(err as Error).message}).` } });
    }
    const envelope: Envelope<unknown> = await dispatch(opts.ctx, opts.handlers, name, input);
    const status = envelope.ok ? 200 : envelope.error.code === 'invalid-input' ? 400 : envelope.error.code === 'unknown-call' ? 404 : 200;
    sendJson(res, status, envelope);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  const emit = <E extends EventName>(event: E, payload: Events[E]) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const s of streams) s.write(frame);
  };

  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    token,
    emit,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of streams) s.end();
        streams.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
