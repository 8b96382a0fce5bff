/**
 * The renderer's one door to main. In Electron the preload has put `window.liaison` (IPC); in
 * browser mode we talk to the loopback host with the token from the URL's #fragment. Either
 * way callers get the same typed API, failures arrive as LiaisonError { code, message }.
 */
import { type CallName, callNames, type EventName, type Events, type LiaisonApi, splitCallName } from '../../../shared/contract';
import type { Envelope, ErrorCode, ErrorInfo } from '../../../shared/errors';

export class LiaisonError extends Error implements ErrorInfo {
  constructor(
    public readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'LiaisonError';
  }
}

type RawMethod = (input?: unknown) => Promise<Envelope<unknown>>;
interface PreloadBridge {
  [ns: string]: Record<string, RawMethod> | undefined;
}
interface PreloadEvents {
  on(event: EventName, listener: (payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    liaison?: PreloadBridge & { events: PreloadEvents; files: { pathsOf(list: File[]): string[] } };
  }
}

function unwrap<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.value;
  throw new LiaisonError(envelope.error.code, envelope.error.message);
}

function tokenFromLocation(): string {
  const hash = new URLSearchParams(window.location.hash.replace(/^#/, ''));
  const token = hash.get('token');
  if (token) {
    // Keep it for reloads of this tab only, and out of the visible URL.
    sessionStorage.setItem('liaison-token', token);
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return token;
  }
  return sessionStorage.getItem('liaison-token') ?? '';
}

function httpTransport(): { invoke: (name: CallName, input: unknown) => Promise<Envelope<unknown>>; on: PreloadEvents['on'] } {
  const token = tokenFromLocation();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let source: EventSource | null = null;
  const ensureSource = (event: string) => {
    if (!source) source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
    if (!listeners.has(event)) {
      listeners.set(event, new Set());
      source.addEventListener(event, (e) => {
        const payload = JSON.parse((e as MessageEvent<string>).data) as unknown;
        for (const l of listeners.get(event) ?? []) l(payload);
      });
    }
  };
  return {
    async invoke(name, input) {
      let res: Response;
      try {
        res = await fetch(`/api/${name}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify(input ?? {}),
        });
      } catch {
        return { ok: false, error: { code: 'io', message: 'Liaison is not answering: the `liaison serve` process may have stopped. Start it again and reload.' } };
      }
      if (res.status === 401) return { ok: false, error: { code: 'unauthorized', message: 'This page has no valid token. Open the LIAISON_URL printed by `liaison serve`.' } };
      return (await res.json()) as Envelope<unknown>;
    },
    on(event, listener) {
      ensureSource(event);
      listeners.get(event)!.add(listener);
      return () => listeners.get(event)?.delete(listener);
    },
  };
}

function buildApi(): { api: LiaisonApi; on: PreloadEvents['on']; mode: 'electron' | 'browser' } {
  const bridge = window.liaison;
  const http = bridge ? null : httpTransport();
  const invoke: (name: CallName, input: unknown) => Promise<Envelope<unknown>> = bridge
    ? (name, input) => {
        const [ns, method] = splitCallName(name);
        return bridge[ns]![method](input) as Promise<Envelope<unknown>>;
      }
    : http!.invoke;
  const on = bridge ? bridge.events.on : http!.on;
  const api: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {};
  for (const name of callNames) {
    const [ns, method] = splitCallName(name);
    api[ns] ??= {};
    api[ns][method] = async (input?: unknown) => unwrap(await invoke(name, input ?? {}));
  }
  return { api: api as unknown as LiaisonApi, on, mode: bridge ? 'electron' : 'browser' };
}

const built = buildApi();
export const liaison: LiaisonApi = built.api;
export const transportMode = built.mode;

export function subscribe<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
  return built.on(event, listener as (payload: unknown) => void);
}

/** Paths of dropped files: the desktop app knows them; a browser never reveals them. */
export function droppedPaths(list: FileList): string[] | null {
  return window.liaison ? window.liaison.files.pathsOf([...list]) : null;
}
