import path from 'node:path';
import { AppError } from '../../shared/errors';
import type { ImportOptions, ImportSummary } from '../../shared/model/library';
import { unknownEncoding } from '../importers/encoding';
import type { Store } from '../store/open';
import { prepared } from '../store/prepared';
import { currentCoderId } from './coders';
import { type AppContext, requireStore, requireWritable } from './context';
import { importReport, runImport } from './import/import-service';

interface Running {
  batchId: string;
  controller: AbortController;
  done: Promise<ImportSummary | null>;
}
/** At most one import per open project: they would only compete for the same writer. */
const running = new WeakMap<Store, Running>();

export function isImporting(store: Store | null): boolean {
  return store !== null && running.has(store);
}

export function start(ctx: AppContext, args: { paths: string[] } & Partial<ImportOptions> & Pick<ImportOptions, 'nearThreshold' | 'maxFileBytes'>): Promise<{ batchId: string }> {
  const store = requireWritable(ctx);
  if (running.has(store)) throw new AppError('busy', 'An import is already running in this project. Wait for it to finish or cancel it.');
  // The window has no current folder of its own: a relative path (or ~) would be read against
  // wherever the app was started from.
  const relative = args.paths.find((p) => !path.isAbsolute(p));
  if (relative !== undefined) throw new AppError('invalid-input', `"${relative}" is not a full path. Give the full path of each file or folder, e.g. /home/me/articles.`);
  // A forced encoding nobody knows would fail every file the same way: say so before starting.
  const unknown = args.encoding ? unknownEncoding(args.encoding) : null;
  if (unknown) throw new AppError('invalid-input', unknown);
  const coderId = currentCoderId(ctx);
  const controller = new AbortController();
  const options: ImportOptions = { nearThreshold: args.nearThreshold, maxFileBytes: args.maxFileBytes, ...(args.encoding ? { encoding: args.encoding } : {}) };
  return new Promise((resolve, reject) => {
    let started = false;
    const entry: Running = { batchId: '', controller, done: Promise.resolve(null) };
    running.set(store, entry);
    entry.done = runImport(store, args.paths, options, coderId, {
      signal: controller.signal,
      onBatch: (batchId) => {
        started = true;
        entry.batchId = batchId;
        resolve({ batchId });
      },
      onProgress: (p) => ctx.emit('import.progress', p),
    }).then(
      (summary) => {
        running.delete(store);
        ctx.emit('db.changed', { tables: ['documents', 'import_batches'] });
        ctx.emit('import.finished', summary);
        return summary;
      },
      (err: Error) => {
        running.delete(store);
        if (!started) reject(err);
        else console.error('[liaison] import failed:', err);
        ctx.emit('db.changed', { tables: ['documents', 'import_batches'] });
        return null;
      },
    );
  });
}

export function cancel(ctx: AppContext, args: { batchId: string }): { cancelled: boolean } {
  const store = requireStore(ctx);
  const r = running.get(store);
  if (!r || r.batchId !== args.batchId) return { cancelled: false };
  r.controller.abort();
  return { cancelled: true };
}

/** Wait for the running import of a store, if any (used before closing it). */
export async function settle(store: Store): Promise<void> {
  await running.get(store)?.done;
}

export function report(ctx: AppContext, args: { batchId: string }): ImportSummary {
  const { db } = requireStore(ctx);
  const r = importReport(db, args.batchId);
  if (!r) throw new AppError('not-found', `No finished import ${args.batchId} in this project (it may still be running).`);
  return r;
}

function csvField(v: string | number): string {
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The report as CSV, one table with a row per file: imported (how many documents, and for each
 * copy which file it duplicates), unchanged, skipped or failed (with the reason); a JSON record
 * left out has a row of its own. The counts are those of the dialog's summary, read from the rows.
 */
export function reportCsv(ctx: AppContext, args: { batchId: string }): { fileName: string; csv: string } {
  const r = report(ctx, args);
  const { db } = requireStore(ctx);
  const copies = new Map<string, string[]>();
  for (const c of prepared<[string], { path: string; record_index: number; kind: string; similarity: number | null; primary_path: string }>(
    db,
    `SELECT d.path, d.record_index, g.kind, d.duplicate_similarity AS similarity, p.path AS primary_path
     FROM documents d JOIN duplicate_groups g ON g.id = d.duplicate_group_id JOIN documents p ON p.id = g.primary_document_id
     WHERE d.batch_id = ? AND d.id != g.primary_document_id ORDER BY d.rowid`,
  ).iterate(args.batchId)) {
    const what = c.kind === 'exact' ? 'exact copy' : `near copy${c.similarity === null ? '' : ` (${Math.round(c.similarity * 100)}% alike)`}`;
    const list = copies.get(c.path) ?? [];
    list.push(`${c.record_index > 0 ? `record ${c.record_index + 1}: ` : ''}${what} of ${c.primary_path}`);
    copies.set(c.path, list);
  }
  const rows: (string | number)[][] = [['status', 'path', 'documents', 'duplicates', 'code', 'reason']];
  for (const item of prepared<[string], { path: string; status: string; document_count: number }>(
    db,
    "SELECT path, status, document_count FROM import_items WHERE batch_id = ? AND status IN ('imported', 'unchanged') ORDER BY rowid",
  ).iterate(args.batchId)) {
    rows.push([item.status, item.path, item.document_count, (copies.get(item.path) ?? []).join('; '), '', '']);
  }
  for (const f of r.failed) rows.push(['failed', f.path, 0, '', f.code, f.reason]);
  for (const f of r.skipped) rows.push(['skipped', f.path, 0, '', f.code, f.reason]);
  return { fileName: `liaison-import-${args.batchId.slice(0, 8)}.csv`, csv: `${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n` };
}
