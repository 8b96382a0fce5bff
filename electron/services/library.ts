import { AppError } from '../../shared/errors';
import type { DocumentFormat } from '../../shared/model/document';
import { type DocumentDetail, type DocumentRow, HIGHLIGHT_CLOSE, HIGHLIGHT_OPEN, type MetaSource, type SearchHit } from '../../shared/model/library';
import { prepared } from '../store/prepared';
import { type DocumentRowRaw, ROW_SELECT, rangesOf, rowToDocument } from '../store/repos/documents';
import { type AppContext, requireStore } from './context';
import { describeFtsError, toFtsQuery } from './search-query';

/** Sort keys: each has an index on (expression, rowid) so keyset paging never scans. */
const SORTS = {
  imported: { expr: 'd.rowid', text: false },
  title: { expr: "ifnull(d.title, '')", text: true },
  published: { expr: "ifnull(d.published_at, '')", text: true },
  outlet: { expr: "ifnull(d.outlet, '')", text: true },
  words: { expr: 'd.words', text: false },
} as const;
export type SortKey = keyof typeof SORTS;

function encodeCursor(value: string | number, rowid: number): string {
  return Buffer.from(JSON.stringify([value, rowid])).toString('base64url');
}

function decodeCursor(cursor: string): [string | number, number] {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && v.length === 2 && (typeof v[0] === 'string' || typeof v[0] === 'number') && typeof v[1] === 'number') return [v[0], v[1]];
  } catch {
    // fall through to the error below
  }
  throw new AppError('invalid-input', 'documents.list: cursor is not one this app gave out; start again from the first page.');
}

export function listDocuments(
  ctx: AppContext,
  args: { limit: number; cursor: string | null; sort: SortKey; direction: 'asc' | 'desc' },
): { rows: DocumentRow[]; total: number; nextCursor: string | null } {
  const { db } = requireStore(ctx);
  const sort = SORTS[args.sort];
  const cmp = args.direction === 'asc' ? '>' : '<';
  const dir = args.direction === 'asc' ? 'ASC' : 'DESC';
  const where = args.cursor ? `WHERE (${sort.expr} ${cmp} $v OR (${sort.expr} = $v AND d.rowid ${cmp} $r))` : '';
  const sql = `${ROW_SELECT} ${where} ORDER BY ${sort.expr} ${dir}, d.rowid ${dir} LIMIT $limit`;
  const params: Record<string, unknown> = { limit: args.limit + 1 };
  if (args.cursor) {
    const [v, r] = decodeCursor(args.cursor);
    params.v = v;
    params.r = r;
  }
  const raw = prepared<[Record<string, unknown>], DocumentRowRaw & { sort_value: string | number }>(db, sql.replace('SELECT ', `SELECT ${sort.expr} AS sort_value, `)).all(params);
  const more = raw.length > args.limit;
  const page = more ? raw.slice(0, args.limit) : raw;
  const last = page.at(-1);
  const total = prepared<[], { n: number }>(db, 'SELECT count(*) AS n FROM documents').get()!.n;
  return { rows: page.map(rowToDocument), total, nextCursor: more && last ? encodeCursor(last.sort_value, last.rowid) : null };
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

export function getDocument(ctx: AppContext, args: { id: string }): DocumentDetail {
  const { db } = requireStore(ctx);
  const r = prepared<[string], DetailRaw>(
    db,
    `${ROW_SELECT.replace('SELECT ', 'SELECT d.text, d.path, d.record_index, d.url, d.byline, d.language, d.encoding, d.sha256, d.size_bytes, d.mtime_ms, d.imported_at, d.warnings_json, d.meta_sources_json, d.duplicate_similarity, ')} WHERE d.id = ?`,
  ).get(args.id);
  if (!r) throw new AppError('not-found', `There is no document ${args.id} in this project; it may belong to another project.`);
  const duplicates = r.duplicate_group_id
    ? prepared<[string, string], DocumentRowRaw & { duplicate_similarity: number | null }>(
        db,
        `${ROW_SELECT.replace('SELECT ', 'SELECT d.duplicate_similarity, ')} WHERE d.duplicate_group_id = ? AND d.id != ? ORDER BY d.rowid`,
      )
        .all(r.duplicate_group_id, r.id)
        .map((x) => ({ ...rowToDocument(x), similarity: x.duplicate_similarity }))
    : [];
  return {
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
    ranges: rangesOf(db, r.rowid),
    duplicates,
  };
}

export function searchDocuments(ctx: AppContext, args: { query: string; limit: number; offset: number }): { hits: SearchHit[]; total: number } {
  const { db } = requireStore(ctx);
  const match = toFtsQuery(args.query);
  try {
    const total = prepared<[string], { n: number }>(db, 'SELECT count(*) AS n FROM documents_fts WHERE documents_fts MATCH ?').get(match)!.n;
    // Rank first, then build snippets only for the page shown. The CAST matters: better-sqlite3
    // binds a JS number as REAL, and FTS5 silently ignores a rowid constraint that is not an integer.
    const top = prepared<[string, number, number], { rowid: number; score: number }>(
      db,
      'SELECT rowid, bm25(documents_fts, 4.0, 1.0) AS score FROM documents_fts WHERE documents_fts MATCH ? ORDER BY score LIMIT ? OFFSET ?',
    ).all(match, args.limit, args.offset);
    const snippet = prepared<[string, string, string, string, string, number], { snippet: string; title: string }>(
      db,
      `SELECT snippet(documents_fts, 1, ?, ?, '…', 24) AS snippet, highlight(documents_fts, 0, ?, ?) AS title
       FROM documents_fts WHERE documents_fts MATCH ? AND rowid = CAST(? AS INTEGER)`,
    );
    const row = prepared<[number], DocumentRowRaw>(db, `${ROW_SELECT} WHERE d.rowid = ?`);
    const hits = top.map((t) => {
      const s = snippet.get(HIGHLIGHT_OPEN, HIGHLIGHT_CLOSE, HIGHLIGHT_OPEN, HIGHLIGHT_CLOSE, match, t.rowid)!;
      return { document: rowToDocument(row.get(t.rowid)!), snippet: s.snippet, titleHighlighted: s.title, score: -t.score };
    });
    return { hits, total };
  } catch (err) {
    if (err instanceof Error && /fts5|syntax|no such column/i.test(err.message)) throw describeFtsError(args.query, err);
    throw err;
  }
}

export type { DocumentFormat };
