import { AppError } from '../../shared/errors';
import type { DocumentFormat } from '../../shared/model/document';
import {
  type CodingStatus,
  type DocumentDetail,
  type DocumentFacets,
  type DocumentFilters,
  type DocumentRow,
  FACET_LIMIT,
  type FacetValue,
  HIGHLIGHT_CLOSE,
  HIGHLIGHT_OPEN,
  type LibrarySort,
  type ListedDocument,
  type MetaSource,
  type SearchHit,
  type TextHit,
} from '../../shared/model/library';
import type { Db } from '../store/open';
import { prepared } from '../store/prepared';
import { type DocumentRowRaw, ROW_COLUMNS, ROW_JOINS, ROW_SELECT, rangesOf, rowToDocument } from '../store/repos/documents';
import { type AppContext, requireStore } from './context';
import { buildSearchable, toOriginalOffset } from './import/clean';
import { CODING_STATUS, type Cursor, DUP_STATUS, decodeCursor, encodeCursor, type FilterKey, FTS_ROWID_RANGE, filterSql, GROUP_JOIN, isFiltered, keysetTerm, SORTS } from './library-sql';
import { fold, LONG_TEXT_WORDS, longTextSnippet, type QueryPhrase, queryWords, wordHits } from './long-text-hits';
import { MAX_PARTED_ROWS, mergeRanked, runHere, runInParts, SearchPool, type Statement, sumCounts } from './search-pool';
import { describeFtsError, toFtsQuery } from './search-query';

export type SortKey = LibrarySort;

export interface ListArgs extends DocumentFilters {
  limit: number;
  cursor: string | null;
  /**
   * Without a cursor: rows to skip first. The renderer's page cache jumps with it to a page it
   * has no cursor for (a scrollbar dragged far); SQLite skips along the same index the page walks.
   */
  offset?: number;
  sort?: LibrarySort;
  direction: 'asc' | 'desc';
}

/** FTS5 reports a bad query as an SQLite error; turn it into the analyst's `bad-query`. */
function withFts<T>(query: string | undefined, run: () => T): T {
  try {
    return run();
  } catch (err) {
    throw ftsError(query, err);
  }
}

async function withFtsAsync<T>(query: string | undefined, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    throw ftsError(query, err);
  }
}

function ftsError(query: string | undefined, err: unknown): unknown {
  if (query && err instanceof Error && !(err instanceof AppError) && /fts5|syntax|no such column|expected integer|unterminated string/i.test(err.message)) return describeFtsError(query, err);
  return err;
}

function matchOf(filters: DocumentFilters): string | null {
  return filters.query?.trim() ? toFtsQuery(filters.query) : null;
}

/** The statement counting what the filters match; `ranged`: in the rowid range `$lo`–`$hi` only. */
function countStatement(filters: DocumentFilters, match: string | null, opts: { ranged?: boolean } = {}): Statement {
  if (!isFiltered(filters)) return { sql: 'SELECT count(*) AS n FROM documents', params: {} };
  const f = filterSql(filters, match, opts);
  return { sql: `SELECT count(*) AS n FROM documents d ${f.needsGroups ? GROUP_JOIN : ''} WHERE ${f.terms.join(' AND ')}`, params: f.params };
}

function countWhere(db: Db, filters: DocumentFilters, match: string | null): number {
  const s = countStatement(filters, match);
  return prepared<[Record<string, unknown>], { n: number }>(db, s.sql).get(s.params)!.n;
}

/**
 * Whether to walk the sort index and test each row against the filters, rather than let the
 * planner fetch the filtered rows by their own index and sort them. Walking reads about
 * limit × all / matching rows; fetching reads every matching row. SQLite has no statistics on
 * a fresh project to judge this, so we do, from the count we need anyway.
 */
export function walkSortIndex(matching: number, all: number, limit: number): boolean {
  return matching * matching > (limit + 1) * all;
}

const withTermsTable = new WeakSet<Db>();

/** Bare prefixes standing for more terms than this stay prefixes (the OR would cost more). */
const MAX_PREFIX_TERMS = 64;

