/**
 * SQL for the library's filters, sort keys and keyset cursors. Every filter is a WHERE term over
 * `documents d` (plus `duplicate_groups g` for the duplicate status); the service decides per
 * page whether the planner may use the filters' indexes or must walk the sort index (see
 * `walkSortIndex` in library.ts).
 */
import { AppError } from '../../shared/errors';
import type { CodingStatus, DocumentFilters, LibrarySort } from '../../shared/model/library';

/**
 * Sort keys: each has an index on (expression, rowid) so keyset paging never sorts; the
 * expressions must match the indexes in store/migrations/0002-documents.ts and
 * 0007-library-sorts.ts. `rank` orders by
 * the bm25 score of the materialised search hits (`h`).
 */
export const SORTS: Record<LibrarySort, { expr: string; text: boolean }> = {
  imported: { expr: 'd.rowid', text: false },
  title: { expr: "ifnull(d.title, '')", text: true },
  published: { expr: "ifnull(d.published_at, '')", text: true },
  outlet: { expr: "ifnull(d.outlet, '')", text: true },
  place: { expr: "ifnull(d.place, '')", text: true },
  // Batches are few and their seq is unique: the planner walks them in seq order and each
  // batch's documents by documents_batch (batch_id, rowid), so the order needs no sort.
  batch: { expr: 'b.seq', text: false },
  format: { expr: 'd.format', text: true },
  duplicates: { expr: "ifnull(d.duplicate_group_id, '')", text: true },
  words: { expr: 'd.words', text: false },
  // Kept on the document by triggers (migration 0007): an index cannot hold a count from other tables.
  engagements: { expr: 'd.coded_engagements', text: false },
  coding: { expr: 'd.coding_rank', text: false },
  rank: { expr: 'h.score', text: false },
};

/** A document's place in its duplicate set; needs `LEFT JOIN duplicate_groups g`. */
export const DUP_STATUS = "CASE WHEN d.duplicate_group_id IS NULL THEN 'none' WHEN g.primary_document_id = d.id THEN 'primary' ELSE 'duplicate' END";
export const GROUP_JOIN = 'LEFT JOIN duplicate_groups g ON g.id = d.duplicate_group_id';

/**
 * Documents cited by a live engagement, and by a live draft. Each is evaluated once per statement
 * (SQLite caches an uncorrelated IN list), from engagement_sources and the engagements' primary
 * key: its cost follows the coding done, not the size of the library.
 */
const CITED = 'SELECT s.document_id FROM engagement_sources s JOIN engagements e ON e.id = s.engagement_id WHERE e.deleted_at IS NULL';
const CITED_BY_DRAFT = `${CITED} AND e.status = 'draft'`;
/** A document's coding status (see CODING_STATUSES); reads only d.id, which the facets index covers. */
export const CODING_STATUS = `CASE WHEN d.id IN (${CITED_BY_DRAFT}) THEN 'draft' WHEN d.id IN (${CITED}) THEN 'coded' ELSE 'uncoded' END`;

/**
 * The WHERE term for some coding statuses. Written as IN lists on d.id rather than a test of
 * CODING_STATUS, so "draft" and "coded" (the few documents coded so far) are fetched by the id
 * index instead of testing every document; "uncoded" is broad and is tested row by row.
 */
function codingTerm(statuses: readonly CodingStatus[], plus: string): string {
  const parts = [...new Set(statuses)].sort().map((status) => {
    if (status === 'draft') return `${plus}d.id IN (${CITED_BY_DRAFT})`;
    if (status === 'coded') return `(${plus}d.id IN (${CITED}) AND ${plus}d.id NOT IN (${CITED_BY_DRAFT}))`;
    return `${plus}d.id NOT IN (${CITED})`;
  });
  return parts.length === 1 ? parts[0] : `(${parts.join(' OR ')})`;
}

export type FilterKey = Exclude<keyof DocumentFilters, 'query'> | 'query';

export interface FilterSql {
  /** WHERE terms, to be joined with AND. */
  terms: string[];
  params: Record<string, unknown>;
  /** A term reads `g` (the duplicate group). */
  needsGroups: boolean;
}

/** The first code unit after every date that starts with a prefix (dates are ASCII). */
const AFTER_PREFIX = '\uffff';

/**
 * One part of a search split by rowid (search-pool.ts), inside an FTS5 query: FTS5 narrows its
 * index scan to it. The CASTs matter: better-sqlite3 binds a JS number as REAL, and FTS5 silently
 * ignores a rowid constraint that is not an integer.
 */
export const FTS_ROWID_RANGE = 'rowid >= CAST($lo AS INTEGER) AND rowid <= CAST($hi AS INTEGER)';

