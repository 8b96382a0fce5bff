import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLibrary } from '../../bench/library-corpus';
import { createProject, type Store } from '../store/open';
import type { AppContext } from './context';
import { documentFacets, documentsFacets, documentsPage, type ListArgs, listDocuments, searchDocuments } from './library';
import { PARALLEL_MIN_DOCUMENTS, rowidRanges, SearchPool } from './search-pool';
import { toFtsQuery } from './search-query';

/**
 * Ranked search split into rowid parts on the pool's threads (each its own read-only connection)
 * must give exactly what one search on the main connection gives: the same total, the same rows in
 * the same order (ties included), the same cursors. A generated project above the pool's threshold.
 */
const SIZE = PARALLEL_MIN_DOCUMENTS + 4_000;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-search-pool-'));
let store: Store;
const ctx = (): AppContext => ({ mode: 'browser', version: 'test', userDataDir: dir, store, emit: () => {} });
const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

beforeAll(() => {
  store = createProject(path.join(dir, 'large.liaison'));
  generateLibrary(store.db, SIZE);
}, 60_000);

afterAll(() => {
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the search pool', () => {
  it('splits the rowids into contiguous ranges that cover every document', () => {
    const ranges = rowidRanges(store.db, 2);
    expect(ranges).toEqual([
      [1, 12_001],
      [12_002, SIZE + 2],
    ]);
    expect(rowidRanges(store.db, 3).flat()).toEqual([1, 8001, 8002, 16_002, 16_003, SIZE + 2]);
  });

  it('starts on a large project, with a thread per core', () => {
    const pool = SearchPool.for(store);
    expect(pool).not.toBeNull();
    expect(pool!.size).toBe(Math.min(4, os.availableParallelism()));
  });

  const queries = ['Baghdad', '"border security"', 'meets OR hosts', 'NATO NOT Erbil', 'secur*', 'NEAR(Somali counterparts, 3)', 'zzlongreport'];

  it('ranks library pages in parts exactly as one search on the main connection does', async () => {
    for (const query of queries) {
      for (const direction of ['asc', 'desc'] as const) {
        for (const extra of [{}, { formats: ['pdf' as const] }, { offset: 300 }]) {
          let args: ListArgs = { query, direction, limit: 100, cursor: null, ...extra };
          // First page and two more by cursor: every page, total and cursor alike.
          for (let page = 0; page < 3; page++) {
            const parted = await documentsPage(ctx(), args);
            const single = listDocuments(ctx(), args);
            expect(parted.total, `${query} ${direction} ${JSON.stringify(extra)}`).toBe(single.total);
            expect(ids(parted.rows)).toEqual(ids(single.rows));
            expect(parted.rows.map((r) => r.snippet)).toEqual(single.rows.map((r) => r.snippet));
            expect(parted.nextCursor).toBe(single.nextCursor);
            if (!parted.nextCursor) break;
            args = { ...args, offset: undefined, cursor: parted.nextCursor };
          }
        }
      }
    }
    // The queries reach both parts: the test would pass on one part alone otherwise.
    const [low, high] = rowidRanges(store.db, 2);
    const baghdad = listDocuments(ctx(), { query: 'Baghdad', sort: 'imported', direction: 'asc', limit: 500, cursor: null });
    expect(baghdad.total).toBeGreaterThan(1000);
    expect(baghdad.rows.some((r) => Number(r.id.slice(4)) <= low[1])).toBe(true);
    expect(listDocuments(ctx(), { query: 'Baghdad', sort: 'imported', direction: 'desc', limit: 5, cursor: null }).rows.some((r) => Number(r.id.slice(4)) >= high[0])).toBe(true);
  }, 60_000);

  it('searches (documents.search) in parts with the count and order of one statement', async () => {
    for (const query of queries) {
      const { hits, total } = await searchDocuments(ctx(), { query, limit: 50, offset: 10 });
      const match = toFtsQuery(query);
      const expected = store.db
        .prepare('SELECT rowid, bm25(documents_fts, 4.0, 1.0) AS score FROM documents_fts WHERE documents_fts MATCH ? ORDER BY score, rowid LIMIT 50 OFFSET 10')
        .all(match) as { rowid: number }[];
      const count = (store.db.prepare('SELECT count(*) AS n FROM documents_fts WHERE documents_fts MATCH ?').get(match) as { n: number }).n;
      expect(total, query).toBe(count);
      const rowidOf = store.db.prepare('SELECT rowid FROM documents WHERE id = ?').pluck();
      expect(hits.map((h) => rowidOf.get(h.document.id))).toEqual(expected.map((e) => e.rowid));
    }
  }, 60_000);

  it('counts the facets on the threads exactly as on the main connection', async () => {
    const cases = [{}, { query: 'Kismayo' }, { query: 'security', formats: ['pdf' as const] }, { query: 'meets OR hosts', published: '2019' }, { outlets: ['Rudaw'], published: '2024-04' }];
    for (const filters of cases) {
      const threads = await documentsFacets(ctx(), filters);
      expect(threads, JSON.stringify(filters)).toEqual(documentFacets(ctx(), filters));
      expect(threads.total, JSON.stringify(filters)).toBeGreaterThan(0);
    }
    // The month facet of a chosen year is among them.
    expect((await documentsFacets(ctx(), { query: 'meets OR hosts', published: '2019' })).months.length).toBeGreaterThan(1);
  });

  it('reports a query FTS5 refuses in the threads as the analyst\u2019s bad query', async () => {
    await expect(searchDocuments(ctx(), { query: 'NEAR(border security, x)', limit: 10, offset: 0 })).rejects.toMatchObject({ code: 'bad-query' });
    await expect(documentsPage(ctx(), { query: 'NEAR(border security, x)', direction: 'asc', limit: 10, cursor: null })).rejects.toMatchObject({ code: 'bad-query' });
    await expect(documentsFacets(ctx(), { query: 'NEAR(border security, x)' })).rejects.toMatchObject({ code: 'bad-query' });
  });

  it('answers on the main connection once a thread has failed, never leaving a search waiting', async () => {
    const expected = await searchDocuments(ctx(), { query: 'Kismayo', limit: 20, offset: 0 });
    const facets = await documentsFacets(ctx(), { query: 'Kismayo' });
    const pool = SearchPool.for(store)!;
    // A thread dies (out of memory, say) while a search waits on it.
    const waiting = searchDocuments(ctx(), { query: 'Kismayo', limit: 20, offset: 0 });
    await (pool as unknown as { workers: Worker[] }).workers[0].terminate();
    expect(await waiting).toEqual(expected);
    expect(await searchDocuments(ctx(), { query: 'Kismayo', limit: 20, offset: 0 })).toEqual(expected);
    expect(await documentsFacets(ctx(), { query: 'Kismayo' })).toEqual(facets);
    const page = await documentsPage(ctx(), { query: 'Kismayo', direction: 'asc', limit: 50, cursor: null });
    expect(ids(page.rows)).toEqual(ids(listDocuments(ctx(), { query: 'Kismayo', direction: 'asc', limit: 50, cursor: null }).rows));
  });

  // Last: it closes the project.
  it('closing the project ends its threads first, so no -wal or -shm is left beside the file', async () => {
    expect((await searchDocuments(ctx(), { query: 'Kismayo', limit: 5, offset: 0 })).total).toBeGreaterThan(0);
    expect(fs.existsSync(`${store.path}-wal`)).toBe(true);
    const pool = SearchPool.for(store)!;
    // One thread of two is left since the test before; it still has its connection.
    expect(pool.openConnections).toBe(pool.size - 1);
    // Closing the pool returns once every thread has closed its connection (closing the store
    // does the same first thing, then checkpoints and closes its own).
    pool.close();
    expect(pool.openConnections).toBe(0);
    store.close();
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('large.liaison'))).toEqual(['large.liaison']);
    await expect(searchDocuments(ctx(), { query: 'Kismayo', limit: 5, offset: 0 })).rejects.toThrow();
  });
});
