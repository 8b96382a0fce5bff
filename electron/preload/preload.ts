import { contextBridge, type IpcRendererEvent, ipcRenderer, webUtils } from 'electron';
import { callNames, type EventName, eventNames, splitCallName } from '../../shared/contract';

/**
 * Builds `window.liaison` from the contract: one method per call (never a generic invoke), each
 * answering the router's `{ ok, value | error }` envelope, plus `events.on` for the contract's
 * events. Nothing else crosses the bridge.
 */
type Method = (input?: unknown) => Promise<unknown>;
const api: Record<string, Record<string, Method>> = {};
for (const name of callNames) {
  const [ns, method] = splitCallName(name);
  api[ns] ??= {};
  api[ns][method] = (input?: unknown) => ipcRenderer.invoke(`liaison:${name}`, input ?? {});
}

const known = new Set<string>(eventNames);
const events = {
  on(event: EventName, listener: (payload: unknown) => void): () => void {
    if (!known.has(event)) throw new Error(`Unknown event "${event}"`);
    const wrapped = (_e: IpcRendererEvent, name: string, payload: unknown) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on('liaison:event', wrapped);
    return () => ipcRenderer.removeListener('liaison:event', wrapped);
  },
};

/** Paths of files dropped on the window (import by drag and drop). Only File objects have them. */
const files = {
  pathsOf(list: File[]): string[] {
    return list.map((f) => webUtils.getPathForFile(f)).filter((p) => p.length > 0);
  },
};

contextBridge.exposeInMainWorld('liaison', { ...api, events, files });
