import {
  type ColumnDef,
  type ColumnSizingState,
  flexRender,
  getCoreRowModel,
  type Row,
  type SortingState,
  type Updater,
  useReactTable,
  type VisibilityState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { type CSSProperties, type MouseEvent, memo, type ReactNode, useEffect, useMemo, useRef } from 'react';
import type { LibrarySort, ListedDocument } from '../../../../shared/model/library';
import { focusSnippet, Highlighted } from './Highlighted';
import { COLUMN_IDS, COLUMN_LABELS, type ColumnId, type ColumnLayout, DEFAULT_SIZES, MAX_SIZE, MIN_SIZE } from './column-layout';

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

const CODING_TITLES = {
  uncoded: 'No engagement cites this article yet',
  draft: 'At least one engagement citing this article is a draft',
  coded: 'Every engagement citing this article is past draft',
} as const;

function CodingCell({ row }: { row: ListedDocument }) {
  if (row.codingStatus === 'uncoded') return null;
  return (
    <span className={`coding-status coding-status--${row.codingStatus}`} title={CODING_TITLES[row.codingStatus]}>
      <span className="coding-status__dot" aria-hidden="true" />
      {row.codingStatus}
    </span>
  );
}

/** Short headers where the column is narrow; the columns menu and tooltips use the full label. */
const HEADERS: Partial<Record<ColumnId, string>> = { engagements: 'Eng.', duplicates: 'Dups' };

const CELLS: Record<ColumnId, (row: ListedDocument) => ReactNode> = {
  title: (r) => <TitleCell row={r} />,
  outlet: (r) => r.outlet ?? '',
  publishedAt: (r) => formatPublished(r.publishedAt),
  place: (r) => r.place ?? '',
  batch: (r) => r.batchSeq,
  format: (r) => <span className="doc-format">{r.format}</span>,
  words: (r) => numberFormat.format(r.words),
  duplicates: (r) => <DuplicateBadge row={r} />,
  engagements: (r) => (r.engagements > 0 ? numberFormat.format(r.engagements) : ''),
  coding: (r) => <CodingCell row={r} />,
};

/** Defined once: react-table compares column references, so they must never be rebuilt per render. */
const COLUMNS: ColumnDef<ListedDocument>[] = [
  { id: 'select', header: '', size: 30, enableResizing: false, enableHiding: false },
  ...COLUMN_IDS.map(
    (id): ColumnDef<ListedDocument> => ({
      id,
      header: HEADERS[id] ?? COLUMN_LABELS[id],
      size: DEFAULT_SIZES[id],
      minSize: MIN_SIZE,
      maxSize: MAX_SIZE,
      cell: ({ row }) => CELLS[id](row.original),
    }),
  ),
];
const ALIGN_END = new Set(['words', 'batch', 'engagements']);

export interface RowClick {
  shiftKey: boolean;
  /** Ctrl, or Cmd on a Mac. */
  toggleKey: boolean;
}

interface Props {
  rows: ListedDocument[];
  /** Rows matching in all (the list may hold fewer so far). */
  total: number;
  sort: LibrarySort;
  direction: 'asc' | 'desc';
  onSort: (sort: LibrarySort, direction: 'asc' | 'desc') => void;
  layout: ColumnLayout;
  onLayout: (change: (l: ColumnLayout) => ColumnLayout) => void;
  activeId: string | null;
  onActivate: (id: string) => void;
  /** A plain click opens; Shift and Ctrl/Cmd clicks select (LibraryView decides). */
  onRowClick: (id: string, how: RowClick) => void;
  selected: ReadonlySet<string>;
  onToggleSelect: (id: string, range: boolean) => void;
  onToggleAll: () => void;
  hasMore: boolean;
  loading: boolean;
  onLoadMore: () => void;
  /** Rows with snippets are taller. */
  searching: boolean;
}

interface RowHandlers {
  activate: (id: string) => void;
  click: (id: string, e: MouseEvent) => void;
  toggle: (id: string, range: boolean) => void;
}

interface RowProps {
  row: Row<ListedDocument>;
  index: number;
  start: number;
  height: number;
  active: boolean;
  selected: boolean;
  searching: boolean;
  /** The visible columns, in order (a change re-renders the row). */
  columns: string;
  handlers: RowHandlers;
}

const DocumentRow = memo(function DocumentRow({ row, index, start, height, active, selected, searching, columns, handlers }: RowProps) {
  const doc = row.original;
  return (
    <tr
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-active={active ? 'true' : undefined}
      className={`doc-table__tr doc-table__row${searching ? ' doc-table__row--search' : ''}${active ? ' doc-table__row--active' : ''}${selected ? ' doc-table__row--selected' : ''}${doc.excluded ? ' doc-table__row--excluded' : ''}${index % 2 ? ' doc-table__row--odd' : ''}`}
      style={{ height, transform: `translateY(${start}px)` }}
      data-testid="document-row"
      data-id={doc.id}
      onMouseDown={(e) => {
        // Shift-click selects a range: keep the browser from selecting text too.
        if (e.shiftKey) e.preventDefault();
        handlers.activate(doc.id);
      }}
      onClick={(e) => handlers.click(doc.id, e)}
    >
      {row.getVisibleCells().map((cell) =>
        cell.column.id === 'select' ? (
          <td key={cell.id} className="doc-table__cell doc-table__cell--select">
            <input
              type="checkbox"
              className="doc-table__check"
              checked={selected}
              onChange={() => {}}
              onClick={(e) => {
                e.stopPropagation();
                // The keyboard stays with the list (j/k, space), not this box.
                e.currentTarget.blur();
                handlers.toggle(doc.id, e.shiftKey);
              }}
              aria-label={`Select ${doc.title ?? 'untitled document'}`}
              data-testid="row-select"
              tabIndex={-1}
            />
          </td>
        ) : (
          <td key={cell.id} className={`doc-table__cell doc-table__cell--${cell.column.id}${ALIGN_END.has(cell.column.id) ? ' doc-table__cell--end' : ''}`}>
            {flexRender(cell.column.columnDef.cell, cell.getContext())}
          </td>
        ),
      )}
      {searching && (
        <td className="doc-table__snippet" colSpan={columns.split(',').length} data-testid="row-snippet">
          {doc.snippet ? <Highlighted marked={focusSnippet(doc.snippet)} /> : null}
        </td>
      )}
    </tr>
  );
});

const apply = <T,>(updater: Updater<T>, old: T): T => (typeof updater === 'function' ? (updater as (o: T) => T)(old) : updater);

/**
 * The documents table: react-table for the column model (order, visibility and widths from the
 * project's layout; sorting left to SQL), and only the rows in view in the DOM (react-virtual).
 * Scrolling near the end asks for the next page. Headers drag to reorder and resize at their
 * right edge (double-click: default width).
 */
export const DocumentTable = memo(function DocumentTable({
  rows,
  total,
  sort,
  direction,
  onSort,
  layout,
  onLayout,
  activeId,
  onActivate,
  onRowClick,
  selected,
  onToggleSelect,
  onToggleAll,
  hasMore,
  loading,
  onLoadMore,
  searching,
}: Props) {
  const sorting = useMemo<SortingState>(() => {
    const column = Object.entries(SORTABLE).find(([, s]) => s === sort)?.[0];
    return column ? [{ id: column, desc: direction === 'desc' }] : [];
  }, [sort, direction]);
  const columnOrder = useMemo(() => ['select', ...layout.order], [layout.order]);
  const columnVisibility = useMemo<VisibilityState>(() => Object.fromEntries(layout.hidden.map((id) => [id, false])), [layout.hidden]);
  const columnSizing = layout.sizes as ColumnSizingState;
  const table = useReactTable({
    data: rows,
    columns: COLUMNS,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (r) => r.id,
    manualSorting: true,
    enableSortingRemoval: false,
    enableColumnResizing: true,
    columnResizeMode: 'onChange',
    state: { sorting, columnOrder, columnVisibility, columnSizing },
    onColumnSizingChange: (updater) => onLayout((l) => ({ ...l, sizes: apply(updater, l.sizes as ColumnSizingState) })),
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

  // Reordering by dragging a header onto another; a drag that starts on a resize handle is a resize.
  const dragged = useRef<string | null>(null);
  const resizing = useRef(false);
  const dropOn = (target: string) => {
    const from = dragged.current as ColumnId | null;
    dragged.current = null;
    if (!from || from === target) return;
    onLayout((l) => {
      const order = l.order.filter((id) => id !== from);
      order.splice(order.indexOf(target as ColumnId) + (l.order.indexOf(from) < l.order.indexOf(target as ColumnId) ? 1 : 0), 0, from);
      return { ...l, order };
    });
  };

  const visible = table.getVisibleLeafColumns();
  // The title (or, when it is hidden, the last column) takes the room left over.
  const flexId = visible.some((c) => c.id === 'title') ? 'title' : visible.at(-1)?.id;
  const grid = visible.map((c) => (c.id === flexId ? `minmax(${c.getSize()}px, 1fr)` : `${c.getSize()}px`)).join(' ');
  const tableRows = table.getRowModel().rows;
  const loadedSelected = rows.length > 0 && rows.every((r) => selected.has(r.id));

  // Rows are memoised: while scrolling only the rows coming into view render. Their handlers go
  // through one stable object so a new callback from the library does not re-render every row.
  const latest = useRef({ onActivate, onRowClick, onToggleSelect });
  latest.current = { onActivate, onRowClick, onToggleSelect };
  const handlers = useMemo<RowHandlers>(
    () => ({
      activate: (id) => latest.current.onActivate(id),
      click: (id, e) => latest.current.onRowClick(id, { shiftKey: e.shiftKey, toggleKey: e.ctrlKey || e.metaKey }),
      toggle: (id, range) => latest.current.onToggleSelect(id, range),
    }),
    [],
  );
  // Widths live in a CSS variable on the table: resizing re-renders no row; showing, hiding or moving a column does.
  const columnKey = visible.map((c) => c.id).join(',');

  return (
    <div className="doc-table" data-testid="document-table" data-loading={loading ? 'true' : 'false'}>
      <div className="doc-table__scroll" ref={scrollRef} data-testid="document-table-scroll">
        {/* A real table, laid out as a grid so rows can be positioned for virtualisation. */}
        <table className="doc-table__table" aria-rowcount={total + 1} aria-busy={loading} style={{ '--doc-grid': grid } as CSSProperties}>
          <thead className="doc-table__head">
            <tr className="doc-table__tr">
              {table.getFlatHeaders().map((h) => {
                if (!h.column.getIsVisible()) return null;
                if (h.id === 'select') {
                  return (
                    <th key={h.id} scope="col" className="doc-table__th doc-table__th--select">
                      <input
                        type="checkbox"
                        className="doc-table__check"
                        checked={loadedSelected}
                        onChange={(e) => {
                          e.currentTarget.blur();
                          onToggleAll();
                        }}
                        aria-label={loadedSelected ? 'Clear the selection' : `Select the ${rows.length} rows loaded`}
                        title={loadedSelected ? 'Clear the selection' : `Select the ${numberFormat.format(rows.length)} rows loaded`}
                        data-testid="select-all"
                      />
                    </th>
                  );
                }
                const key = SORTABLE[h.id];
                const sorted = h.column.getIsSorted();
                const label = COLUMN_LABELS[h.id as ColumnId];
                return (
                  <th
                    key={h.id}
                    scope="col"
                    className={`doc-table__th${ALIGN_END.has(h.id) ? ' doc-table__cell--end' : ''}${h.column.getIsResizing() ? ' doc-table__th--resizing' : ''}`}
                    aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                    data-testid={`column-${h.id}`}
                    title={key ? undefined : label}
                    draggable
                    onDragStart={(e) => {
                      if (resizing.current) {
                        e.preventDefault();
                        return;
                      }
                      dragged.current = h.id;
                      e.dataTransfer.effectAllowed = 'move';
                      e.dataTransfer.setData('text/plain', label);
                    }}
                    onDragOver={(e) => {
                      if (dragged.current && dragged.current !== h.id) e.preventDefault();
                    }}
                    onDrop={(e) => {
                      e.preventDefault();
                      dropOn(h.id);
                    }}
                    onDragEnd={() => {
                      dragged.current = null;
                    }}
                  >
                    {key ? (
                      <button type="button" className="doc-table__sort" data-testid={`sort-${h.id}`} onClick={() => headerClick(h.id)} title={`Sort by ${label.toLowerCase()}`}>
                        {flexRender(h.column.columnDef.header, h.getContext())}
                        <span className="doc-table__arrow" aria-hidden="true">
                          {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
                        </span>
                      </button>
                    ) : (
                      <span className="doc-table__label">{flexRender(h.column.columnDef.header, h.getContext())}</span>
                    )}
                    {h.column.getCanResize() && (
                      // biome-ignore lint/a11y/noStaticElementInteractions: a pointer affordance; widths are also reset from the columns menu
                      <div
                        className="doc-table__resizer"
                        data-testid={`resize-${h.id}`}
                        title="Drag to resize; double-click for the default width"
                        onMouseDown={(e) => {
                          resizing.current = true;
                          const done = () => {
                            resizing.current = false;
                            window.removeEventListener('mouseup', done);
                          };
                          window.addEventListener('mouseup', done);
                          h.getResizeHandler()(e);
                        }}
                        onTouchStart={h.getResizeHandler()}
                        onDoubleClick={() => h.column.resetSize()}
                      />
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          {/* Rows open on click; their keys (j/k, arrows, Enter, space) are handled once, by LibraryView. */}
          <tbody className="doc-table__body" style={{ height: virtualizer.getTotalSize() }}>
            {items.map((v) => {
              const row = tableRows[v.index];
              if (!row) return null;
              return (
                <DocumentRow
                  key={row.id}
                  row={row}
                  index={v.index}
                  start={v.start}
                  height={rowHeight}
                  active={row.id === activeId}
                  selected={selected.has(row.id)}
                  searching={searching}
                  columns={columnKey}
                  handlers={handlers}
                />
              );
            })}
          </tbody>
        </table>
        {loading && rows.length > 0 && hasMore && <div className="doc-table__more muted">Loading more…</div>}
      </div>
    </div>
  );
});