/**
 * The indexed terms starting with `prefix` (folded as the tokenizer folds: lower case, no
 * diacritics), from an fts5vocab table over the index; null when there are too many to spell out.
 */
function prefixTerms(db: Db, prefix: string): string[] | null {
  if (!withTermsTable.has(db)) {
    // A temp table: nothing is written to the project (read-only connections can have one).
    db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.documents_fts_terms USING fts5vocab('main', 'documents_fts', 'row')");
    withTermsTable.add(db);
  }
  const folded = fold(prefix);
  const terms = prepared<[string, string, number], { term: string }>(db, 'SELECT term FROM temp.documents_fts_terms WHERE term >= ? AND term < ? LIMIT ?')
    .all(folded, `${folded}\u{10FFFF}`, MAX_PREFIX_TERMS + 1)
    .map((r) => r.term);
  return terms.length > MAX_PREFIX_TERMS ? null : terms;
}

/** The query for highlighting single rows: the same matches, its bare prefixes spelt out as terms. */
function highlightQuery(db: Db, query: string): string {
  return toFtsQuery(query, { expandPrefix: (prefix) => prefixTerms(db, prefix) });
}

/** The query's snippets for the given rows (only for the page shown: snippets are the costly part). */
function snippets(db: Db, query: string, rowids: number[]): Map<number, { snippet: string; title: string }> {
  const match = highlightQuery(db, query);
  const stmt = prepared<[string, string, string, string, string, number], { snippet: string; title: string }>(
    db,
    // The CAST matters: better-sqlite3 binds a JS number as REAL, and FTS5 silently ignores a
    // rowid constraint that is not an integer.
    `SELECT snippet(documents_fts, 1, ?, ?, '…', 24) AS snippet, highlight(documents_fts, 0, ?, ?) AS title
     FROM documents_fts WHERE documents_fts MATCH ? AND rowid = CAST(? AS INTEGER)`,
  );
  const out = new Map<number, { snippet: string; title: string }>();
  let phrases: QueryPhrase[] | undefined;
  for (const rowid of rowids) {
    if (isLongText(db, rowid)) {
      // FTS5's snippet() would take seconds here (see long-text-hits.ts); its title is short.
      const title = prepared<[string, string, string, number], { title: string }>(
        db,
        'SELECT highlight(documents_fts, 0, ?, ?) AS title FROM documents_fts WHERE documents_fts MATCH ? AND rowid = CAST(? AS INTEGER)',
      ).get(HIGHLIGHT_OPEN, HIGHLIGHT_CLOSE, match, rowid)?.title;
      const body = prepared<[number], { body: string }>(db, 'SELECT body FROM documents_fts WHERE rowid = CAST(? AS INTEGER)').get(rowid)?.body;
      phrases ??= queryWords(query);
      if (title !== undefined && body !== undefined) out.set(rowid, { title, snippet: longTextSnippet(body, phrases) });
      continue;
    }
    const s = stmt.get(HIGHLIGHT_OPEN, HIGHLIGHT_CLOSE, HIGHLIGHT_OPEN, HIGHLIGHT_CLOSE, match, rowid);
    if (s) out.set(rowid, s);
  }
  return out;
}

/** Whether a document is long enough for FTS5's snippet and highlight to be too slow on it. */
function isLongText(db: Db, rowid: number): boolean {
  return (prepared<[number], { words: number }>(db, 'SELECT words FROM documents WHERE rowid = ?').get(rowid)?.words ?? 0) > LONG_TEXT_WORDS;
}

/**
 * Live engagements citing each of the page's documents, and whether any is a draft: one
 * statement for the page, through engagement_sources' document index.
 */
export function codingOf(db: Db, ids: string[]): Map<string, { engagements: number; codingStatus: CodingStatus }> {
  const out = new Map<string, { engagements: number; codingStatus: CodingStatus }>();
  if (ids.length === 0) return out;
  const rows = prepared<[string], { id: string; n: number; drafts: number }>(
    db,
    `SELECT s.document_id AS id, count(*) AS n, sum(e.status = 'draft') AS drafts
     FROM engagement_sources s JOIN engagements e ON e.id = s.engagement_id
     WHERE s.document_id IN (SELECT value FROM json_each(?)) AND e.deleted_at IS NULL GROUP BY s.document_id`,
  ).all(JSON.stringify(ids));
  for (const r of rows) out.set(r.id, { engagements: r.n, codingStatus: r.drafts > 0 ? 'draft' : 'coded' });
  return out;
}