/**
 * WHERE terms for the filters, leaving out `omit` (a facet counts without its own filter).
 * `match` is the FTS5 query already translated from `filters.query`. With `noIndex`, every term
 * gets SQLite's no-op unary `+`, which keeps the planner from using an index for it: the caller
 * then walks the sort index and tests each row. With `ranged`, the query's matches are those of
 * the rowid range `$lo`–`$hi` only (FTS_ROWID_RANGE).
 */
export function filterSql(filters: DocumentFilters, match: string | null, opts: { omit?: FilterKey; noIndex?: boolean; ranged?: boolean } = {}): FilterSql {
  const terms: string[] = [];
  const params: Record<string, unknown> = {};
  const plus = opts.noIndex ? '+' : '';
  let needsGroups = false;
  const use = (key: FilterKey) => opts.omit !== key;

  if (match && use('query')) {
    terms.push(`${plus}d.rowid IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH $match${opts.ranged ? ` AND ${FTS_ROWID_RANGE}` : ''})`);
    params.match = match;
  }
  if (filters.batchIds?.length && use('batchIds')) {
    terms.push(`${plus}d.batch_id IN (SELECT value FROM json_each($batchIds))`);
    params.batchIds = JSON.stringify(filters.batchIds);
  }
  if (filters.outlets?.length && use('outlets')) {
    terms.push(`${plus}ifnull(d.outlet, '') IN (SELECT value FROM json_each($outlets))`);
    params.outlets = JSON.stringify(filters.outlets);
  }
  if (filters.published && use('published')) {
    if (filters.published === 'none') {
      terms.push(`${plus}ifnull(d.published_at, '') = ''`);
    } else {
      terms.push(`${plus}ifnull(d.published_at, '') >= $publishedFrom AND ${plus}ifnull(d.published_at, '') < $publishedTo`);
      params.publishedFrom = filters.published;
      params.publishedTo = filters.published + AFTER_PREFIX;
    }
  }
  if (filters.formats?.length && use('formats')) {
    terms.push(`${plus}d.format IN (SELECT value FROM json_each($formats))`);
    params.formats = JSON.stringify(filters.formats);
  }
  if (filters.duplicates?.length && use('duplicates')) {
    terms.push(`${DUP_STATUS} IN (SELECT value FROM json_each($duplicates))`);
    params.duplicates = JSON.stringify(filters.duplicates);
    needsGroups = true;
  }
  if (filters.excluded !== undefined && use('excluded')) {
    // "Not relevant" is rare: its partial index pays. "Relevant" is nearly everything: an index
    // on it would only make the planner sort the whole library, so it never gets one.
    terms.push(filters.excluded ? `${plus}d.excluded = 1` : '+d.excluded = 0');
  }
  if (filters.coding?.length && use('coding')) terms.push(codingTerm(filters.coding, plus));
  return { terms, params, needsGroups };
}

/** Whether any filter (or a search) narrows the list. */
export function isFiltered(f: DocumentFilters): boolean {
  return Boolean(f.query || f.batchIds?.length || f.outlets?.length || f.published || f.formats?.length || f.duplicates?.length || f.excluded !== undefined || f.coding?.length);
}

/**
 * Keyset condition after (or before, descending) the cursor's (value, rowid). Written as a range
 * on the sort expression plus a tie-break, because SQLite turns that (unlike a row-value
 * comparison on an expression index) into a SEARCH of the index.
 */
export function keysetTerm(sort: LibrarySort, direction: 'asc' | 'desc'): string {
  const { expr } = SORTS[sort];
  const cmp = direction === 'asc' ? '>' : '<';
  if (sort === 'imported') return `d.rowid ${cmp} $cursorRowid`;
  return `${expr} ${cmp}= $cursorValue AND (${expr} ${cmp} $cursorValue OR d.rowid ${cmp} $cursorRowid)`;
}

/**
 * A cursor carries, besides the last row's (value, rowid), the first page's counts: later pages
 * neither count again nor change plan halfway through a list.
 */
export interface Cursor {
  value: string | number;
  rowid: number;
  total: number;
  all: number;
}

export function encodeCursor(sort: LibrarySort, c: Cursor): string {
  return Buffer.from(JSON.stringify([sort, c.value, c.rowid, c.total, c.all])).toString('base64url');
}

export function decodeCursor(cursor: string, sort: LibrarySort): Cursor {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(v) &&
      v.length === 5 &&
      v[0] === sort &&
      (typeof v[1] === 'string' || typeof v[1] === 'number') &&
      [v[2], v[3], v[4]].every((n) => Number.isSafeInteger(n) && n >= 0)
    ) {
      return { value: v[1], rowid: v[2], total: v[3], all: v[4] };
    }
  } catch {
    // fall through to the error below
  }
  throw new AppError('invalid-input', 'documents.list: cursor is not one this app gave out for this order; start again from the first page.');
}
