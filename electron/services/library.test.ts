import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentFilters, LibrarySort, ListedDocument } from '../../shared/model/library';
import { CODING_STATUSES, HIGHLIGHT_CLOSE, HIGHLIGHT_OPEN } from '../../shared/model/library';
import { createProject, type Db, type Store } from '../store/open';
import type { AppContext } from './context';
import { documentFacets, listDocuments, walkSortIndex } from './library';

/**
 * The library's paging, filter and facet queries on a generated 100,000-document project, and
 * the plans SQLite picks for them. Documents are generated in SQL (one statement, one
 * transaction) from formulas on their number `i`, so each expected count is a formula too.
 */
const N = 100_000;

let dir: string;
let store: Store;
const ctx = (s: Store = store): AppContext => ({ mode: 'browser', version: 'test', userDataDir: dir, store: s, emit: () => {} });

function generate(db: Db): void {
  const coder = (db.prepare('SELECT id FROM coders').get() as { id: string }).id;
  db.transaction(() => {
    const batch = db.prepare("INSERT INTO import_batches (id, seq, started_at, status, sources_json, options_json, coder_id) VALUES (?, ?, ?, 'done', '[]', '{}', ?)");
    batch.run('b1', 1, '2026-01-05T10:00:00Z', coder);
    batch.run('b2', 2, '2026-02-05T10:00:00Z', coder);
    batch.run('b3', 3, '2026-03-05T10:00:00Z', coder);
    db.exec(`
      WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 500 FROM k WHERE i + 500 <= ${N})
      INSERT INTO duplicate_groups (id, kind, primary_document_id, created_at) SELECT 'g' || (i / 500), 'exact', printf('doc-%06d', i), '2026-01-05' FROM k;
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${N})
      INSERT INTO documents (rowid, id, batch_id, path, format, size_bytes, mtime_ms, sha256, encoding, text, title, published_at, outlet, place,
                             words, clean_hash, imported_at, excluded, duplicate_group_id)
      SELECT i, printf('doc-%06d', i),
        CASE WHEN i <= 60000 THEN 'b1' WHEN i <= 90000 THEN 'b2' ELSE 'b3' END,
        printf('/corpus/%06d.txt', i),
        CASE WHEN i % 20 = 0 THEN 'pdf' WHEN i % 7 = 0 THEN 'html' ELSE 'txt' END,
        200, 0, printf('%064d', i), 'utf-8',
        'Body of article ' || i || CASE WHEN i % 1000 = 0 THEN ' zebra crossing in Baghdad' ELSE ' routine report' END,
        CASE WHEN i % 101 = 0 THEN NULL ELSE printf('Title %06d', (i * 7919) % ${N}) END,
        CASE WHEN i % 13 = 0 THEN NULL ELSE printf('%04d-%02d-%02d', 2015 + i % 10, 1 + i % 12, 1 + i % 28) END,
        CASE WHEN i % 11 = 0 THEN NULL ELSE 'Outlet ' || (i % 37) END,
        CASE WHEN i % 17 = 0 THEN NULL ELSE 'Place ' || (i % 9) END, 50 + i % 900, printf('%064d', i), '2026-01-05T10:00:00Z',
        CASE WHEN i % 50 = 0 THEN 1 ELSE 0 END,
        CASE WHEN i % 500 IN (1, 2) THEN 'g' || (i / 500) END
      FROM n;
      INSERT INTO documents_fts (rowid, title, body) SELECT rowid, ifnull(title, ''), text FROM documents;
    `);
    generateCoding(db, coder);
  })();
}

/**
 * Engagements citing documents, by formula on the document's number i:
 * i % 1000 = 0 cited by a coded engagement, and by a final one too when i % 2000 = 0, and by a
 * draft too when i % 5000 = 0; i % 1000 = 500 cited by a draft; i % 1000 = 250 by a deleted one.
 */