type PageRaw = DocumentRowRaw & { sort_value: string | number; score?: number };

type Page = { rows: ListedDocument[]; total: number; nextCursor: string | null };

export function listDocuments(ctx: AppContext, args: ListArgs): Page {
  return listPage(ctx, args, { snippets: true });
}

/**
 * `documents.list`: a page of the library. A search sorted by rank on a large project is counted
 * and ranked in parallel parts (search-pool.ts); everything else is listDocuments, one statement
 * on the main connection. Both give the same rows.
 */
export async function documentsPage(ctx: AppContext, args: ListArgs): Promise<Page> {
  const store = requireStore(ctx);
  const match = matchOf(args);
  const sort: LibrarySort = args.sort ?? (match ? 'rank' : 'imported');
  const pool = sort === 'rank' && match && (args.cursor ? 0 : (args.offset ?? 0)) + args.limit + 1 <= MAX_PARTED_ROWS ? SearchPool.for(store) : null;
  if (!pool || !match) return listDocuments(ctx, args);
  return withFtsAsync(args.query, async () => {
    const cursor = args.cursor ? decodeCursor(args.cursor, 'rank') : null;
    const offset = cursor ? 0 : (args.offset ?? 0);
    const rank = rankStatement(args, match, cursor, { limit: offset + args.limit + 1, offset: 0 }, true);
    const statements: Statement[] = cursor ? [rank] : [rank, countStatement(args, match, { ranged: true })];
    const [ranked, counts] = await pool.runParts(store.db, statements);
    const total = cursor ? cursor.total : sumCounts(counts as { n: number }[][]);
    const all = cursor ? cursor.all : countWhere(store.db, {}, null);
    const raw = mergeRanked(ranked as (PageRaw & { score: number })[][], args.direction, offset, offset + args.limit + 1);
    return finishPage(store.db, args, 'rank', raw, total, all, true);
  });
}

/**
 * The ranked page's statement: every match ranked once (bm25 needs them all to order), then the
 * page's documents joined. `ranged`: only the matches of the rowid range `$lo`–`$hi`.
 */
function rankStatement(args: ListArgs, match: string, cursor: Cursor | null, page: { limit: number; offset: number }, ranged: boolean): Statement {
  const dir = args.direction === 'asc' ? 'ASC' : 'DESC';
  const f = filterSql(args, null);
  const terms = [...f.terms];
  const params: Record<string, unknown> = { ...f.params, match, ...page };
  if (cursor) {
    terms.push(keysetTerm('rank', args.direction));
    Object.assign(params, { cursorValue: cursor.value, cursorRowid: cursor.rowid });
  }
  const sql = `WITH h AS MATERIALIZED (SELECT rowid, bm25(documents_fts, 4.0, 1.0) AS score FROM documents_fts WHERE documents_fts MATCH $match${ranged ? ` AND ${FTS_ROWID_RANGE}` : ''})
    SELECT h.score AS sort_value, h.score, ${ROW_COLUMNS} FROM h JOIN documents d ON d.rowid = h.rowid ${ROW_JOINS}
    ${terms.length ? `WHERE ${terms.join(' AND ')}` : ''} ORDER BY h.score ${dir}, d.rowid ${dir} LIMIT $limit OFFSET $offset`;
  return { sql, params };
}

/**
 * A page of the list; `snippets: false` leaves out the search's snippets (the costly part), for
 * callers that walk a whole selection (library-selection.ts).
 */
