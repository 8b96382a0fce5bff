import {
  type ColumnDef,
  type ColumnSizingState,
  flexRender,
  getCoreRowModel,
  type SortingState,
  type Table,
  type Updater,
  useReactTable,
  type VisibilityState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { type CSSProperties, type KeyboardEvent, type MouseEvent, memo, type ReactNode, useEffect, useMemo, useRef } from 'react';
import type { LibrarySort, ListedDocument } from '../../../../shared/model/library';
import { COLUMN_IDS, COLUMN_LABELS, type ColumnId, type ColumnLayout, DEFAULT_SIZES, MAX_SIZE, MIN_SIZE } from './column-layout';
import { focusSnippet, Highlighted } from './Highlighted';
import type { PageCache } from './page-cache';

/** Every column sorts in SQL (each has an index on its key); see LIBRARY_SORTS. */
const SORTABLE: Record<ColumnId, LibrarySort> = {
  title: 'title',
  outlet: 'outlet',
  publishedAt: 'published',
  place: 'place',
  batch: 'batch',
  format: 'format',
  words: 'words',
  duplicates: 'duplicates',
  engagements: 'engagements',
  coding: 'coding',
};
/** Columns whose interesting end is the top of a descending sort: the first click sorts them so. */
const DESC_FIRST = new Set<LibrarySort>(['duplicates', 'engagements', 'coding']);
/** Px a resize handle moves per arrow key (Shift: ten times). */
const RESIZE_STEP_PX = 10;

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
      <span className="doc-title__text" title={row.title ?? undefined} dir="auto">
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

/**
 * Defined once: react-table compares column references, so they must never be rebuilt per render.
 * react-table holds the column model only (order, visibility, widths): the rows come from the
 * page cache by position and their cells are drawn straight from CELLS.
 */
const COLUMNS: ColumnDef<ListedDocument>[] = [
  { id: 'select', header: '', size: 30, enableResizing: false, enableHiding: false },
  ...COLUMN_IDS.map(
    (id): ColumnDef<ListedDocument> => ({
      id,
      header: HEADERS[id] ?? COLUMN_LABELS[id],
      size: DEFAULT_SIZES[id],
      minSize: MIN_SIZE,
      maxSize: MAX_SIZE,
    }),
  ),
];
const NO_ROWS: ListedDocument[] = [];
const ALIGN_END = new Set(['words', 'batch', 'engagements']);

export interface RowClick {
  shiftKey: boolean;
  /** Ctrl, or Cmd on a Mac. */
  toggleKey: boolean;
}

/** What the header's box shows: nothing, some or every matching row selected. */
export type SelectAllState = 'none' | 'some' | 'all';

interface Props {
  /** The rows by position (a window of pages around the view). */
  cache: PageCache;
  /** Bumps when the cache's rows change. */
  version: number;
  /** Changes with a new search, filter or order: the table goes back to the top. */
  listKey: string;
  /** Rows matching in all: the scrollbar's length. */
  total: number;
  sort: LibrarySort;
  direction: 'asc' | 'desc';
  onSort: (sort: LibrarySort, direction: 'asc' | 'desc') => void;
  layout: ColumnLayout;
  onLayout: (change: (l: ColumnLayout) => ColumnLayout) => void;
  activeIndex: number;
  onActivate: (id: string, index: number) => void;
  /** A plain click opens; Shift and Ctrl/Cmd clicks select (LibraryView decides). */
  onRowClick: (id: string, index: number, how: RowClick) => void;
  /** A new function whenever the selection changes. */
  isSelected: (id: string) => boolean;
  onToggleSelect: (id: string, index: number, range: boolean) => void;
  selectAll: SelectAllState;
  onToggleAll: () => void;
  loading: boolean;
  /** The rows answer the params before the last change; new ones are on their way. */
  stale: boolean;
  /** Rows with snippets are taller. */
  searching: boolean;
}

interface RowHandlers {
  activate: (id: string, index: number) => void;
  click: (id: string, index: number, e: MouseEvent) => void;
  toggle: (id: string, index: number, range: boolean) => void;
}

interface RowProps {
  doc: ListedDocument;
  index: number;
  start: number;
  height: number;
  active: boolean;
  selected: boolean;
  searching: boolean;
  /** The visible columns, in order, comma-separated (a change re-renders the row). */
  columns: string;
  handlers: RowHandlers;
}

/**
 * One row, memoised on its document, place and state: a page arriving or the view moving
 * re-renders only the rows whose props changed (rows coming into view), never the rest.
 */
const DocumentRow = memo(function DocumentRow({ doc, index, start, height, active, selected, searching, columns, handlers }: RowProps) {
  const ids = columns.split(',') as (ColumnId | 'select')[];
  return (
    <tr
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-active={active ? 'true' : undefined}
      className={`doc-table__tr doc-table__row${searching ? ' doc-table__row--search' : ''}${active ? ' doc-table__row--active' : ''}${selected ? ' doc-table__row--selected' : ''}${doc.excluded ? ' doc-table__row--excluded' : ''}${index % 2 ? ' doc-table__row--odd' : ''}`}
      style={{ height, transform: `translateY(${start}px)` }}
      data-testid="document-row"
      data-id={doc.id}
      data-index={index}
      onMouseDown={(e) => {
        // Shift-click selects a range: keep the browser from selecting text too.
        if (e.shiftKey) e.preventDefault();
        handlers.activate(doc.id, index);
      }}
      onClick={(e) => handlers.click(doc.id, index, e)}
    >
      {ids.map((id) =>
        id === 'select' ? (
          <td key={id} className="doc-table__cell doc-table__cell--select">
            <input
              type="checkbox"
              className="doc-table__check"
              checked={selected}
              onChange={() => {}}
              onClick={(e) => {
                e.stopPropagation();
                // The keyboard stays with the list (j/k, space), not this box.
                e.currentTarget.blur();
                handlers.toggle(doc.id, index, e.shiftKey);
              }}
              aria-label={`Select ${doc.title ?? 'untitled document'}`}
              data-testid="row-select"
              tabIndex={-1}
            />
          </td>
        ) : (
          <td key={id} className={`doc-table__cell doc-table__cell--${id}${ALIGN_END.has(id) ? ' doc-table__cell--end' : ''}`}>
            {CELLS[id](doc)}
          </td>
        ),
      )}
      {searching && (
        <td className="doc-table__snippet" colSpan={ids.length} data-testid="row-snippet" dir="auto">
          {doc.snippet ? <Highlighted marked={focusSnippet(doc.snippet)} /> : null}
        </td>
      )}
    </tr>
  );
});

/** A row whose page is on its way: the same height, so nothing moves when it arrives. */
const PendingRow = memo(function PendingRow({ index, start, height }: { index: number; start: number; height: number }) {
  return (
    <tr aria-rowindex={index + 2} aria-busy="true" className={`doc-table__tr doc-table__row doc-table__row--pending${index % 2 ? ' doc-table__row--odd' : ''}`} style={{ height, transform: `translateY(${start}px)` }} data-testid="document-row-pending">
      <td className="doc-table__pending" />
    </tr>
  );
});

interface HeadProps {
  table: Table<ListedDocument>;
  /** react-table's own resizing state: the header shows which column is being resized. */
  sizingInfo: unknown;
  layout: ColumnLayout;
  sort: LibrarySort;
  direction: 'asc' | 'desc';
  onSort: (sort: LibrarySort, direction: 'asc' | 'desc') => void;
  onLayout: (change: (l: ColumnLayout) => ColumnLayout) => void;
  total: number;
  selectAll: SelectAllState;
  onToggleAll: () => void;
}

/**
 * The header row, memoised apart from the body: scrolling re-renders the body's rows in view,
 * never the headers. Click sorts; drag reorders; the right edge resizes by mouse or keyboard.
 */
const TableHead = memo(function TableHead({ table, layout: _layout, sort, direction, onSort, onLayout, total, selectAll, onToggleAll }: HeadProps) {
  const headerClick = (id: string) => {
    const key = SORTABLE[id as ColumnId];
    if (!key) return;
    onSort(key, sort === key ? (direction === 'asc' ? 'desc' : 'asc') : DESC_FIRST.has(key) ? 'desc' : 'asc');
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
  const resizeByKey = (id: ColumnId, e: KeyboardEvent) => {
    const step = e.shiftKey ? RESIZE_STEP_PX * 10 : RESIZE_STEP_PX;
    const delta = e.key === 'ArrowRight' ? step : e.key === 'ArrowLeft' ? -step : 0;
    if (e.key === 'Enter' || e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      onLayout((l) => {
        const { [id]: _gone, ...sizes } = l.sizes;
        return { ...l, sizes };
      });
      return;
    }
    if (!delta) return;
    e.preventDefault();
    // Arrows here resize; they must not also move the library's current row.
    e.stopPropagation();
    onLayout((l) => ({ ...l, sizes: { ...l.sizes, [id]: Math.min(MAX_SIZE, Math.max(MIN_SIZE, (l.sizes[id] ?? DEFAULT_SIZES[id]) + delta)) } }));
  };
  const allLabel = selectAll === 'none' ? `Select all ${numberFormat.format(total)} matching` : 'Clear the selection';
  return (
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
                  checked={selectAll === 'all'}
                  ref={(el) => {
                    if (el) el.indeterminate = selectAll === 'some';
                  }}
                  onChange={(e) => {
                    e.currentTarget.blur();
                    onToggleAll();
                  }}
                  aria-label={allLabel}
                  title={allLabel}
                  data-testid="select-all"
                />
              </th>
            );
          }
          const id = h.id as ColumnId;
          const sorted = h.column.getIsSorted();
          const label = COLUMN_LABELS[id];
          return (
            <th
              key={h.id}
              scope="col"
              className={`doc-table__th${ALIGN_END.has(h.id) ? ' doc-table__cell--end' : ''}${h.column.getIsResizing() ? ' doc-table__th--resizing' : ''}`}
              aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
              data-testid={`column-${h.id}`}
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
              <button type="button" className="doc-table__sort" data-testid={`sort-${h.id}`} onClick={() => headerClick(h.id)} title={`Sort by ${label.toLowerCase()}`}>
                {flexRender(h.column.columnDef.header, h.getContext())}
                <span className="doc-table__arrow" aria-hidden="true">
                  {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
                </span>
              </button>
              {h.column.getCanResize() && (
                // biome-ignore lint/a11y/useSemanticElements: a focusable separator is the ARIA pattern for a resize handle; <hr> cannot take focus or keys
                <div
                  role="separator"
                  aria-orientation="vertical"
                  aria-label={`Resize ${label}`}
                  aria-valuenow={Math.round(h.column.getSize())}
                  aria-valuemin={MIN_SIZE}
                  aria-valuemax={MAX_SIZE}
                  tabIndex={0}
                  className="doc-table__resizer"
                  data-testid={`resize-${h.id}`}
                  title="Drag or use ←/→ (Shift: bigger steps) to resize; double-click or Enter for the default width"
                  onKeyDown={(e) => resizeByKey(id, e)}
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
  );
});

const apply = <T,>(updater: Updater<T>, old: T): T => (typeof updater === 'function' ? (updater as (o: T) => T)(old) : updater);

/**
 * The documents table: react-table for the column model (order, visibility and widths from the
 * project's layout; sorting left to SQL), the rows by position from the page cache, and only the
 * rows in view in the DOM (react-virtual). The body is as tall as every matching row, so the
 * scrollbar is the whole list; the cache loads the pages the view reaches and drops far ones.
 * Headers sort on click, drag to reorder, and resize at their right edge by mouse (double-click:
 * default width) or keyboard (the edge is focusable: arrows, Shift for bigger steps, Enter resets).
 */
export const DocumentTable = memo(function DocumentTable({
  cache,
  listKey,
  total,
  sort,
  direction,
  onSort,
  layout,
  onLayout,
  activeIndex,
  onActivate,
  onRowClick,
  isSelected,
  onToggleSelect,
  selectAll,
  onToggleAll,
  loading,
  stale,
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
    data: NO_ROWS,
    columns: COLUMNS,
    getCoreRowModel: getCoreRowModel(),
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
  // Fixed heights, never measured: a row arriving or changing never moves the rows around it.
  const virtualizer = useVirtualizer({ count: total, getScrollElement: () => scrollRef.current, estimateSize: () => rowHeight, overscan: 10 });
  // biome-ignore lint/correctness/useExhaustiveDependencies: row height changes when search starts or ends
  useEffect(() => virtualizer.measure(), [rowHeight, virtualizer]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new list starts at its top
  useEffect(() => virtualizer.scrollToOffset(0), [listKey, virtualizer]);

  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  // A new cache (a refresh, a new search) is told the rows in view too.
  useEffect(() => cache.want(first, last), [cache, first, last]);

  useEffect(() => {
    if (activeIndex >= 0) virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
  }, [activeIndex, virtualizer]);

  const visible = table.getVisibleLeafColumns();
  // The title (or, when it is hidden, the last column) takes the room left over.
  const flexId = visible.some((c) => c.id === 'title') ? 'title' : visible.at(-1)?.id;
  const grid = visible.map((c) => (c.id === flexId ? `minmax(${c.getSize()}px, 1fr)` : `${c.getSize()}px`)).join(' ');

  // Rows are memoised: while scrolling only the rows coming into view render. Their handlers go
  // through one stable object so a new callback from the library does not re-render every row.
  const latest = useRef({ onActivate, onRowClick, onToggleSelect });
  latest.current = { onActivate, onRowClick, onToggleSelect };
  const handlers = useMemo<RowHandlers>(
    () => ({
      activate: (id, index) => latest.current.onActivate(id, index),
      click: (id, index, e) => latest.current.onRowClick(id, index, { shiftKey: e.shiftKey, toggleKey: e.ctrlKey || e.metaKey }),
      toggle: (id, index, range) => latest.current.onToggleSelect(id, index, range),
    }),
    [],
  );
  // Widths live in a CSS variable on the table: resizing re-renders no row; showing, hiding or moving a column does.
  const columnKey = visible.map((c) => c.id).join(',');

  return (
    <div className="doc-table" data-testid="document-table" data-loading={loading ? 'true' : 'false'} data-stale={stale ? 'true' : 'false'} data-held-rows={cache.heldRows}>
      <div className="doc-table__scroll" ref={scrollRef} data-testid="document-table-scroll">
        {/* A real table, laid out as a grid so rows can be positioned for virtualisation. */}
        <table className="doc-table__table" aria-rowcount={total + 1} aria-busy={loading || stale} style={{ '--doc-grid': grid } as CSSProperties}>
          <TableHead
            table={table}
            sizingInfo={table.getState().columnSizingInfo}
            layout={layout}
            sort={sort}
            direction={direction}
            onSort={onSort}
            onLayout={onLayout}
            total={total}
            selectAll={selectAll}
            onToggleAll={onToggleAll}
          />
          {/* Rows open on click; their keys (j/k, arrows, Enter, space) are handled once, by LibraryView. */}
          <tbody className="doc-table__body" style={{ height: virtualizer.getTotalSize() }}>
            {items.map((v) => {
              const doc = cache.rowAt(v.index);
              if (!doc) return <PendingRow key={`pending-${v.index}`} index={v.index} start={v.start} height={rowHeight} />;
              return (
                <DocumentRow
                  key={doc.id}
                  doc={doc}
                  index={v.index}
                  start={v.start}
                  height={rowHeight}
                  active={v.index === activeIndex}
                  selected={isSelected(doc.id)}
                  searching={searching}
                  columns={columnKey}
                  handlers={handlers}
                />
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
});
