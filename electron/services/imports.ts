import path from 'node:path';
import { AppError } from '../../shared/errors';
import type { ImportOptions, ImportSummary } from '../../shared/model/library';
import { unknownEncoding } from '../importers/encoding';
import type { Store } from '../store/open';
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

/** The report as CSV: a totals block, then one row per file that was skipped or failed. */
export function reportCsv(ctx: AppContext, args: { batchId: string }): { fileName: string; csv: string } {
  const r = report(ctx, args);
  const rows: (string | number)[][] = [
    ['status', 'path', 'code', 'reason'],
    ...r.failed.map((f) => ['failed', f.path, f.code, f.reason]),
    ...r.skipped.map((f) => ['skipped', f.path, f.code, f.reason]),
    [],
    ['total', 'imported', r.imported, ''],
    ['total', 'unchanged', r.unchanged, ''],
    ['total', 'exact duplicates', r.duplicates.exact, ''],
    ['total', 'near duplicates', r.duplicates.near, ''],
    ['total', 'skipped', r.skipped.length, ''],
    ['total', 'failed', r.failed.length, ''],
    ['total', 'elapsed ms', r.elapsedMs, ''],
  ];
  return { fileName: `liaison-import-${args.batchId.slice(0, 8)}.csv`, csv: `${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n` };
}
