import { useCallback, useMemo } from 'react';
import type { AnalysisFilter, EngagementSort } from '../../../../shared/contract-analysis';
import type { EngagementSummary } from '../../../../shared/contract-coding';
import { CodeInLibraryButton, EmptyState } from '../../ui/EmptyState';
import { FilterChips } from '../analysis-filter/FilterChips';
import { analysisFilter, effectiveFilter, isEmptyFilter, useAnalysisFilter } from '../analysis-filter/store';
import { type Item, LabelsContext } from './columns';
import { EngagementsTable } from './EngagementsTable';
import { ExportMenu, FilterBar, GroupBySwitch } from './FilterBar';
import { useAnalysis, useCodebook, useDataVersion } from './use-analysis';
import { type GroupBy, useRememberedView } from './view-state';

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

/**
 * The analysis table: every engagement, filtered, sorted and grouped in SQL, one click from its
 * evidence. The filters are the analysis filter the network and its timeline share: one set or a
 * period brushed there is in force here, and a node or link selected in the graph narrows the table
 * to its engagements. Exports take the rows the filters show.
 */
export function EngagementsView({ openCoding, onOpenLibrary }: { openCoding: (documentId: string, engagementId?: string) => void; onOpenLibrary: () => void }) {
  const [view, setView] = useRememberedView();
  const shared = useAnalysisFilter();
  const filter = useMemo(() => effectiveFilter(shared), [shared]);
  const version = useDataVersion();
  const codebook = useCodebook(version);
  const { rows, total, groups, loading, error } = useAnalysis(filter, view.sort, view.groupBy, version);

  const items = useMemo<Item[]>(() => {
    if (!rows) return [];
    if (!view.groupBy) return rows;
    if (!groups) return [];
    // Members in table order: the rows came sorted from SQL.
    const order = new Map(rows.map((r, i) => [r.id, i]));
    return groups.map((group) => ({
      kind: 'group' as const,
      group,
      members: group.engagementIds
        .map((id) => order.get(id))
        .filter((i): i is number => i !== undefined)
        .sort((a, b) => a - b)
        .map((i) => rows[i]),
    }));
  }, [rows, groups, view.groupBy]);

  const setFilter = useCallback(
    (f: AnalysisFilter) => {
      analysisFilter.setFilter(f);
      setView((v) => ({ ...v, activeId: null }));
    },
    [setView],
  );
  const setSort = useCallback((sort: EngagementSort) => setView((v) => ({ ...v, sort })), [setView]);
  const setGroupBy = useCallback((groupBy: GroupBy | null) => setView((v) => ({ ...v, groupBy, expanded: {}, activeId: null })), [setView]);
  const setExpanded = useCallback((expanded: Record<string, boolean>) => setView((v) => ({ ...v, expanded })), [setView]);
  const setActive = useCallback((activeId: string) => setView((v) => ({ ...v, activeId })), [setView]);
  const open = useCallback((e: EngagementSummary) => e.documentIds.length > 0 && openCoding(e.documentIds[0], e.id), [openCoding]);

  if (!rows && !error) return null;
  if (rows && total === 0 && isEmptyFilter(filter)) {
    return (
      <EmptyState
        title="No engagements coded"
        testId="empty-engagements"
        action={<CodeInLibraryButton onClick={onOpenLibrary} testId="empty-engagements-library" />}
      >
        Open an article from the Library and record who met whom, when and where, with the words that show it. Every engagement you code is listed here, to filter, group and export.
      </EmptyState>
    );
  }

  const shown = rows?.length ?? 0;
  return (
    <LabelsContext.Provider value={codebook}>
      <div className="engagements" data-testid="engagements-view" data-state={loading ? 'loading' : 'ready'}>
        <div className="eng-toolbar">
          <FilterBar filter={shared.filter} onFilter={setFilter} codebook={codebook} actorNames={shared.actorNames} onActorNames={analysisFilter.setActorNames} />
          <FilterChips state={shared} codebook={codebook} />
          <div className="eng-toolbar__row">
            <GroupBySwitch value={view.groupBy} onChange={setGroupBy} />
            <span className="eng-toolbar__spacer" />
            <span className="eng-toolbar__count" data-testid="engagements-count">
              {count(total, 'engagement')}
              {view.groupBy && groups ? ` in ${count(groups.length, 'group')}` : ''}
            </span>
            <ExportMenu filter={filter} />
          </div>
        </div>
        {error && (
          <p className="form-error eng-message" role="alert">
            {error.message}
          </p>
        )}
        {shown === 0 ? (
          <div className="eng-message" data-testid="engagements-no-match">
            <p>No engagement matches these filters.</p>
            <button type="button" className="btn btn--small" onClick={analysisFilter.clear}>
              Clear filters
            </button>
          </div>
        ) : (
          <EngagementsTable
            items={items}
            sort={view.sort}
            onSort={setSort}
            expanded={view.expanded}
            onExpanded={setExpanded}
            activeId={view.activeId}
            onActivate={setActive}
            onOpen={open}
            loading={loading}
          />
        )}
        <footer className="eng-foot muted">
          <span>
            <span className="eng-table__inferred">*</span> date inferred from the article (“Monday”), not stated. Click a row or press Enter to open it beside its source.
          </span>
          {view.groupBy === 'country-pair' && <span>An engagement between three sides counts in each of its three pairs.</span>}
          {view.groupBy === 'topic' && <span>An engagement with several topics counts under each.</span>}
          {total > shown && (
            <span className="eng-foot__warn">
              Showing the first {shown.toLocaleString()} of {total.toLocaleString()} in this order: narrow the filters to see the rest (exports take them all).
            </span>
          )}
        </footer>
      </div>
    </LabelsContext.Provider>
  );
}