export function listPage(ctx: AppContext, args: ListArgs, opts: { snippets: boolean }): Page {
  const { db } = requireStore(ctx);
  const match = matchOf(args);
  const sort: LibrarySort = args.sort ?? (match ? 'rank' : 'imported');
  if (sort === 'rank' && !match) throw new AppError('invalid-input', 'documents.list: sort by rank needs a query.');
  return withFts(args.query, () => {
    const cursor = args.cursor ? decodeCursor(args.cursor, sort) : null;
    const total = cursor ? cursor.total : countWhere(db, args, match);
    const all = cursor ? cursor.all : isFiltered(args) ? countWhere(db, {}, null) : total;
    const page = { limit: args.limit + 1, offset: cursor ? 0 : (args.offset ?? 0) };
    let statement: Statement;
    if (sort === 'rank') statement = rankStatement(args, match!, cursor, page, false);
    else {
      const dir = args.direction === 'asc' ? 'ASC' : 'DESC';
      const { expr } = SORTS[sort];
      const f = filterSql(args, match, { noIndex: walkSortIndex(total, all, args.limit) });
      const terms = [...f.terms];
      const params: Record<string, unknown> = { ...f.params, ...page };
      if (sort === 'imported') {
        // Always a rowid range, so even the first page is a SEARCH of the table's own b-tree.
        terms.push(keysetTerm(sort, args.direction));
        params.cursorRowid = cursor ? cursor.rowid : args.direction === 'asc' ? 0 : Number.MAX_SAFE_INTEGER;
      } else if (cursor) {
        terms.push(keysetTerm(sort, args.direction));
        Object.assign(params, { cursorValue: cursor.value, cursorRowid: cursor.rowid });
      }
      const sql = `SELECT ${expr} AS sort_value, ${ROW_COLUMNS} FROM documents d ${ROW_JOINS}
        ${terms.length ? `WHERE ${terms.join(' AND ')}` : ''} ORDER BY ${expr} ${dir}, d.rowid ${dir} LIMIT $limit OFFSET $offset`;
      statement = { sql, params };
    }
    const raw = prepared<[Record<string, unknown>], PageRaw>(db, statement.sql).all(statement.params);
    return finishPage(db, args, sort, raw, total, all, opts.snippets);
  });
}

/** The page's rows (one more than `args.limit` tells that more follow), with snippets and coding. */
function finishPage(db: Db, args: ListArgs, sort: LibrarySort, raw: PageRaw[], total: number, all: number, withSnippets: boolean): Page {
  const more = raw.length > args.limit;
  const page = more ? raw.slice(0, args.limit) : raw;
  const last = page.at(-1);
  const marks = args.query?.trim() && withSnippets ? snippets(db, args.query, page.map((r) => r.rowid)) : null;
  const coding = codingOf(db, page.map((r) => r.id));
  const rows = page.map((r): ListedDocument => {
    const row: ListedDocument = { ...rowToDocument(r), ...(coding.get(r.id) ?? { engagements: 0, codingStatus: 'uncoded' }) };
    const m = marks?.get(r.rowid);
    if (m) {
      row.snippet = m.snippet;
      row.titleHighlighted = m.title;
    }
    if (r.score !== undefined) row.score = -r.score;
    return row;
  });
  return { rows, total, nextCursor: more && last ? encodeCursor(sort, { value: last.sort_value, rowid: last.rowid, total, all }) : null };
}

/** The SQL behind each facet: the value expression, and whether it reads the duplicate group. */
/**
 * Raw columns, not the sort expressions, and `+d.batch_id`: grouping by a value that leads an
 * index makes the planner walk that index for its order and read every row from the table;
 * these keep it on the covering facets index.
 */
const FACETS: Record<Exclude<FilterKey, 'query'>, { expr: string; groups?: boolean }> = {
  batchIds: { expr: '+d.batch_id' },
  outlets: { expr: 'd.outlet' },
  published: { expr: 'substr(d.published_at, 1, 4)' },
  formats: { expr: 'd.format' },
  duplicates: { expr: DUP_STATUS, groups: true },
  excluded: { expr: 'd.excluded' },
  coding: { expr: CODING_STATUS },
};

/**
 * The statement counting one facet. A broad filter is tested on each entry of the covering facets
 * index (noIndex); a narrow one lets the planner fetch its few rows by its own index instead.
 */
