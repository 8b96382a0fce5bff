import { AppError } from '../../shared/errors';
import type { Coder } from '../../shared/model/project';
import { appendAudit } from '../store/repos/audit';
import { getCoder, getMeta, insertCoder, listCoders, setMeta } from '../store/repos/coders';
import { type AppContext, requireStore, requireWritable } from './context';

/** The coder every change is recorded under. */
export function currentCoderId(ctx: AppContext): string {
  const store = requireStore(ctx);
  const id = getMeta(store.db, 'current_coder_id');
  if (!id) throw new AppError('internal', 'The project has no current coder; add one under Coders.');
  return id;
}

export function list(ctx: AppContext): { coders: Coder[]; currentId: string } {
  const store = requireStore(ctx);
  return { coders: listCoders(store.db), currentId: currentCoderId(ctx) };
}

export function create(ctx: AppContext, args: { name: string; initials?: string; color?: string }): Coder {
  const { db } = requireWritable(ctx);
  const by = currentCoderId(ctx);
  const coder = db.transaction(() => {
    const c = insertCoder(db, args);
    appendAudit(db, { coderId: by, entity: 'coder', entityId: c.id, action: 'create', after: c });
    return c;
  })();
  ctx.emit('db.changed', { tables: ['coders'] });
  return coder;
}

export function setCurrent(ctx: AppContext, args: { id: string }): Coder {
  const { db } = requireWritable(ctx);
  const coder = getCoder(db, args.id);
  if (!coder) throw new AppError('not-found', `No coder with id ${args.id} in this project.`);
  setMeta(db, 'current_coder_id', coder.id);
  ctx.emit('db.changed', { tables: ['meta'] });
  return coder;
}