function generateCoding(db: Db, coder: string): void {
  db.prepare("INSERT INTO codebooks (id, name, preset, current_version, created_at) VALUES ('cb', 'Test', NULL, 1, '2026-01-05')").run();
  const engagement = db.prepare(
    `INSERT INTO engagements (id, codebook_id, codebook_version, type, date_precision, confidence, status, coder_id, created_at, updated_at, revision, deleted_at)
     VALUES (?, 'cb', 1, 'consult', 'unknown', 'medium', ?, ?, '2026-01-05', '2026-01-05', 1, ?)`,
  );
  const source = db.prepare('INSERT INTO engagement_sources (engagement_id, document_id, is_primary) VALUES (?, ?, 1)');
  const cite = (i: number, kind: string, status: string, deletedAt: string | null = null) => {
    const id = `e-${kind}-${i}`;
    engagement.run(id, status, coder, deletedAt);
    source.run(id, `doc-${String(i).padStart(6, '0')}`);
  };
  for (let i = 1000; i <= N; i += 1000) {
    cite(i, 'c', 'coded');
    if (i % 2000 === 0) cite(i, 'f', 'final');
    if (i % 5000 === 0) cite(i, 'd', 'draft');
  }
  for (let i = 500; i <= N; i += 1000) cite(i, 'd', 'draft');
  for (let i = 250; i <= N; i += 1000) cite(i, 'x', 'coded', '2026-01-06');
}
const codingOf = (i: number) => (i % 1000 === 500 || i % 5000 === 0 ? 'draft' : i % 1000 === 0 ? 'coded' : 'uncoded');
const engagementsOf = (i: number) => (i % 1000 === 0 ? 1 + (i % 2000 === 0 ? 1 : 0) + (i % 5000 === 0 ? 1 : 0) : i % 1000 === 500 ? 1 : 0);

/** Every page of a listing, following nextCursor. */
function walk(args: DocumentFilters & { sort?: LibrarySort; direction?: 'asc' | 'desc'; limit?: number }, s: Store = store): { rows: ListedDocument[]; total: number; pages: number } {
  const rows: ListedDocument[] = [];
  let cursor: string | null = null;
  let total = 0;
  let pages = 0;
  do {
    const page = listDocuments(ctx(s), { limit: 500, direction: 'asc', ...args, cursor });
    rows.push(...page.rows);
    total = page.total;
    cursor = page.nextCursor;
    pages++;
  } while (cursor);
  return { rows, total, pages };
}