function facetStatement(filters: DocumentFilters, match: string | null, key: Exclude<FilterKey, 'query'>, broad: boolean): Statement {
  const { expr } = FACETS[key];
  const f = filterSql(filters, match, { omit: key, noIndex: broad });
  const joinGroups = f.needsGroups || FACETS[key].groups;
  const sql = `SELECT ${expr} AS value, count(*) AS n FROM documents d ${joinGroups ? GROUP_JOIN : ''}
    ${f.terms.length ? `WHERE ${f.terms.join(' AND ')}` : ''} GROUP BY value ORDER BY n DESC, value`;
  return { sql, params: f.params };
}

const CODING_LABELS: Record<CodingStatus, string> = { uncoded: 'Not coded', draft: 'Draft', coded: 'Coded' };
const DUP_LABELS: Record<string, string> = { none: 'No duplicates', primary: 'Primary of a set', duplicate: 'Duplicate' };
const FORMAT_LABELS: Record<DocumentFormat, string> = { txt: 'Text', md: 'Markdown', html: 'HTML', pdf: 'PDF', docx: 'Word', eml: 'Email', json: 'JSON', jsonl: 'JSON lines' };
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const FACET_KEYS = ['batchIds', 'outlets', 'published', 'formats', 'duplicates', 'excluded', 'coding'] as const;
type FacetRows = { value: string | number | null; n: number }[];

/**
 * The statements of every facet (then the months of a chosen year), once the total is known:
 * whether the filters are broad decides each statement's plan.
 */
function facetStatements(db: Db, filters: DocumentFilters, match: string | null, total: number): Statement[] {
  const all = isFiltered(filters) ? countWhere(db, {}, null) : total;
  // Scanning the covering index costs about a twentieth of reading a row by its own index.
  const broad = total * 20 > all;
  const statements = FACET_KEYS.map((key) => facetStatement(filters, match, key, broad));
  if (filters.published && filters.published !== 'none') {
    // Months of the chosen year: the year stays a filter, the month is the facet.
    const f = filterSql({ ...filters, published: filters.published.slice(0, 4) }, match, { noIndex: broad });
    statements.push({
      sql: `SELECT substr(d.published_at, 1, 7) AS value, count(*) AS n FROM documents d ${f.needsGroups ? GROUP_JOIN : ''}
        WHERE ${f.terms.join(' AND ')} AND length(d.published_at) >= 7 GROUP BY value ORDER BY value`,
      params: f.params,
    });
  }
  return statements;
}

/** Counts per facet value; each facet follows the query and every filter except its own. */
export function documentFacets(ctx: AppContext, filters: DocumentFilters): DocumentFacets {
  const { db } = requireStore(ctx);
  const match = matchOf(filters);
  return withFts(filters.query, () => {
    const [{ n: total }] = runHere(db, countStatement(filters, match)) as { n: number }[];
    return facetsOf(db, total, facetStatements(db, filters, match, total).map((s) => runHere(db, s) as FacetRows));
  });
}

/**
 * `documents.facets`: documentFacets, its statements run on the search threads when the project
 * has them (a large project), so the main thread stays free to answer the list meanwhile: at
 * 100,000 articles a query's facets take a few hundred milliseconds, its first page a tenth of that.
 */
export async function documentsFacets(ctx: AppContext, filters: DocumentFilters): Promise<DocumentFacets> {
  const store = requireStore(ctx);
  const pool = SearchPool.for(store);
  if (!pool) return documentFacets(ctx, filters);
  const match = matchOf(filters);
  return withFtsAsync(filters.query, async () => {
    const [[{ n: total }]] = (await pool.runEach(store.db, [countStatement(filters, match)])) as [{ n: number }][];
    return facetsOf(store.db, total, (await pool.runEach(store.db, facetStatements(store.db, filters, match, total))) as FacetRows[]);
  });
}

