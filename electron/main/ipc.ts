import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { callNames } from '../../shared/contract';
import type { Envelope } from '../../shared/errors';
import type { AppContext } from '../services/context';
import { dispatch, type Handlers } from '../services/router';
import { APP_ORIGIN } from './security';

export const channelOf = (name: string) => `liaison:${name}`;
export const EVENT_CHANNEL = 'liaison:event';

/**
 * Registers every contract call. A call is answered only for a frame of one of our windows
 * showing our own origin; its input is validated by the router before any service runs.
 */
export function registerIpc(ipcMain: IpcMain, handlers: Handlers, contextOf: (senderId: number) => AppContext | undefined): void {
  for (const name of callNames) {
    ipcMain.handle(channelOf(name), async (event: IpcMainInvokeEvent, input: unknown): Promise<Envelope<unknown>> => {
      const ctx = contextOf(event.sender.id);
      const frameUrl = event.senderFrame?.url ?? '';
      if (!ctx || !frameUrl.startsWith(`${APP_ORIGIN}/`)) {
        return { ok: false, error: { code: 'unsupported', message: `${name}: refused, the caller is not a Liaison window.` } };
      }
      return dispatch(ctx, handlers, name, input);
    });
  }
}
