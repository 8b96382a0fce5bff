import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Db, Store } from '../store/open';
import { prepared } from '../store/prepared';
import { defaultWorkerPath, workerExecArgv } from './import/worker-pool';

/** A statement and its named parameters; `$lo` and `$hi` are added per part. */
export interface Statement {
  sql: string;
  params: Record<string, unknown>;
}

/**
 * Projects with fewer documents than this search on the main connection alone: below it a ranked
 * search takes a few milliseconds, less than the trip to the threads and back is worth.
 */
export const PARALLEL_MIN_DOCUMENTS = 20_000;

/** How long closing a project waits for a search thread still busy with a statement. */
const CLOSE_WAIT_MS = 2000;

/** Deeper than this (offset plus page), a ranked page is not split: each part would return it all. */
export const MAX_PARTED_ROWS = 2000;

/**
 * Ranked search in parallel. bm25 ranks every match of a query before the best 50 are known, about
 * 0.4 µs a match: a word in 80,000 of 100,000 articles costs some 35 ms to rank on one core. FTS5
 * honours a rowid range, so the search pool splits the project's rowids into one range per thread,
 * each thread counts and ranks its range on a read-only connection of its own (bm25's statistics
 * are the whole table's in every range, so the scores are those of a single search), and the main
 * thread merges the parts: on two cores, about half the time.
 *
 * The threads start when a large project is opened (or with its first large search) and end when it
 * is closed. Where they cannot start (one core, the worker not built), or once one has failed (its
 * connection or its memory), searches run on the main connection, as on small projects: a failed
 * thread never leaves a search waiting.
 */
export class SearchPool {
  private static readonly pools = new WeakMap<Store, SearchPool>();
  private readonly workers: Worker[];
  /** One flag per thread, set once it has closed its connection. */
  private readonly closedFlags: Int32Array;
  private readonly exited: boolean[];
  private readonly pending = new Map<number, { resolve: (r: unknown[][]) => void; reject: (e: Error) => void }>();
  private nextId = 1;
  private closed = false;
  /** A thread failed or ended: what remains runs on the main connection. */
  private broken = false;

  private constructor(file: string, size: number) {
    const closed = new SharedArrayBuffer(4 * size);
    this.closedFlags = new Int32Array(closed);
    this.exited = new Array(size).fill(false);
    this.workers = Array.from({ length: size }, (_, index) => {
      const worker = new Worker(defaultWorkerPath('search-worker'), { execArgv: workerExecArgv(), workerData: { file, closed, index } });
      worker.once('exit', () => {
        this.exited[index] = true;
        this.breakDown(new Error('A search thread ended.'));
      });
      // An idle pool does not keep a terminal command alive.
      worker.unref();
      worker.on('message', (m: { id: number; results?: unknown[][]; error?: string }) => {
        const p = this.pending.get(m.id);
        if (!p) return;
        this.pending.delete(m.id);
        if (m.error !== undefined) p.reject(new Error(m.error));
        else p.resolve(m.results!);
      });
      worker.on('error', (err) => this.breakDown(err));
      return worker;
    });
  }

  /** The store's pool, started on first use; null when searches should stay on the main connection. */
  static for(store: Store): SearchPool | null {
    if (SearchPool.pools.has(store)) return SearchPool.pools.get(store)!;
    const size = Math.min(4, os.availableParallelism());
    let pool: SearchPool | null = null;
    if (size >= 2 && documentCount(store.db) >= PARALLEL_MIN_DOCUMENTS) {
      try {
        pool = new SearchPool(store.path, size);
        store.onClose(() => pool?.close());
      } catch {
        pool = null;
      }
    }
    // A project too small now is asked again next time (it may have grown by an import).
    if (pool) SearchPool.pools.set(store, pool);
    return pool;
  }

  get size(): number {
    return this.workers.length;
  }

  /** Threads whose connection to the project is still open. */
  get openConnections(): number {
    let n = 0;
    for (let i = 0; i < this.workers.length; i++) if (!this.exited[i] && Atomics.load(this.closedFlags, i) === 0) n++;
    return n;
  }

  /**
   * Runs `statements` once per rowid range (`$lo`, `$hi`: bind them as
   * `rowid >= CAST($lo AS INTEGER) AND rowid <= CAST($hi AS INTEGER)` inside the FTS5 query, where
   * the range narrows the index scan); per statement, each range's rows, in range order. On a
   * broken pool, one range of everything on `db`.
   */
  async runParts(db: Db, statements: Statement[]): Promise<unknown[][][]> {
    const here = () => wholeRangeHere(db, statements);
    if (this.broken) return here();
    const ranges = rowidRanges(db, this.workers.length);
    try {
      const parts = await Promise.all(
        ranges.map(([lo, hi], i) =>
          this.send(
            this.workers[i],
            statements.map((s) => ({ sql: s.sql, params: { ...s.params, lo, hi } })),
          ),
        ),
      );
      return statements.map((_, s) => parts.map((results) => results[s]));
    } catch (err) {
      if (err instanceof PoolFailure && !this.closed) return here();
      throw err;
    }
  }

