import {
  type ExpandedState,
  flexRender,
  getCoreRowModel,
  getExpandedRowModel,
  type Row,
  type SortingState,
  type Updater,
  useReactTable,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { type CSSProperties, type KeyboardEvent, memo, useCallback, useEffect, useMemo, useRef } from 'react';
import type { EngagementSort } from '../../../../shared/contract-analysis';
import type { EngagementSummary } from '../../../../shared/contract-coding';
import { ALIGN_END, COLUMNS, type ColumnId, type GroupItem, HEADER_TITLES, type Item, isGroup, SORT_BY, TRACKS } from './columns';

const ROW_HEIGHT = 30;

const getSubRows = (item: Item) => (isGroup(item) ? item.members : undefined);
// An engagement can sit in several groups (a three-country meeting is in three pairs): ids under a
// group are prefixed with the group's, so every row id is unique.
const getRowId = (item: Item, _index: number, parent?: Row<Item>) => (isGroup(item) ? `group:${item.group.key}` : parent ? `${parent.id}/${item.id}` : item.id);
const getRowCanExpand = (row: Row<Item>) => isGroup(row.original);
const domId = (rowId: string) => `eng-row-${rowId.replace(/[^\w-]/g, '_')}`;

interface Props {
  items: Item[];
  sort: EngagementSort;
  onSort: (sort: EngagementSort) => void;
  expanded: Record<string, boolean>;
  onExpanded: (expanded: Record<string, boolean>) => void;
  activeId: string | null;
  onActivate: (rowId: string) => void;
  onOpen: (engagement: EngagementSummary) => void;
  loading: boolean;
}

/**
 * The engagements as a react-table over rows SQL has already filtered and sorted (manual sorting),
 * with only the rows in view in the DOM (react-virtual). Grouped, the data is one row per group
 * whose sub-rows are its engagements; an expanded group lists them beneath it.
 * Keys: ↑/↓ (j/k) move, Enter opens an engagement or toggles a group, →/← expand and collapse.
 */
export const EngagementsTable = memo(function EngagementsTable({ items, sort, onSort, expanded, onExpanded, activeId, onActivate, onOpen, loading }: Props) {
  const sorting = useMemo<SortingState>(() => {
    const column = Object.entries(SORT_BY).find(([, by]) => by === sort.by)?.[0];
    return column ? [{ id: column, desc: sort.direction === 'desc' }] : [];
  }, [sort]);
  const onExpandedChange = useCallback(
    (updater: Updater<ExpandedState>) => {
      const next = typeof updater === 'function' ? updater(expanded) : updater;
      onExpanded(next === true ? {} : next);
    },
    [expanded, onExpanded],
  );
  const table = useReactTable({
    data: items,
    columns: COLUMNS,
    getCoreRowModel: getCoreRowModel(),
    getExpandedRowModel: getExpandedRowModel(),
    getSubRows,
    getRowId,
    getRowCanExpand,
    manualSorting: true,
    enableSortingRemoval: false,
    state: { sorting, expanded },
    onExpandedChange,
  });
  const rows = table.getRowModel().rows;

  const scrollRef = useRef<HTMLDivElement>(null);
  const getItemKey = useCallback((i: number) => rows[i]?.id ?? i, [rows]);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 16, getItemKey });
  const activeIndex = activeId ? rows.findIndex((r) => r.id === activeId) : -1;
  useEffect(() => {
    if (activeIndex >= 0) virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
  }, [activeIndex, virtualizer]);

  const headerClick = (id: string) => {
    const by = SORT_BY[id as ColumnId];
    if (!by) return;
    // Dates and changes read newest first; names and statuses from the top.
    const first = by === 'date' || by === 'updated' ? 'desc' : 'asc';
    onSort({ by, direction: sort.by === by ? (sort.direction === 'asc' ? 'desc' : 'asc') : first });
  };

  const open = (row: Row<Item>) => {
    if (isGroup(row.original)) row.toggleExpanded();
    else onOpen(row.original);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey || rows.length === 0) return;
    const at = Math.max(activeIndex, 0);
    const row = activeIndex >= 0 ? rows[activeIndex] : null;
    const move = (i: number) => {
      e.preventDefault();
      onActivate(rows[Math.min(Math.max(i, 0), rows.length - 1)].id);
    };
    switch (e.key) {
      case 'ArrowDown':
      case 'j':
        return move(activeIndex < 0 ? 0 : at + 1);
      case 'ArrowUp':
      case 'k':
        return move(at - 1);
      case 'Home':
        return move(0);
      case 'End':
        return move(rows.length - 1);
      case 'PageDown':
        return move(at + Math.floor((scrollRef.current?.clientHeight ?? 300) / ROW_HEIGHT) - 1);
      case 'PageUp':
        return move(at - Math.floor((scrollRef.current?.clientHeight ?? 300) / ROW_HEIGHT) + 1);
      case 'Enter':
      case ' ':
        if (!row) return;
        e.preventDefault();
        return open(row);
      case 'ArrowRight':
        if (row?.getCanExpand() && !row.getIsExpanded()) {
          e.preventDefault();
          row.toggleExpanded(true);
        }
        return;
      case 'ArrowLeft': {
        if (!row) return;
        e.preventDefault();
        if (row.getCanExpand() && row.getIsExpanded()) row.toggleExpanded(false);
        else if (row.parentId) onActivate(row.parentId);
        return;
      }
    }
  };

  const headers = table.getFlatHeaders();
  const grid = headers.map((h) => TRACKS[h.id as ColumnId]).join(' ');
  const maxCount = items.reduce((m, i) => (isGroup(i) ? Math.max(m, i.group.count) : m), 1);

  return (
    <div className="eng-table__scroll" ref={scrollRef} data-testid="engagements-scroll">
      {/* A real table exposed as a tree grid (td become gridcells): rows are virtualised, so focus
          stays on the table and aria-activedescendant names the row the keys are on. */}
      <table
        className="eng-table"
        // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: ARIA in HTML allows table as treegrid; see above
        role="treegrid"
        aria-label="Engagements"
        aria-rowcount={rows.length + 1}
        aria-busy={loading}
        aria-activedescendant={activeIndex >= 0 ? domId(rows[activeIndex].id) : undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
        style={{ '--eng-grid': grid } as CSSProperties}
        data-testid="engagements-table"
      >
        <thead className="eng-table__head">
          <tr className="eng-table__tr">
            {headers.map((h) => {
              const by = SORT_BY[h.id as ColumnId];
              const sorted = h.column.getIsSorted();
              return (
                <th
                  key={h.id}
                  scope="col"
                  className={`eng-table__th${ALIGN_END.has(h.id) ? ' eng-table__cell--end' : ''}`}
                  aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                  title={HEADER_TITLES[h.id as ColumnId]}
                >
                  {by ? (
                    <button type="button" className="eng-table__sort" data-testid={`sort-${h.id}`} onClick={() => headerClick(h.id)}>
                      {flexRender(h.column.columnDef.header, h.getContext())}
                      <span className="eng-table__arrow" aria-hidden="true">
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
        <tbody className="eng-table__body" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((v) => {
            const row = rows[v.index];
            if (!row) return null;
            const active = row.id === activeId;
            const style = { height: ROW_HEIGHT, transform: `translateY(${v.start}px)` };
            const common = {
              id: domId(row.id),
              'aria-rowindex': v.index + 2,
              'aria-level': row.depth + 1,
              'aria-selected': active,
              style,
              onMouseDown: () => onActivate(row.id),
              onClick: () => open(row),
            };
            if (isGroup(row.original)) return <GroupRow key={row.id} item={row.original} expanded={row.getIsExpanded()} active={active} maxCount={maxCount} common={common} />;
            const e = row.original;
            return (
              <tr
                key={row.id}
                {...common}
                className={`eng-table__tr eng-table__row${active ? ' eng-table__row--active' : ''}${row.depth > 0 ? ' eng-table__row--member' : ''}${v.index % 2 ? ' eng-table__row--odd' : ''}`}
                data-testid="engagement-row"
                data-id={e.id}
                title={e.documentIds.length ? undefined : 'No source article'}
              >
                {row.getVisibleCells().map((c) => (
                  <td key={c.id} className={`eng-table__cell eng-table__cell--${c.column.id}${ALIGN_END.has(c.column.id) ? ' eng-table__cell--end' : ''}`}>
                    {flexRender(c.column.columnDef.cell, c.getContext())}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
});

function GroupRow({
  item,
  expanded,
  active,
  maxCount,
  common,
}: {
  item: GroupItem;
  expanded: boolean;
  active: boolean;
  maxCount: number;
  common: Record<string, unknown> & { style: CSSProperties };
}) {
  const { group, members } = item;
  const missing = group.count - members.length;
  return (
    <tr
      {...common}
      aria-expanded={expanded}
      className={`eng-table__tr eng-table__group${active ? ' eng-table__row--active' : ''}`}
      data-testid="group-row"
      data-key={group.key}
      data-count={group.count}
    >
      <td className="eng-table__group-cell">
        <span className="eng-table__caret" aria-hidden="true">
          {expanded ? '▾' : '▸'}
        </span>
        <span className="eng-table__group-label" title={group.label}>
          {group.label}
        </span>
        <span className="eng-table__group-count" data-testid="group-count">
          {group.count.toLocaleString()}
        </span>
        <span className="eng-table__bar" aria-hidden="true">
          <span className="eng-table__bar-fill" style={{ width: `${(100 * group.count) / maxCount}%` }} />
        </span>
        {expanded && missing > 0 && <span className="muted small">{missing.toLocaleString()} not loaded: narrow the filters</span>}
      </td>
    </tr>
  );
}