/** The facets from the rows of facetStatements, in its order. */
function facetsOf(db: Db, total: number, rows: FacetRows[]): DocumentFacets {
  const [batchRows, outletRows, yearRows, formatRows, duplicateRows, excludedRows, codingRows, monthRows = []] = rows;
  const batchInfo = new Map(prepared<[], { id: string; seq: number; started_at: string }>(db, 'SELECT id, seq, started_at FROM import_batches').all().map((b) => [b.id, b]));
  const batches = batchRows
    .map(({ value, n }) => {
      const b = batchInfo.get(String(value));
      return { value: String(value), label: b ? `Import ${b.seq} · ${b.started_at.slice(0, 10)}` : String(value), count: n, seq: b?.seq ?? 0 };
    })
    .sort((a, b) => a.seq - b.seq)
    .map(({ seq: _seq, ...v }) => v);
  const outlets = outletRows.map(({ value, n }) => ({ value: value === null ? '' : String(value), label: value === null ? 'No outlet' : String(value), count: n }));
  const years = yearRows
    .map(({ value, n }) => ({ value: value === null ? 'none' : String(value), label: value === null ? 'Undated' : String(value), count: n }))
    .sort((a, b) => (a.value === 'none' ? 1 : b.value === 'none' ? -1 : b.value.localeCompare(a.value)));
  const months: FacetValue[] = monthRows.map(({ value, n }) => ({ value: String(value), label: MONTHS[Number(String(value).slice(5, 7)) - 1] ?? String(value), count: n }));
  const formats = formatRows.map(({ value, n }) => ({ value: String(value), label: FORMAT_LABELS[value as DocumentFormat] ?? String(value), count: n }));
  const order = ['none', 'primary', 'duplicate'];
  const duplicates = duplicateRows
    .map(({ value, n }) => ({ value: String(value), label: DUP_LABELS[String(value)] ?? String(value), count: n }))
    .sort((a, b) => order.indexOf(a.value) - order.indexOf(b.value));
  const excluded = excludedRows
    .map(({ value, n }) => ({ value: value === 1 ? 'true' : 'false', label: value === 1 ? 'Not relevant' : 'Relevant', count: n }))
    .sort((a, b) => a.value.localeCompare(b.value));
  const codingOrder: string[] = ['uncoded', 'draft', 'coded'];
  const coding = codingRows
    .map(({ value, n }) => ({ value: String(value), label: CODING_LABELS[value as CodingStatus] ?? String(value), count: n }))
    .sort((a, b) => codingOrder.indexOf(a.value) - codingOrder.indexOf(b.value));
  return {
    total,
    batches,
    outlets: outlets.slice(0, FACET_LIMIT),
    outletsMore: Math.max(0, outlets.length - FACET_LIMIT),
    years,
    months,
    formats,
    duplicates,
    excluded,
    coding,
  };
}

interface DetailRaw extends DocumentRowRaw {
  text: string;
  path: string;
  record_index: number;
  url: string | null;
  byline: string | null;
  language: string | null;
  encoding: string;
  sha256: string;
  size_bytes: number;
  mtime_ms: number;
  imported_at: string;
  warnings_json: string;
  meta_sources_json: string;
  duplicate_similarity: number | null;
}

/**
 * Where the query matches a document's text. FTS5 highlights its indexed body (the searchable
 * text); the map kept by buildSearchable takes each hit back to the original offsets. When the
 * index is out of step with the text (it should never be), no hits rather than wrong ones.
 */
function hitsIn(db: Db, rowid: number, text: string, ranges: DocumentDetail['ranges'], query: string): TextHit[] {
  if (isLongText(db, rowid)) {
    const searchable = buildSearchable(text, ranges);
    return wordHits(searchable.text, queryWords(query)).map((s) => ({ start: toOriginalOffset(searchable, s.start), end: toOriginalOffset(searchable, s.end - 1) + 1 }));
  }
  let match: string;
  try {
    match = highlightQuery(db, query);
  } catch {
    return [];
  }
  let body: string | undefined;
  try {
    body = prepared<[string, string, string, number], { body: string }>(
      db,
      'SELECT highlight(documents_fts, 1, ?, ?) AS body FROM documents_fts WHERE documents_fts MATCH ? AND rowid = CAST(? AS INTEGER)',
    ).get(HIGHLIGHT_OPEN, HIGHLIGHT_CLOSE, match, rowid)?.body;
  } catch {
    return [];
  }
  if (body === undefined) return [];
  const searchable = buildSearchable(text, ranges);
  const spans: { start: number; end: number }[] = [];
  let plain = '';
  let open = -1;
  for (const ch of body) {
    if (ch === HIGHLIGHT_OPEN) open = plain.length;
    else if (ch === HIGHLIGHT_CLOSE) {
      if (open >= 0 && plain.length > open) spans.push({ start: open, end: plain.length });
      open = -1;
    } else plain += ch;
  }
  if (plain !== searchable.text) return [];
  return spans.map((s) => ({ start: toOriginalOffset(searchable, s.start), end: toOriginalOffset(searchable, s.end - 1) + 1 }));
}

