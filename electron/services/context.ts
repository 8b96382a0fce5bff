import type { EventName, Events } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { Store } from '../store/open';

/**
 * What a service call runs against: one per window in Electron, one per host process in browser
 * mode. Services read the store from here and push events through `emit`.
 */
export interface AppContext {
  mode: 'electron' | 'browser';
  version: string;
  userDataDir: string;
  store: Store | null;
  emit<E extends EventName>(event: E, payload: Events[E]): void;
}

export function requireStore(ctx: AppContext): Store {
  if (!ctx.store) throw new AppError('no-project', 'No project is open. Create or open a project first.');
  return ctx.store;
}

export function requireWritable(ctx: AppContext): Store {
  const store = requireStore(ctx);
  if (store.readOnly) throw new AppError('unsupported', 'This project is open read-only; reopen it for writing to change it.');
  return store;
}
