import { randomUUID } from 'node:crypto';
import type { ImportIssue, ImportOptions, ImportProgress, ImportSummary } from '../../../shared/model/library';
import { formatOf } from '../../importers';
import type { Db, Store } from '../../store/open';
import { prepared } from '../../store/prepared';
import { appendAudit } from '../../store/repos/audit';
import { insertDocument, type NewDocument, versionsOfPath } from '../../store/repos/documents';
import { BatchPass, finishInterruptedBatches, GROUP_SLICE, type PendingDoc } from './batch-clean';
import { Checkpointer } from './checkpointer';
import { DuplicateFinder } from './duplicates';
import type { FileJob, FileResult } from './prepare';
import { type Candidate, walk } from './walk';
import { WorkerPool } from './worker-pool';

export interface ImportHooks {
  onProgress?: (p: ImportProgress) => void;
  /** Called once the batch exists, before any file is read. */
  onBatch?: (batchId: string) => void;
  signal?: AbortSignal;
  /** Worker threads to parse with (default: up to 4, one per core). */
  workers?: number;
}

/**
 * Documents per write transaction while importing, at most, and the time to stop adding more.
 * Every transaction rewrites the index pages it touched (a title, hash or id index takes its
 * entries in random order), so fewer, larger ones write less: at 20k articles, 100 a transaction
 * wrote 3.8 times the project's size to the WAL, 300 wrote 2.3 times. The commit grows with the
 * project (at 100k a 60 ms budget gave commits of 150 ms), so the budget stays at 40 ms: a call
 * made meanwhile waits for one transaction and its commit, well under 200 ms.
 */
const FLUSH_DOCS = 200;
const FLUSH_MS = 500;
const FLUSH_BUDGET_MS = 40;
/**
 * Parsed files waiting to be written, at most: past this the lanes stop handing out files until the
 * writes catch up. Writing is the slower side, so without it the results (whole texts) would pile
 * up in memory faster than they are stored.
 */
const MAX_BUFFERED = 2 * FLUSH_DOCS;
const PROGRESS_MS = 100;
/** Longest write transaction of the batch pass while files are still being parsed, and after. */
const STEP_MS_IMPORTING = 15;
const STEP_MS_FINISHING = 40;

/** Lets the event loop answer other calls (timers, IPC) between two write transactions. */
const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Batches left 'running' by a crash or kill are marked interrupted; their files import again.
 * Their documents that never got the batch pass (and so have no search row yet) get it now.
 */
export function markInterruptedImports(db: Db): void {
  prepared(db, "UPDATE import_batches SET status = 'interrupted', finished_at = ? WHERE status = 'running'").run(new Date().toISOString());
  finishInterruptedBatches(db);
}

function createBatch(db: Db, paths: string[], options: ImportOptions, coderId: string): { id: string; seq: number } {
  const id = randomUUID();
  const seq = (prepared<[], { n: number | null }>(db, 'SELECT max(seq) AS n FROM import_batches').get()?.n ?? 0) + 1;
  prepared(
    db,
    "INSERT INTO import_batches (id, seq, started_at, status, sources_json, options_json, coder_id) VALUES (?, ?, ?, 'running', ?, ?, ?)",
  ).run(id, seq, new Date().toISOString(), JSON.stringify(paths), JSON.stringify(options), coderId);
  return { id, seq };
}

/**
 * Imports files and folders into a project. Parsing runs in worker threads; writes go in short
 * batched transactions so the main thread stays free to answer other calls, and so a cancel or a
 * crash leaves every committed file complete (document, ranges and search row together).
 */
export async function runImport(store: Store, paths: string[], options: ImportOptions, coderId: string, hooks: ImportHooks = {}): Promise<ImportSummary> {
  const checkpointer = Checkpointer.start(store.db, store.path);
  try {
    return await importFiles(store, paths, options, coderId, hooks);
  } finally {
    await checkpointer?.stop();
  }
}

