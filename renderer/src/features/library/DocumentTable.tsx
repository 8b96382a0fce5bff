import { type ColumnDef, flexRender, getCoreRowModel, type SortingState, useReactTable } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useMemo, useRef } from 'react';
import type { LibrarySort, ListedDocument } from '../../../../shared/model/library';
import { focusSnippet, Highlighted } from './Highlighted';

/** The columns the server can sort by (each has an SQL index); the others are display only. */
const SORTABLE: Partial<Record<string, LibrarySort>> = { title: 'title', outlet: 'outlet', publishedAt: 'published', words: 'words' };

const numberFormat = new Intl.NumberFormat();

export function formatPublished(value: string | null): string {
  if (!value) return '';
  return value.length > 10 ? value.slice(0, 10) : value;
}

function DuplicateBadge({ row }: { row: ListedDocument }) {
  if (!row.duplicateGroupId) return null;
  const kind = row.duplicateKind ?? 'near';
  if (row.isPrimary) {
    return (
      <span className="badge badge--primary" title={`The first imported of a set of ${kind} duplicates`} data-testid="dup-badge">
        primary
      </span>
    );
  }
  return (
    <span className={`badge badge--${kind}`} title={kind === 'exact' ? 'Same text as the primary of its set' : 'Nearly the same text as the primary of its set'} data-testid="dup-badge">
      {kind} copy
    </span>
  );
}

function TitleCell({ row }: { row: ListedDocument }) {
  return (
    <div className="doc-title">
      <span className="doc-title__text" title={row.title ?? undefined}>
        {row.excluded && <span className="tag tag--excluded">not relevant</span>}
        {row.titleHighlighted ? <Highlighted marked={row.titleHighlighted} /> : row.title || <span className="muted">Untitled</span>}
      </span>
    </div>
  );
}

/** Defined once: react-table compares column references, so they must never be rebuilt per render. */
const COLUMNS: ColumnDef<ListedDocument>[] = [
  { id: 'title', header: 'Title', size: 0, cell: ({ row }) => <TitleCell row={row.original} /> },
  { id: 'outlet', header: 'Outlet', size: 140, cell: ({ row }) => row.original.outlet ?? '' },
  { id: 'publishedAt', header: 'Published', size: 96, cell: ({ row }) => formatPublished(row.original.publishedAt) },
  { id: 'place', header: 'Place', size: 100, cell: ({ row }) => row.original.place ?? '' },
  { id: 'batch', header: 'Batch', size: 56, cell: ({ row }) => row.original.batchSeq },
  { id: 'format', header: 'Format', size: 70, cell: ({ row }) => <span className="doc-format">{row.original.format}</span> },
  { id: 'words', header: 'Words', size: 64, cell: ({ row }) => numberFormat.format(row.original.words) },
  { id: 'duplicates', header: 'Duplicates', size: 96, cell: ({ row }) => <DuplicateBadge row={row.original} /> },
];
const ALIGN_END = new Set(['words', 'batch']);
const GRID = COLUMNS.map((c) => (c.size ? `${c.size}px` : 'minmax(220px, 1fr)')).join(' ');

interface Props {
  rows: ListedDocument[];
  /** Rows matching in all (the list may hold fewer so far). */
  total: number;
  sort: LibrarySort;
  direction: 'asc' | 'desc';
  onSort: (sort: LibrarySort, direction: 'asc' | 'desc') => void;
  activeId: string | null;
  onActivate: (id: string) => void;
  onOpen: (id: string) => void;
  hasMore: boolean;
  loading: boolean;
  onLoadMore: () => void;
  /** Rows with snippets are taller. */
  searching: boolean;
}

/**
 * The documents table: react-table for the column model with sorting left to SQL (manual), and
 * only the rows in view in the DOM (react-virtual). Scrolling near the end asks for the next page.
 */