  /** Runs independent statements spread over the threads (on `db` once the pool is broken); each statement's rows, in order. */
  async runEach(db: Db, statements: Statement[]): Promise<unknown[][]> {
    const here = () => statements.map((s) => runHere(db, s));
    if (this.broken) return here();
    const out: unknown[][] = new Array(statements.length);
    try {
      await Promise.all(
        this.workers.map(async (worker, w) => {
          const mine = statements.map((_, i) => i).filter((i) => i % this.workers.length === w);
          if (mine.length === 0) return;
          const results = await this.send(
            worker,
            mine.map((i) => statements[i]),
          );
          mine.forEach((i, k) => {
            out[i] = results[k];
          });
        }),
      );
      return out;
    } catch (err) {
      if (err instanceof PoolFailure && !this.closed) return here();
      throw err;
    }
  }

  /**
   * Ends the threads, waiting (at most CLOSE_WAIT_MS, on the flags they set) until each has closed
   * its connection: the project's own connection closes right after, and only the last connection
   * to a file removes its -wal and -shm files. Synchronous, as closing a store is.
   */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.fail(new PoolFailure('The project was closed while searching.'));
    for (const w of this.workers) w.postMessage('close');
    const until = performance.now() + CLOSE_WAIT_MS;
    for (let i = 0; i < this.workers.length; i++) {
      while (!this.exited[i] && Atomics.load(this.closedFlags, i) === 0 && performance.now() < until) {
        Atomics.wait(this.closedFlags, i, 0, Math.max(1, until - performance.now()));
      }
    }
  }

  private send(worker: Worker, statements: Statement[]): Promise<unknown[][]> {
    if (this.closed) return Promise.reject(new PoolFailure('The project was closed while searching.'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, statements });
    });
  }

  /** A thread failed or ended while the project is open: the searches waiting on it and all later ones run on the main connection. */
  private breakDown(err: Error): void {
    if (this.closed) return;
    this.broken = true;
    this.fail(new PoolFailure(err.message));
  }

  private fail(err: PoolFailure): void {
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }
}

/** The pool itself failed (a thread, or the project closed), as opposed to a statement. */
class PoolFailure extends Error {}

/** A statement's rows, on `db`. */
export function runHere(db: Db, s: Statement): unknown[] {
  return prepared<[Record<string, unknown>], unknown>(db, s.sql).all(s.params);
}

/** Statements written for a rowid range run once over the whole range on `db`: one part each. */
function wholeRangeHere(db: Db, statements: Statement[]): unknown[][][] {
  return statements.map((s) => [runHere(db, { sql: s.sql, params: { ...s.params, ...ALL_ROWIDS } })]);
}

function documentCount(db: Db): number {
  return prepared<[], { n: number }>(db, 'SELECT count(*) AS n FROM documents').get()!.n;
}

/** `parts` contiguous rowid ranges of about equal width covering every document. */
export function rowidRanges(db: Db, parts: number): [number, number][] {
  const { lo, hi } = prepared<[], { lo: number | null; hi: number | null }>(db, 'SELECT min(rowid) AS lo, max(rowid) AS hi FROM documents').get()!;
  if (lo === null || hi === null) return [[0, 0]];
  const width = Math.ceil((hi - lo + 1) / parts);
  return Array.from({ length: parts }, (_, i): [number, number] => [lo + i * width, i === parts - 1 ? hi : lo + (i + 1) * width - 1]);
}

/** The rows `from` to `to` of ranked parts merged, by score (bm25: lower is better) then rowid. */
export function mergeRanked<T extends { score: number; rowid: number }>(parts: T[][], direction: 'asc' | 'desc', from: number, to: number): T[] {
  const sign = direction === 'asc' ? 1 : -1;
  return parts
    .flat()
    .sort((a, b) => sign * (a.score - b.score || a.rowid - b.rowid))
    .slice(from, to);
}

/** The sum of a count(*) run in parts. */
export const sumCounts = (parts: { n: number }[][]): number => parts.reduce((n, rows) => n + rows[0].n, 0);

/** The whole rowid range, for the same statements run on the main connection. */
const ALL_ROWIDS = { lo: 0, hi: Number.MAX_SAFE_INTEGER };

/**
 * Runs `statements` (written for a rowid range `$lo`–`$hi`) over the whole project: in parallel
 * parts on the store's pool when it has one (and `rows`, the rows a part may have to return, is
 * at most MAX_PARTED_ROWS), else once on the main connection. Per statement, the rows of each part.
 */
export async function runInParts(store: Store, statements: Statement[], rows: number): Promise<unknown[][][]> {
  const pool = rows <= MAX_PARTED_ROWS ? SearchPool.for(store) : null;
  if (pool) return pool.runParts(store.db, statements);
  return wholeRangeHere(store.db, statements);
}