export function getDocument(ctx: AppContext, args: { id: string; query?: string }): DocumentDetail {
  const { db } = requireStore(ctx);
  const r = prepared<[string], DetailRaw>(
    db,
    `${ROW_SELECT.replace('SELECT ', 'SELECT d.text, d.path, d.record_index, d.url, d.byline, d.language, d.encoding, d.sha256, d.size_bytes, d.mtime_ms, d.imported_at, d.warnings_json, d.meta_sources_json, d.duplicate_similarity, ')} WHERE d.id = ?`,
  ).get(args.id);
  if (!r) throw new AppError('not-found', `There is no document ${args.id} in this project; it may belong to another project.`);
  const duplicates = r.duplicate_group_id
    ? prepared<[string, string], DocumentRowRaw & { duplicate_similarity: number | null; path: string }>(
        db,
        `${ROW_SELECT.replace('SELECT ', 'SELECT d.duplicate_similarity, d.path, ')} WHERE d.duplicate_group_id = ? AND d.id != ? ORDER BY d.rowid`,
      )
        .all(r.duplicate_group_id, r.id)
        .map((x) => ({ ...rowToDocument(x), similarity: x.duplicate_similarity, path: x.path }))
    : [];
  const ranges = rangesOf(db, r.rowid);
  const detail: DocumentDetail = {
    ...rowToDocument(r),
    text: r.text,
    path: r.path,
    recordIndex: r.record_index,
    url: r.url,
    byline: r.byline,
    language: r.language,
    encoding: r.encoding,
    sha256: r.sha256,
    sizeBytes: r.size_bytes,
    mtimeMs: r.mtime_ms,
    importedAt: r.imported_at,
    warnings: JSON.parse(r.warnings_json) as string[],
    metaSources: JSON.parse(r.meta_sources_json) as Record<string, MetaSource>,
    ranges,
    duplicates,
  };
  if (args.query?.trim()) detail.hits = hitsIn(db, r.rowid, r.text, ranges, args.query);
  return detail;
}

export async function searchDocuments(ctx: AppContext, args: { query: string; limit: number; offset: number }): Promise<{ hits: SearchHit[]; total: number }> {
  const store = requireStore(ctx);
  const match = toFtsQuery(args.query);
  return withFtsAsync(args.query, async () => {
    const rows = args.offset + args.limit;
    const [counts, ranked] = (await runInParts(
      store,
      [
        { sql: `SELECT count(*) AS n FROM documents_fts WHERE documents_fts MATCH $match AND ${FTS_ROWID_RANGE}`, params: { match } },
        // Rank first, then build snippets only for the page shown.
        { sql: `SELECT rowid, bm25(documents_fts, 4.0, 1.0) AS score FROM documents_fts WHERE documents_fts MATCH $match AND ${FTS_ROWID_RANGE} ORDER BY score, rowid LIMIT $rows`, params: { match, rows } },
      ],
      rows,
    )) as [{ n: number }[][], { rowid: number; score: number }[][]];
    const top = mergeRanked(ranked, 'asc', args.offset, rows);
    const marks = snippets(store.db, args.query, top.map((t) => t.rowid));
    const row = prepared<[number], DocumentRowRaw>(store.db, `${ROW_SELECT} WHERE d.rowid = ?`);
    const hits: SearchHit[] = [];
    for (const t of top) {
      // A document deleted since the parts were ranked (they read their own snapshot) is left out.
      const s = marks.get(t.rowid);
      const doc = s && row.get(t.rowid);
      if (doc) hits.push({ document: rowToDocument(doc), snippet: s.snippet, titleHighlighted: s.title, score: -t.score });
    }
    return { hits, total: sumCounts(counts) };
  });
}

export type { DocumentFormat, DocumentRow };