export const DocumentTable = memo(function DocumentTable({ rows, total, sort, direction, onSort, activeId, onActivate, onOpen, hasMore, loading, onLoadMore, searching }: Props) {
  const sorting = useMemo<SortingState>(() => {
    const column = Object.entries(SORTABLE).find(([, s]) => s === sort)?.[0];
    return column ? [{ id: column, desc: direction === 'desc' }] : [];
  }, [sort, direction]);
  const table = useReactTable({
    data: rows,
    columns: COLUMNS,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (r) => r.id,
    manualSorting: true,
    enableSortingRemoval: false,
    state: { sorting },
  });
  const scrollRef = useRef<HTMLDivElement>(null);
  // With a search, each row has a second line: the snippet, across the whole row.
  const rowHeight = searching ? 50 : 30;
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => rowHeight, overscan: 12 });
  // biome-ignore lint/correctness/useExhaustiveDependencies: row height changes when search starts or ends
  useEffect(() => virtualizer.measure(), [rowHeight, virtualizer]);

  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? -1;
  useEffect(() => {
    if (hasMore && !loading && lastIndex >= rows.length - 20) onLoadMore();
  }, [hasMore, loading, lastIndex, rows.length, onLoadMore]);

  const activeIndex = activeId ? rows.findIndex((r) => r.id === activeId) : -1;
  useEffect(() => {
    if (activeIndex >= 0) virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
  }, [activeIndex, virtualizer]);

  const headerClick = (id: string) => {
    const key = SORTABLE[id];
    if (!key) return;
    onSort(key, sort === key && direction === 'asc' ? 'desc' : 'asc');
  };
  const tableRows = table.getRowModel().rows;

  return (
    <div className="doc-table" data-testid="document-table" data-loading={loading ? 'true' : 'false'}>
      <div className="doc-table__scroll" ref={scrollRef} data-testid="document-table-scroll">
        {/* A real table, laid out as a grid so rows can be positioned for virtualisation. */}
        <table className="doc-table__table" aria-rowcount={total + 1} aria-busy={loading}>
          <thead className="doc-table__head">
            <tr className="doc-table__tr" style={{ gridTemplateColumns: GRID }}>
              {table.getFlatHeaders().map((h) => {
                const key = SORTABLE[h.id];
                const sorted = h.column.getIsSorted();
                return (
                  <th
                    key={h.id}
                    scope="col"
                    className={`doc-table__th${ALIGN_END.has(h.id) ? ' doc-table__cell--end' : ''}`}
                    aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                  >
                    {key ? (
                      <button type="button" className="doc-table__sort" data-testid={`sort-${h.id}`} onClick={() => headerClick(h.id)} title={`Sort by ${String(h.column.columnDef.header).toLowerCase()}`}>
                        {flexRender(h.column.columnDef.header, h.getContext())}
                        <span className="doc-table__arrow" aria-hidden="true">
                          {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
                        </span>
                      </button>
                    ) : (
                      flexRender(h.column.columnDef.header, h.getContext())
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          {/* Rows open on click; their keys (j/k, arrows, Enter) are handled once, by LibraryView. */}
          <tbody className="doc-table__body" style={{ height: virtualizer.getTotalSize() }}>
            {items.map((v) => {
              const row = tableRows[v.index];
              if (!row) return null;
              const doc = row.original;
              const active = doc.id === activeId;
              return (
                <tr
                  key={row.id}
                  aria-rowindex={v.index + 2}
                  aria-selected={active}
                  className={`doc-table__tr doc-table__row${searching ? ' doc-table__row--search' : ''}${active ? ' doc-table__row--active' : ''}${doc.excluded ? ' doc-table__row--excluded' : ''}${v.index % 2 ? ' doc-table__row--odd' : ''}`}
                  style={{ gridTemplateColumns: GRID, height: rowHeight, transform: `translateY(${v.start}px)` }}
                  data-testid="document-row"
                  data-id={doc.id}
                  onMouseDown={() => onActivate(doc.id)}
                  onClick={() => onOpen(doc.id)}
                >
                  {row.getVisibleCells().map((cell) => (
                    <td key={cell.id} className={`doc-table__cell doc-table__cell--${cell.column.id}${ALIGN_END.has(cell.column.id) ? ' doc-table__cell--end' : ''}`}>
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  ))}
                  {searching && (
                    <td className="doc-table__snippet" colSpan={COLUMNS.length} data-testid="row-snippet">
                      {doc.snippet ? <Highlighted marked={focusSnippet(doc.snippet)} /> : null}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
        {loading && rows.length > 0 && hasMore && <div className="doc-table__more muted">Loading more…</div>}
      </div>
    </div>
  );
});
