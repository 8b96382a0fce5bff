/**
 * What the library's actions apply to: named documents, or "every document matching" the list
 * (its filters and order, less the rows unticked since). Main resolves a matching selection by
 * walking the list's own keyset pages, so the ids of a whole library never travel to the
 * renderer and the order is the order the analyst sees.
 */
import { AppError } from '../../shared/errors';
import type { DocumentSelection, ListedDocument, MatchingSelection } from '../../shared/model/library';
import { prepared } from '../store/prepared';
import { type DocumentRowRaw, ROW_SELECT, rowToDocument } from '../store/repos/documents';
import { type AppContext, requireStore } from './context';
import { codingOf, listPage } from './library';
import { selectionCsv } from './library-csv';
import { setExcluded } from './library-edit';

/** Rows per page while walking a matching selection: the largest page the list serves. */
const WALK_PAGE = 500;

/** Every row of a matching selection in list order, page by page, until `stop` says enough. */
function walkMatching(ctx: AppContext, sel: MatchingSelection, each: (rows: ListedDocument[]) => boolean | undefined): number {
  const { except, ...list } = sel;
  const skip = new Set(except);
  let cursor: string | null = null;
  let total = 0;
  do {
    const page = listPage(ctx, { ...list, limit: WALK_PAGE, cursor }, { snippets: false });
    total = page.total;
    cursor = page.nextCursor;
    if (each(page.rows.filter((r) => !skip.has(r.id))) === false) break;
  } while (cursor);
  return total;
}

/** Named documents as listed rows, in the order named; an unknown id is an error. */
function rowsOf(ctx: AppContext, ids: string[]): ListedDocument[] {
  const { db } = requireStore(ctx);
  const unique = [...new Set(ids)];
  const found = new Map(
    prepared<[string], DocumentRowRaw>(db, `${ROW_SELECT} WHERE d.id IN (SELECT value FROM json_each(?))`)
      .all(JSON.stringify(unique))
      .map((r) => [r.id, rowToDocument(r)]),
  );
  const coding = codingOf(db, unique);
  return unique.map((id) => {
    const row = found.get(id);
    if (!row) throw new AppError('not-found', `There is no document ${id} in this project; it may have been removed.`);
    return { ...row, ...(coding.get(id) ?? { engagements: 0, codingStatus: 'uncoded' as const }) };
  });
}

/**
 * The first `limit` ids of a matching selection in list order, and how many it holds in all:
 * what opening or comparing "all matching" needs (compare wants exactly two).
 */
export function selectionIds(ctx: AppContext, args: { matching: MatchingSelection; limit: number }): { ids: string[]; count: number } {
  const ids: string[] = [];
  const total = walkMatching(ctx, args.matching, (rows) => {
    for (const r of rows) if (ids.length < args.limit) ids.push(r.id);
    return ids.length < args.limit;
  });
  const except = new Set(args.matching.except).size;
  // Unticked rows are rows of the list, so the count is the list's less them.
  return { ids, count: Math.max(0, total - except) };
}

function allIds(ctx: AppContext, sel: DocumentSelection): string[] {
  if ('ids' in sel) return sel.ids;
  const ids: string[] = [];
  walkMatching(ctx, sel.matching, (rows) => {
    for (const r of rows) ids.push(r.id);
    return undefined;
  });
  return ids;
}

/** The selection's list as CSV (see selectionCsv), in list order. */
export function exportSelection(ctx: AppContext, args: DocumentSelection): { csv: string; rows: number } {
  const rows = 'ids' in args ? rowsOf(ctx, args.ids) : [];
  if ('matching' in args) {
    walkMatching(ctx, args.matching, (page) => {
      rows.push(...page);
      return undefined;
    });
  }
  return { csv: selectionCsv(rows), rows: rows.length };
}

/** Mark the selection not relevant, or relevant again; each change audited (library-edit.ts). */
export function setSelectionExcluded(ctx: AppContext, args: DocumentSelection & { excluded: boolean }): { changed: number } {
  const ids = allIds(ctx, args);
  if (ids.length === 0) return { changed: 0 };
  return setExcluded(ctx, { ids, excluded: args.excluded });
}
