/**
 * The analyst's corrections to the library: metadata edits and "not relevant" marks. The text
 * never changes. Every change is appended to the audit log, with its before and after, in the
 * transaction that makes it.
 */
import { AppError } from '../../shared/errors';
import { type DocumentDetail, describeSource, EDITABLE_FIELDS, type EditableField, type MetaSource } from '../../shared/model/library';
import { appendAudit } from '../store/repos/audit';
import { editableMetaOf, setExcludedFlag, writeEditableMeta } from '../store/repos/documents';
import { currentCoderId } from './coders';
import { type AppContext, requireWritable } from './context';
import { getDocument } from './library';

export type MetaEdit = { id: string } & Partial<Record<EditableField, string | null>>;

function notFound(id: string): AppError {
  return new AppError('not-found', `There is no document ${id} in this project; it may have been removed, or belong to another project.`);
}

/** What the metadata panel shows as "how this value was found" after an edit: who changed it from what. */
function editedSource(previous: string | null, was: MetaSource | undefined): MetaSource {
  const from = previous === null ? 'was empty' : `was "${previous}"${was && was.source !== 'edited' ? `, ${describeSource(was.source).toLowerCase()}` : ''}`;
  return { source: 'edited', detail: from };
}

export function updateDocument(ctx: AppContext, args: MetaEdit): DocumentDetail {
  const { db } = requireWritable(ctx);
  const coderId = currentCoderId(ctx);
  const changed = db.transaction(() => {
    const meta = editableMetaOf(db, args.id);
    if (!meta) throw notFound(args.id);
    const before: Partial<Record<EditableField, string | null>> = {};
    const after: Partial<Record<EditableField, string | null>> = {};
    for (const field of EDITABLE_FIELDS) {
      const next = args[field];
      if (next === undefined || next === meta[field]) continue;
      before[field] = meta[field];
      after[field] = next;
      meta.metaSources[field] = editedSource(meta[field], meta.metaSources[field]);
      meta[field] = next;
    }
    if (Object.keys(after).length === 0) return false;
    writeEditableMeta(db, meta);
    appendAudit(db, { coderId, entity: 'document', entityId: args.id, action: 'update', before, after });
    return true;
  })();
  if (changed) ctx.emit('db.changed', { tables: ['documents'] });
  return getDocument(ctx, { id: args.id });
}

/** Mark documents not relevant (excluded from coding queues), or relevant again. */
export function setExcluded(ctx: AppContext, args: { ids: string[]; excluded: boolean }): { changed: number } {
  const { db } = requireWritable(ctx);
  const coderId = currentCoderId(ctx);
  const changed = db.transaction(() => {
    let n = 0;
    for (const id of new Set(args.ids)) {
      const meta = editableMetaOf(db, id);
      if (!meta) throw notFound(id);
      if (meta.excluded === args.excluded) continue;
      setExcludedFlag(db, meta.rowid, args.excluded);
      appendAudit(db, { coderId, entity: 'document', entityId: id, action: args.excluded ? 'exclude' : 'include', before: { excluded: meta.excluded }, after: { excluded: args.excluded } });
      n++;
    }
    return n;
  })();
  if (changed > 0) ctx.emit('db.changed', { tables: ['documents'] });
  return { changed };
}