async function importFiles(store: Store, paths: string[], options: ImportOptions, coderId: string, hooks: ImportHooks): Promise<ImportSummary> {
  const { db } = store;
  const started = Date.now();
  markInterruptedImports(db);
  const batch = createBatch(db, paths, options, coderId);
  hooks.onBatch?.(batch.id);
  const skipped: ImportIssue[] = [];
  const failed: ImportIssue[] = [];
  let imported = 0;
  let unchanged = 0;
  let done = 0;
  let total = 0;
  let currentPath: string | undefined;
  let lastProgress = 0;

  const progress = (phase: ImportProgress['phase'], force = false) => {
    const now = Date.now();
    if (!force && now - lastProgress < PROGRESS_MS) return;
    lastProgress = now;
    const seconds = (now - started) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    hooks.onProgress?.({
      batchId: batch.id,
      phase,
      done,
      total,
      ...(currentPath ? { currentPath } : {}),
      filesPerSecond: Math.round(rate * 10) / 10,
      etaMs: rate > 0 && done >= 5 ? Math.round(((total - done) / rate) * 1000) : null,
    });
  };

  progress('scanning', true);
  const walked = await walk(paths, { maxFileBytes: options.maxFileBytes, signal: hooks.signal });
  skipped.push(...walked.skipped);
  total = walked.candidates.length;

  const item = prepared(db, 'INSERT INTO import_items (batch_id, path, status, code, reason, document_count) VALUES (?, ?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (const s of skipped) item.run(batch.id, s.path, 'skipped', s.code, s.reason, 0);
  })();

  // Results wait here until the next batched write.
  let buffer: { candidate: Candidate; result: FileResult }[] = [];
  let lastFlush = Date.now();
  const now = new Date().toISOString();
  const pass = new BatchPass(db);
  // Documents of the write in progress: they join the batch pass once it has committed.
  let justStored: PendingDoc[] = [];
  const duplicates = await DuplicateFinder.open(db, options.nearThreshold, pause);
  // Writes buffered results, in order, until the buffer is empty or FLUSH_BUDGET_MS has passed
  // (linking a file that duplicates hundreds of earlier ones can take long); returns how many.
  const flush = db.transaction((rows: typeof buffer): number => {
    const started = performance.now();
    let n = 0;
    while (n < rows.length && (n === 0 || performance.now() - started < FLUSH_BUDGET_MS)) {
      const { candidate, result } = rows[n++];
      if (result.kind === 'unchanged') {
        item.run(batch.id, candidate.path, 'unchanged', null, null, 0);
      } else if (result.kind === 'failed') {
        item.run(batch.id, candidate.path, 'failed', result.code, result.reason, 0);
      } else {
        result.articles.forEach((a, i) => {
          const doc: NewDocument = {
            id: randomUUID(),
            batchId: batch.id,
            path: candidate.path,
            recordIndex: i,
            format: formatOf(candidate.path)!,
            sizeBytes: candidate.sizeBytes,
            mtimeMs: candidate.mtimeMs,
            sha256: result.sha256,
            parsed: a.parsed,
            ranges: a.ranges,
            cleanHash: a.cleanHash,
            minhash: a.minhash,
            shingles: a.shingles,
            words: a.words,
            importedAt: now,
            dupChecked: true,
            ...(a.textUtf8 ? { textUtf8: a.textUtf8 } : {}),
          };
          const rowid = insertDocument(db, doc);
          duplicates.check({ rowid, id: doc.id, minhash: a.minhash, shingles: a.shingles, clean_hash: a.cleanHash });
          justStored.push({ rowid, outlet: a.parsed.outlet?.value ?? null, lines: a.lines, ranges: a.ranges });
        });
        item.run(batch.id, candidate.path, 'imported', null, null, result.articles.length);
        for (const r of result.articles[0]?.parsed.skippedRecords ?? []) {
          skipped.push({ path: `${candidate.path} (${r.where})`, code: 'no-text', reason: r.reason });
        }
      }
    }
    return n;
  });
  // Full outlet slices get their batch pass while files are still being parsed, in short steps
  // between the writes, using the time the main thread would otherwise wait for the workers.
  let passRunning: Promise<void> | null = null;
  const flushNow = () => {
    if (buffer.length === 0) return;
    justStored = [];
    const n = flush(buffer);
    buffer = buffer.slice(n);
    for (const d of justStored) pass.add(d);
    lastFlush = Date.now();
    if (pass.hasReady && !passRunning) {
      passRunning = (async () => {
        while (pass.step(STEP_MS_IMPORTING)) await pause();
      })().finally(() => {
        passRunning = null;
      });
    }
  };
  // A first import skips the per-file look-up of earlier versions: there are none.
  const projectHadDocuments = prepared<[], { x: number }>(db, 'SELECT 1 AS x FROM documents LIMIT 1').get() !== undefined;

  const pool = new WorkerPool(hooks.workers);
  try {
    progress('importing', true);
    const queue = walked.candidates;
    // Results are stored in walk order whatever order the workers finish in, so rowids (and with
    // them "earliest imported", the duplicate primary) do not depend on thread timing.
    const ready = new Map<number, FileResult>();
    let stored = 0;
    let next = 0;
    const lane = async () => {
      while (next < queue.length && !hooks.signal?.aborted) {
        const index = next++;
        const candidate = queue[index];
        currentPath = candidate.path;
        const versions = projectHadDocuments ? versionsOfPath(db, candidate.path) : [];
        let result: FileResult;
        if (versions.some((v) => v.sizeBytes === candidate.sizeBytes && v.mtimeMs === candidate.mtimeMs)) {
          // Same size and modification time as a version already imported: unchanged, not re-read.
          result = { kind: 'unchanged', sha256: versions[0].sha256 };
        } else {
          const job: FileJob = { path: candidate.path, realPath: candidate.realPath, knownSha: versions.map((v) => v.sha256), ...(options.encoding ? { encoding: options.encoding } : {}) };
          result = await pool.run(job);
        }
        ready.set(index, result);
        while (ready.has(stored)) {
          const r = ready.get(stored)!;
          ready.delete(stored);
          const c = queue[stored++];
          if (r.kind === 'unchanged') unchanged++;
          else if (r.kind === 'failed') failed.push({ path: c.path, code: r.code, reason: r.reason });
          else imported += r.articles.length;
          buffer.push({ candidate: c, result: r });
          done++;
        }
        if (buffer.length >= FLUSH_DOCS || Date.now() - lastFlush >= FLUSH_MS) flushNow();
        while (buffer.length >= MAX_BUFFERED) {
          await pause();
          flushNow();
        }
        // Likewise when the batch pass falls more than a slice behind: what waits for it is held.
        while (pass.readyDocs > GROUP_SLICE && passRunning) await passRunning;
        progress('importing');
      }
    };
    await Promise.all(Array.from({ length: pool.capacity }, lane));
    while (buffer.length > 0) {
      flushNow();
      await pause();
    }
  } catch (err) {
    // Whatever was stored still gets its batch pass (and so its search rows) before the error goes up.
    await passRunning;
    pass.close();
    while (pass.step(STEP_MS_FINISHING));
    throw err;
  } finally {
    await pool.close();
  }

  const cancelled = hooks.signal?.aborted ?? false;
  currentPath = undefined;
  progress('duplicates', true);
  await passRunning;
  pass.close();
  while (pass.step(STEP_MS_FINISHING)) await pause();
  const summary: ImportSummary = {
    batchId: batch.id,
    status: cancelled ? 'cancelled' : 'done',
    imported,
    unchanged,
    duplicates: { exact: duplicates.exact, near: duplicates.near },
    skipped,
    failed,
    elapsedMs: Date.now() - started,
  };
  db.transaction(() => {
    prepared(db, 'UPDATE import_batches SET status = ?, finished_at = ?, summary_json = ? WHERE id = ?').run(summary.status, new Date().toISOString(), JSON.stringify(summary), batch.id);
    // The import itself is part of the trail: who brought which files in, with what result.
    appendAudit(db, {
      coderId,
      entity: 'import',
      entityId: batch.id,
      action: summary.status === 'done' ? 'import' : 'import-cancelled',
      after: { sources: paths, imported, unchanged, duplicates: summary.duplicates, skipped: skipped.length, failed: failed.length },
    });
  })();
  progress(cancelled ? 'cancelled' : 'done', true);
  return summary;
}

/** The stored report of a finished run. */
export function importReport(db: Db, batchId: string): ImportSummary | null {
  const row = prepared<[string], { summary_json: string | null }>(db, 'SELECT summary_json FROM import_batches WHERE id = ?').get(batchId);
  return row?.summary_json ? (JSON.parse(row.summary_json) as ImportSummary) : null;
}
