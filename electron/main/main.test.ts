import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { callNames } from '../../shared/contract';

/**
 * No Electron binary runs here, so the main-process entry is loaded with a stand-in `electron`
 * module that records what main asks of it. The stand-in is ours; main.ts, security.ts, ipc.ts,
 * protocol.ts and the services behind them are the real code.
 */
type Fn = (...args: unknown[]) => unknown;
const rec = vi.hoisted(() => ({
  windows: [] as { options: Record<string, unknown>; url?: string; contentsId: number }[],
  appHandlers: new Map<string, Fn>(),
  ipc: new Map<string, Fn>(),
  protocols: new Map<string, Fn>(),
  privileged: [] as unknown[],
  beforeRequest: undefined as Fn | undefined,
  permissionRequest: undefined as Fn | undefined,
  permissionCheck: undefined as Fn | undefined,
  devicePermission: undefined as Fn | undefined,
  sandboxEnabled: false,
  menu: undefined as unknown,
}));

vi.mock('electron', () => {
  let nextId = 1;
  class BrowserWindow {
    webContents: { id: number; send: Fn };
    private record: (typeof rec.windows)[number];
    constructor(options: Record<string, unknown>) {
      this.webContents = { id: nextId++, send: () => {} };
      this.record = { options, contentsId: this.webContents.id };
      rec.windows.push(this.record);
    }
    on() {}
    once() {}
    isDestroyed() {
      return false;
    }
    loadURL(url: string) {
      this.record.url = url;
      return Promise.resolve();
    }
    static getAllWindows() {
      return rec.windows;
    }
    static getFocusedWindow() {
      return null;
    }
  }
  const app = {
    enableSandbox: () => {
      rec.sandboxEnabled = true;
    },
    setPath: () => {},
    getPath: () => fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-main-')),
    getVersion: () => '0.0.0-test',
    isPackaged: false,
    on: (event: string, fn: Fn) => rec.appHandlers.set(event, fn),
    whenReady: () => Promise.resolve(),
    quit: () => {},
  };
  return {
    app,
    BrowserWindow,
    dialog: { showErrorBox: () => {}, showOpenDialog: async () => ({ canceled: true, filePaths: [] }), showSaveDialog: async () => ({ canceled: true }) },
    ipcMain: { handle: (channel: string, fn: Fn) => rec.ipc.set(channel, fn) },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (m: unknown) => (rec.menu = m) },
    protocol: {
      registerSchemesAsPrivileged: (s: unknown[]) => rec.privileged.push(...s),
      handle: (scheme: string, fn: Fn) => rec.protocols.set(scheme, fn),
    },
    session: {
      defaultSession: {
        webRequest: { onBeforeRequest: (fn: Fn) => (rec.beforeRequest = fn) },
        setPermissionRequestHandler: (fn: Fn) => (rec.permissionRequest = fn),
        setPermissionCheckHandler: (fn: Fn) => (rec.permissionCheck = fn),
        setDevicePermissionHandler: (fn: Fn) => (rec.devicePermission = fn),
        on: () => {},
      },
    },
  };
});

beforeAll(async () => {
  const main = await import('./main');
  await main.ready;
});

describe('electron main', () => {
  it('opens one sandboxed, isolated window on the app:// origin', () => {
    expect(rec.sandboxEnabled).toBe(true);
    expect(rec.windows).toHaveLength(1);
    const prefs = rec.windows[0].options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false, allowRunningInsecureContent: false });
    expect(String(prefs.preload)).toMatch(/preload\.cjs$/);
    expect(rec.windows[0].url).toBe('app://liaison/index.html');
    expect(rec.privileged).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    expect(rec.protocols.has('app')).toBe(true);
    expect(rec.menu).toBeDefined();
  });

  it('cancels every request that is not for the app itself', () => {
    const decide = (url: string) => {
      let cancel: boolean | undefined;
      rec.beforeRequest!({ url }, (r: { cancel: boolean }) => {
        cancel = r.cancel;
      });
      return cancel;
    };
    expect(decide('app://liaison/index.html')).toBe(false);
    expect(decide('https://example.com/')).toBe(true);
    expect(decide('http://127.0.0.1:8080/')).toBe(true);
    expect(decide('ws://localhost/socket')).toBe(true);
    expect(decide('file:///etc/passwd')).toBe(true);
    expect(decide('app://other/index.html')).toBe(true);
  });

  it('denies every permission request and check', () => {
    let granted: boolean | undefined;
    rec.permissionRequest!({}, 'media', (g: boolean) => {
      granted = g;
    });
    expect(granted).toBe(false);
    expect(rec.permissionCheck!({}, 'notifications')).toBe(false);
    expect(rec.devicePermission!({})).toBe(false);
  });

  it('denies navigation, redirects, webviews and new windows in every web contents', () => {
    const events = new Map<string, Fn>();
    let openHandler: Fn | undefined;
    const contents = { on: (e: string, fn: Fn) => events.set(e, fn), setWindowOpenHandler: (fn: Fn) => (openHandler = fn) };
    rec.appHandlers.get('web-contents-created')!({}, contents);
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const event = { preventDefault: vi.fn() };
      events.get(name)!(event, 'https://example.com');
      expect(event.preventDefault, name).toHaveBeenCalled();
    }
    expect(openHandler!({ url: 'https://example.com' })).toEqual({ action: 'deny' });
  });

  it('registers a handler for every contract call, and answers only our own windows', async () => {
    expect([...rec.ipc.keys()].sort()).toEqual(callNames.map((n) => `liaison:${n}`).sort());
    const info = rec.ipc.get('liaison:app.info')!;
    const ours = { sender: { id: rec.windows[0].contentsId }, senderFrame: { url: 'app://liaison/index.html' } };
    expect(await info(ours, {})).toMatchObject({ ok: true, value: { name: 'Liaison', mode: 'electron' } });
    const stranger = { sender: { id: 999 }, senderFrame: { url: 'app://liaison/index.html' } };
    expect(await info(stranger, {})).toMatchObject({ ok: false, error: { code: 'unsupported' } });
    const foreignFrame = { sender: { id: rec.windows[0].contentsId }, senderFrame: { url: 'https://evil.example/' } };
    expect(await info(foreignFrame, {})).toMatchObject({ ok: false });
    const bad = await rec.ipc.get('liaison:projects.open')!(ours, { path: 7 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('projects.open') } });
  });

  it('serves the renderer with the CSP and never a file outside it', async () => {
    const { createAppProtocolHandler } = await import('./protocol');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-renderer-'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>x</title>');
    fs.writeFileSync(path.join(os.tmpdir(), 'liaison-secret.txt'), 'secret');
    const handler = createAppProtocolHandler(dir);
    const ok = await handler(new Request('app://liaison/index.html'));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(ok.headers.get('content-security-policy')).not.toContain('unsafe-eval');
    const outside = await handler(new Request('app://liaison/..%2Fliaison-secret.txt'));
    expect(outside.status).toBe(404);
    const otherHost = await handler(new Request('app://elsewhere/index.html'));
    expect(otherHost.status).toBe(404);
  });
});