/** Documents matching a predicate on their number, counted the slow, obvious way. */
const count = (pred: (i: number) => boolean) => {
  let n = 0;
  for (let i = 1; i <= N; i++) if (pred(i)) n++;
  return n;
};
const numberOf = (id: string) => Number(id.slice(4));
const outletOf = (i: number) => (i % 11 === 0 ? null : `Outlet ${i % 37}`);
const yearOf = (i: number) => (i % 13 === 0 ? null : 2015 + (i % 10));

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-library-'));
  store = createProject(path.join(dir, 'big.liaison'));
  generate(store.db);
}, 120_000);
afterAll(() => {
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('library paging on 100,000 documents', () => {
  it('walks every sort key both ways, each document once, in order', () => {
    // The later columns walk one way each (the way analysts use them) to keep the test's time in bounds.
    const cases: { sort: LibrarySort; key: (r: ListedDocument) => string | number; directions?: ('asc' | 'desc')[] }[] = [
      { sort: 'imported', key: (r) => numberOf(r.id) },
      { sort: 'title', key: (r) => r.title ?? '' },
      { sort: 'published', key: (r) => r.publishedAt ?? '' },
      { sort: 'outlet', key: (r) => r.outlet ?? '' },
      { sort: 'words', key: (r) => r.words },
      { sort: 'place', key: (r) => r.place ?? '', directions: ['asc'] },
      { sort: 'batch', key: (r) => r.batchSeq, directions: ['desc'] },
      { sort: 'format', key: (r) => r.format, directions: ['asc'] },
      { sort: 'duplicates', key: (r) => r.duplicateGroupId ?? '', directions: ['desc'] },
      // The stored counts these sort by must agree with the live ones each row carries.
      { sort: 'engagements', key: (r) => r.engagements, directions: ['desc'] },
      { sort: 'coding', key: (r) => CODING_STATUSES.indexOf(r.codingStatus), directions: ['asc'] },
    ];
    for (const { sort, key, directions = ['asc', 'desc'] as ('asc' | 'desc')[] } of cases) {
      for (const direction of directions) {
        const { rows, total } = walk({ sort, direction });
        expect(total).toBe(N);
        expect(rows).toHaveLength(N);
        expect(new Set(rows.map((r) => r.id)).size).toBe(N);
        for (let k = 1; k < rows.length; k++) {
          const a = key(rows[k - 1]);
          const b = key(rows[k]);
          const tie = a === b ? numberOf(rows[k - 1].id) < numberOf(rows[k].id) === (direction === 'asc') : (a < b) === (direction === 'asc');
          if (!tie) throw new Error(`${sort} ${direction}: rows ${k - 1} and ${k} out of order (${a} / ${b})`);
        }
      }
    }
  }, 180_000);

  it('filters by batch, outlet, year, month, format, duplicate status and relevance', () => {
    const outlet7 = walk({ outlets: ['Outlet 7'], sort: 'title' });
    expect(outlet7.total).toBe(count((i) => outletOf(i) === 'Outlet 7'));
    expect(outlet7.rows).toHaveLength(outlet7.total);
    expect(outlet7.rows.every((r) => r.outlet === 'Outlet 7')).toBe(true);

    expect(walk({ outlets: [''] }).total).toBe(count((i) => outletOf(i) === null));
    expect(walk({ batchIds: ['b3'], sort: 'published', direction: 'desc' }).total).toBe(10_000);
    expect(walk({ published: '2019' }).total).toBe(count((i) => yearOf(i) === 2019));
    expect(walk({ published: 'none', sort: 'words' }).total).toBe(count((i) => i % 13 === 0));
    expect(walk({ published: '2019-04' }).total).toBe(count((i) => yearOf(i) === 2019 && 1 + (i % 12) === 4));
    expect(walk({ formats: ['pdf', 'html'], sort: 'outlet' }).total).toBe(count((i) => i % 20 === 0 || i % 7 === 0));
    expect(walk({ duplicates: ['primary'] }).total).toBe(200);
    expect(walk({ duplicates: ['duplicate', 'primary'] }).total).toBe(400);
    expect(walk({ duplicates: ['none'], excluded: false }).total).toBe(count((i) => i % 500 !== 1 && i % 500 !== 2 && i % 50 !== 0));
    expect(walk({ excluded: true, sort: 'title' }).rows.every((r) => r.excluded)).toBe(true);

    const combined = walk({ batchIds: ['b1', 'b2'], outlets: ['Outlet 3', 'Outlet 5'], formats: ['txt'], excluded: false, sort: 'published', direction: 'desc' });
    const expected = count((i) => i <= 90000 && ['Outlet 3', 'Outlet 5'].includes(outletOf(i) ?? '') && i % 20 !== 0 && i % 7 !== 0 && i % 50 !== 0);
    expect(combined.total).toBe(expected);
    expect(combined.rows).toHaveLength(expected);
    expect(combined.rows.map((r) => r.publishedAt ?? '')).toEqual(combined.rows.map((r) => r.publishedAt ?? '').sort().reverse());
  });

  it('searches within filters, ranked, with highlighted snippets on every row', () => {
    const zebra = walk({ query: 'zebra', limit: 30 });
    expect(zebra.total).toBe(100);
    expect(zebra.rows).toHaveLength(100);
    for (const r of zebra.rows) {
      expect(r.snippet).toContain(`${HIGHLIGHT_OPEN}zebra${HIGHLIGHT_CLOSE}`);
      expect(r.score).toBeGreaterThan(0);
    }
    for (let k = 1; k < zebra.rows.length; k++) expect(zebra.rows[k - 1].score!).toBeGreaterThanOrEqual(zebra.rows[k].score!);

    const byTitle = walk({ query: 'zebra', sort: 'title', formats: ['pdf'] });
    expect(byTitle.total).toBe(count((i) => i % 1000 === 0 && i % 20 === 0));
    expect(byTitle.rows.every((r) => r.format === 'pdf' && r.snippet?.includes(HIGHLIGHT_OPEN))).toBe(true);

    // A search matching most documents, sorted by a column: walks the sort index.
    const routine = listDocuments(ctx(), { query: 'routine', sort: 'title', direction: 'asc', limit: 100, cursor: null });
    expect(routine.total).toBe(N - 100);
    expect(routine.rows[0].snippet).toContain(HIGHLIGHT_OPEN);

    expect(() => listDocuments(ctx(), { query: 'Iraq AND', limit: 10, cursor: null, direction: 'asc' })).toThrow(expect.objectContaining({ code: 'bad-query' }));
    expect(() => listDocuments(ctx(), { sort: 'rank', limit: 10, cursor: null, direction: 'asc' })).toThrow(/needs a query/);
    expect(() => listDocuments(ctx(), { sort: 'title', limit: 10, cursor: 'bogus', direction: 'asc' })).toThrow(expect.objectContaining({ code: 'invalid-input' }));
  });

  it('counts facets that follow the search and every filter but their own', () => {
    const all = documentFacets(ctx(), {});
    expect(all.total).toBe(N);
    expect(all.batches.map((b) => [b.value, b.count])).toEqual([
      ['b1', 60000],
      ['b2', 30000],
      ['b3', 10000],
    ]);
    expect(all.batches[0].label).toMatch(/^Import 1 · 2026-01-05$/);
    expect(all.outlets.find((o) => o.value === '')?.count).toBe(count((i) => outletOf(i) === null));
    expect(all.outlets.reduce((n, o) => n + o.count, 0)).toBe(N);
    expect(all.years.find((y) => y.value === '2019')?.count).toBe(count((i) => yearOf(i) === 2019));
    expect(all.years.at(-1)).toMatchObject({ value: 'none', count: count((i) => i % 13 === 0) });
    expect(all.months).toEqual([]);
    expect(Object.fromEntries(all.formats.map((f) => [f.value, f.count]))).toEqual({
      pdf: count((i) => i % 20 === 0),
      html: count((i) => i % 20 !== 0 && i % 7 === 0),
      txt: count((i) => i % 20 !== 0 && i % 7 !== 0),
    });
    expect(all.duplicates.map((d) => [d.value, d.count])).toEqual([
      ['none', N - 400],
      ['primary', 200],
      ['duplicate', 200],
    ]);
    expect(all.excluded.map((d) => [d.value, d.count])).toEqual([
      ['false', N - 2000],
      ['true', 2000],
    ]);

    const narrowed = documentFacets(ctx(), { query: 'zebra', formats: ['pdf'], published: '2015' });
    const zebraPdf2015 = count((i) => i % 1000 === 0 && i % 20 === 0 && yearOf(i) === 2015);
    expect(narrowed.total).toBe(zebraPdf2015);
    // The format facet leaves out its own filter: every format of the zebra articles of 2015.
    expect(narrowed.formats.reduce((n, f) => n + f.count, 0)).toBe(count((i) => i % 1000 === 0 && yearOf(i) === 2015));
    // The year facet leaves out the year: zebra pdfs of every year.
    expect(narrowed.years.reduce((n, y) => n + y.count, 0)).toBe(count((i) => i % 1000 === 0 && i % 20 === 0));
    expect(narrowed.months.reduce((n, m) => n + m.count, 0)).toBe(zebraPdf2015);
    expect(narrowed.months.every((m) => m.value.startsWith('2015-'))).toBe(true);
  });

  it('lists engagements coded and coding status per row, filters and counts by coding status', () => {
    // Every row carries its live engagements and status, on every page.
    const { rows } = walk({ sort: 'imported' });
    for (const r of rows) {
      const i = numberOf(r.id);
      if (r.engagements !== engagementsOf(i) || r.codingStatus !== codingOf(i)) throw new Error(`${r.id}: ${r.engagements} ${r.codingStatus}`);
    }
    const drafts = count((i) => codingOf(i) === 'draft');
    const coded = count((i) => codingOf(i) === 'coded');
    expect(walk({ coding: ['draft'], sort: 'title' }).total).toBe(drafts);
    const codedRows = walk({ coding: ['coded'], sort: 'published', direction: 'desc' });
    expect(codedRows.total).toBe(coded);
    expect(codedRows.rows.every((r) => r.codingStatus === 'coded' && r.engagements >= 1)).toBe(true);
    expect(walk({ coding: ['uncoded'], limit: 500 }).total).toBe(N - drafts - coded);
    expect(walk({ coding: ['uncoded', 'draft'], formats: ['pdf'] }).total).toBe(count((i) => codingOf(i) !== 'coded' && i % 20 === 0));
    // A deleted engagement leaves its document uncoded.
    expect(listDocuments(ctx(), { coding: ['uncoded'], query: 'routine', direction: 'asc', limit: 5, cursor: null }).total).toBe(count((i) => codingOf(i) === 'uncoded' && i % 1000 !== 0));

    const facets = documentFacets(ctx(), {});
    expect(facets.coding.map((c) => [c.value, c.label, c.count])).toEqual([
      ['uncoded', 'Not coded', N - drafts - coded],
      ['draft', 'Draft', drafts],
      ['coded', 'Coded', coded],
    ]);
    // The coding facet follows the other filters; the others follow the coding filter.
    const narrowed = documentFacets(ctx(), { coding: ['draft'], batchIds: ['b3'] });
    expect(narrowed.total).toBe(count((i) => codingOf(i) === 'draft' && i > 90000));
    expect(Object.fromEntries(narrowed.coding.map((c) => [c.value, c.count]))).toEqual({
      uncoded: count((i) => codingOf(i) === 'uncoded' && i > 90000),
      draft: count((i) => codingOf(i) === 'draft' && i > 90000),
      coded: count((i) => codingOf(i) === 'coded' && i > 90000),
    });
    expect(narrowed.batches.find((b) => b.value === 'b1')?.count).toBe(count((i) => codingOf(i) === 'draft' && i <= 60000));
  });

  it('chooses between walking the sort index and fetching by the filter from the counts', () => {
    expect(walkSortIndex(N, N, 100)).toBe(true);
    expect(walkSortIndex(50_000, N, 100)).toBe(true);
    expect(walkSortIndex(2_000, N, 100)).toBe(false);
  });
});

describe('query plans of the hot library queries', () => {
  /**
   * Runs service calls on a fresh connection whose statements report their plan each time they
   * run, with the parameters they ran with: the plans of the queries as the service really runs them.
   */
  function plansOf(run: (c: AppContext) => void): { sql: string; plan: string[] }[] {
    const db = new Database(store.path, { readonly: true });
    const plans: { sql: string; plan: string[] }[] = [];
    const prepare = db.prepare.bind(db);
    db.prepare = ((sql: string) => {
      const stmt = prepare(sql);
      if (!/^\s*(SELECT|WITH)/i.test(sql)) return stmt;
      for (const method of ['all', 'get'] as const) {
        const original = stmt[method].bind(stmt) as (...a: unknown[]) => unknown;
        Object.defineProperty(stmt, method, {
          value: (...params: unknown[]) => {
            const plan = (prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((p) => p.detail);
            plans.push({ sql: sql.replace(/\s+/g, ' '), plan });
            return original(...params);
          },
        });
      }
      return stmt;
    }) as typeof db.prepare;
    const fake: Store = { ...store, db, readOnly: true };
    try {
      run(ctx(fake));
    } finally {
      db.close();
    }
    return plans;
  }
  /** `SCAN d` alone reads the documents table front to back; `SCAN d USING ... INDEX` walks an index. */
  const fullScans = (plans: { sql: string; plan: string[] }[]) => plans.filter((p) => p.plan.some((line) => /^SCAN d$/.test(line)));

  it('every list query searches or walks an index, first page and deep pages alike', () => {
    const plans = plansOf((c) => {
      for (const sort of ['imported', 'title', 'published', 'outlet', 'words', 'place', 'batch', 'format', 'duplicates', 'engagements', 'coding'] as const) {
        for (const direction of ['asc', 'desc'] as const) {
          const first = listDocuments(c, { sort, direction, limit: 100, cursor: null });
          listDocuments(c, { sort, direction, limit: 100, cursor: first.nextCursor });
        }
      }
      for (const filters of [
        { outlets: ['Outlet 7'] },
        { formats: ['pdf' as const] },
        { excluded: true },
        { excluded: false },
        { published: '2019' },
        { batchIds: ['b3'] },
        { duplicates: ['primary' as const] },
        { coding: ['coded' as const] },
        { coding: ['draft' as const, 'coded' as const] },
        { coding: ['uncoded' as const] },
      ]) {
        const first = listDocuments(c, { ...filters, sort: 'title', direction: 'asc', limit: 100, cursor: null });
        listDocuments(c, { ...filters, sort: 'title', direction: 'asc', limit: 100, cursor: first.nextCursor });
      }
      const ranked = listDocuments(c, { query: 'zebra', direction: 'asc', limit: 20, cursor: null });
      listDocuments(c, { query: 'zebra', direction: 'asc', limit: 20, cursor: ranked.nextCursor });
      listDocuments(c, { query: 'routine', sort: 'published', direction: 'desc', limit: 100, cursor: null });
    });
    expect(plans.length).toBeGreaterThan(40);
    expect(fullScans(plans)).toEqual([]);

    const pageOf = (needle: string) => plans.filter((p) => p.sql.includes(needle) && p.sql.includes('LIMIT'));
    // Deep pages start at the cursor in the sort index: a SEARCH, never a walk from the start.
    for (const [expr, index] of [
      ["ORDER BY ifnull(d.title, '') ASC", 'documents_title_sort'],
      ["ORDER BY ifnull(d.published_at, '') DESC", 'documents_published_sort'],
      ["ORDER BY ifnull(d.outlet, '') ASC", 'documents_outlet_sort'],
      ['ORDER BY d.words DESC', 'documents_words_sort'],
      ["ORDER BY ifnull(d.place, '') ASC", 'documents_place_sort'],
      ['ORDER BY d.format DESC', 'documents_format_sort'],
      ["ORDER BY ifnull(d.duplicate_group_id, '') ASC", 'documents_dup_sort'],
      ['ORDER BY d.coded_engagements DESC', 'documents_engagements_sort'],
      ['ORDER BY d.coding_rank ASC', 'documents_coding_sort'],
    ]) {
      const deep = pageOf(expr).filter((p) => p.sql.includes('$cursorValue') && !/ IN \(|excluded =|published_at, ''\) [>=]/.test(p.sql));
      expect(deep.length, expr).toBeGreaterThan(0);
      for (const p of deep) expect(p.plan[0], p.sql).toMatch(new RegExp(`^SEARCH d USING INDEX ${index} \\(`));
    }
    for (const p of pageOf('ORDER BY d.rowid')) expect(p.plan[0]).toMatch(/^SEARCH d USING INTEGER PRIMARY KEY \(rowid[<>]\?\)/);
    // By batch: the batches in seq order, each batch's documents by documents_batch, never sorted.
    const byBatch = pageOf('ORDER BY b.seq').filter((p) => !p.sql.includes(' IN ('));
    expect(byBatch.length).toBeGreaterThan(3);
    for (const p of byBatch) {
      expect(p.plan.join('\n'), p.sql).toMatch(/(SCAN|SEARCH) b USING (COVERING )?INDEX sqlite_autoindex_import_batches_\d/);
      expect(p.plan.join('\n'), p.sql).toMatch(/SEARCH d USING INDEX documents_batch \(batch_id=\?/);
      expect(p.plan.join('\n'), p.sql).not.toMatch(/TEMP B-TREE/);
    }
    // The few coded documents are fetched by their id, not found by testing every document.
    const codedPages = pageOf('ORDER BY').filter((p) => /[ (]d\.id IN \(SELECT s\.document_id/.test(p.sql));
    expect(codedPages.length).toBeGreaterThan(3);
    for (const p of codedPages) expect(p.plan.join('\n'), p.sql).toMatch(/SEARCH d USING INDEX sqlite_autoindex_documents_1 \(id=\?\)/);
    // Each page's engagements are found by engagement_sources' document index.
    const perPage = plans.filter((p) => p.sql.includes('GROUP BY s.document_id'));
    expect(perPage.length).toBeGreaterThan(0);
    for (const p of perPage) expect(p.plan.join('\n')).toMatch(/SEARCH s USING (COVERING )?INDEX engagement_sources_document \(document_id=\?\)/);
    // No page sorts the whole library: a temp b-tree only ever sorts a selective filter's rows.
    for (const p of pageOf('ORDER BY')) {
      if (p.plan.some((l) => l.includes('TEMP B-TREE FOR ORDER BY'))) expect(p.plan.join('\n'), p.sql).toMatch(/SEARCH d USING|SCAN h/);
    }
  });

  it('facet counts read covering indexes, never the documents table', () => {
    const plans = plansOf((c) => {
      documentFacets(c, {});
      documentFacets(c, { outlets: ['Outlet 7'], formats: ['txt'], published: '2019', excluded: false, batchIds: ['b1'], duplicates: ['none'] });
      documentFacets(c, { query: 'zebra' });
      documentFacets(c, { coding: ['draft'], formats: ['pdf'] });
      documentFacets(c, { coding: ['uncoded'] });
    });
    const counts = plans.filter((p) => p.sql.includes('count(*)'));
    expect(counts.length).toBeGreaterThan(10);
    expect(fullScans(counts)).toEqual([]);
    // Broad filters (here: none, and relevance alone) are tested on the entries of a covering index.
    const broad = plansOf((c) => {
      documentFacets(c, {});
      documentFacets(c, { excluded: false, formats: ['txt', 'html'] });
      documentFacets(c, { coding: ['uncoded'] });
    }).filter((p) => p.sql.includes('count(*)'));
    expect(broad.some((p) => p.sql.includes("THEN 'draft'"))).toBe(true);
    for (const p of broad) {
      const onDocuments = p.plan.filter((l) => / d USING/.test(l) || /^SCAN d\b/.test(l));
      for (const line of onDocuments) expect(line, p.sql).toMatch(/COVERING INDEX/);
    }
  });
});
