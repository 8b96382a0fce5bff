import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DocumentSelection, LibrarySort } from '../../../../shared/model/library';
import { liaison } from '../../app/transport';
import { downloadText } from '../../ui/download';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { CompareView } from '../compare/CompareView';
import { ReaderView } from '../reader/ReaderView';
import { ColumnsMenu } from './ColumnsMenu';
import { DocumentTable, type RowClick, type SelectAllState } from './DocumentTable';
import { FacetsPanel, type Filters } from './FacetsPanel';
import { SearchBox } from './SearchBox';
import { SelectionBar } from './SelectionBar';
import { selectionFileName } from './selection-file-name';
import { useColumnLayout } from './use-column-layout';
import { useDocumentList } from './use-document-list';
import { useFacets } from './use-facets';
import { useSelection } from './use-selection';

const numberFormat = new Intl.NumberFormat();

/** Keys typed into a field, or meant for a dialog, are not the library's. */
function isForSomethingElse(e: KeyboardEvent): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return true;
  const t = e.target as HTMLElement | null;
  if (t?.closest?.('input, textarea, select, [contenteditable="true"], [role="dialog"]')) return true;
  return document.querySelector('[role="dialog"][aria-modal="true"]') !== null;
}

/**
 * The analyst's home: search, facets and the documents table; the reader opens over it (row
 * click or Enter) and Esc comes back to the same place in the list; a comparison of two
 * documents opens over both. Keys: / search, j/k or the arrows move, Enter opens, space (or
 * Ctrl/Shift-click, Shift+arrows) selects, c compares the two selected, x marks the selection
 * (or the current row) (not) relevant, Esc clears the selection.
 */
export function LibraryView({ onImport, onCode }: { onImport: () => void; /** Open the coding screen on a document. */ onCode?: (documentId: string, query?: string) => void }) {
  const [filters, setFilters] = useState<Filters>({});
  const [query, setQuery] = useState('');
  const [sortChoice, setSortChoice] = useState<{ sort: LibrarySort; direction: 'asc' | 'desc' } | null>(null);
  const [active, setActive] = useState<{ id: string | null; index: number }>({ id: null, index: -1 });
  const [opened, setOpened] = useState<{ id: string; index: number } | null>(null);
  const openId = opened?.id ?? null;
  const [compare, setCompare] = useState<{ a: string; b: string } | null>(null);
  const [actionError, setActionError] = useState<Error | null>(null);
  const [focusSearch, setFocusSearch] = useState(0);
  const searchRef = useRef<HTMLInputElement>(null);

  // A new search ranks by relevance until the analyst picks a column.
  const onQuery = useCallback((q: string) => {
    setQuery(q);
    setSortChoice((c) => (c?.sort === 'rank' || q ? null : c));
  }, []);
  const sort: LibrarySort = sortChoice && (sortChoice.sort !== 'rank' || query) ? sortChoice.sort : query ? 'rank' : 'imported';
  const direction = sortChoice && sort === sortChoice.sort ? sortChoice.direction : 'asc';

  const params = useMemo(() => ({ ...filters, ...(query ? { query } : {}), sort, direction }), [filters, query, sort, direction]);
  const facetFilters = useMemo(() => ({ ...filters, ...(query ? { query } : {}) }), [filters, query]);
  const list = useDocumentList(params);
  const facets = useFacets(facetFilters);
  const { cache, version, total } = list;
  const columns = useColumnLayout();
  const selection = useSelection(cache, version, total, params);

  const badQuery = list.error?.code === 'bad-query' ? list.error.message : null;
  const filtered = query !== '' || Object.keys(filters).length > 0;
  const empty = list.ready && !filtered && !list.error && total === 0;

  // Positions follow their document while the cache holds it (a reload may move it), else stay put.
  const placeOf = (at: { id: string | null; index: number } | null) => {
    if (!at) return -1;
    const held = at.id ? cache.indexOf(at.id) : -1;
    return held >= 0 ? held : at.index;
  };
  const activeIndex = placeOf(active);
  const openIndex = placeOf(opened);
  // The open article left the list (marked not relevant under a "relevant" filter): the next one took its place.
  const openGone = opened !== null && cache.indexOf(opened.id) < 0 && cache.rowAt(opened.index) !== undefined;

  const open = useCallback((id: string, index: number) => {
    setActive({ id, index });
    setOpened({ id, index });
  }, []);
  const close = useCallback(() => setOpened(null), []);
  const rowAtRef = useRef(cache);
  rowAtRef.current = cache;

  /** The row at `index`, from the cache or loaded into it. */
  const rowAt = useCallback(async (index: number) => rowAtRef.current.rowAt(index) ?? (await rowAtRef.current.row(index)), []);

  const step = useCallback(
    (delta: 1 | -1) => {
      const next = openGone && delta === 1 ? openIndex : openIndex + delta;
      if (next < 0 || next >= total) return;
      rowAt(next).then((row) => row && open(row.id, next), setActionError);
    },
    [openIndex, openGone, total, rowAt, open],
  );

  const setExcluded = useCallback((target: DocumentSelection | null, excluded: boolean) => {
    if (target) liaison.documents.setExcluded({ ...target, excluded }).catch(setActionError);
  }, []);

  const selected = selection.rows;
  /** The two documents `c` compares: the two selected, or the one selected and the current row. */
  const activeId = active.id;
  const comparePair = useMemo((): { a: string; b: string } | null => {
    if (selection.mode === 'all') return null;
    if (selected.length === 2) return { a: selected[0].id, b: selected[1].id };
    if (selected.length === 1 && activeId && activeId !== selected[0].id) return { a: selected[0].id, b: activeId };
    return null;
  }, [selection.mode, selected, activeId]);
  const canCompare = comparePair !== null || (selection.mode === 'all' && selection.count === 2);
  /** Compare the pair; "all matching" that comes to two asks main which two. */
  const compareSelected = useCallback(() => {
    if (comparePair) return setCompare(comparePair);
    const target = selection.spec();
    if (!target || !('matching' in target)) return;
    liaison.documents.selection({ matching: target.matching, limit: 2 }).then(({ ids }) => {
      if (ids.length === 2) setCompare({ a: ids[0], b: ids[1] });
    }, setActionError);
  }, [comparePair, selection]);
  const openSelected = useCallback(() => {
    const target = selection.spec();
    if (!target) return;
    if ('ids' in target) return open(selected[0].id, cache.indexOf(selected[0].id));
    liaison.documents.selection({ matching: target.matching, limit: 1 }).then(({ ids }) => ids[0] && open(ids[0], cache.indexOf(ids[0])), setActionError);
  }, [selection, selected, cache, open]);
  const exportSelection = useCallback(() => {
    const target = selection.spec();
    if (target) liaison.documents.exportCsv(target).then(({ csv }) => downloadText(selectionFileName(), csv, 'text/csv'), setActionError);
  }, [selection]);

  const onActivate = useCallback((id: string, index: number) => setActive({ id, index }), []);
  const onRowClick = useCallback(
    (id: string, index: number, how: RowClick) => {
      const row = cache.rowAt(index);
      if (how.shiftKey) selection.range(index, activeIndex, how.toggleKey);
      else if (how.toggleKey && row) selection.toggle(row);
      else open(id, index);
    },
    [selection, activeIndex, open, cache],
  );
  const onToggleSelect = useCallback(
    (_id: string, index: number, range: boolean) => {
      const row = cache.rowAt(index);
      if (range) selection.range(index, activeIndex, true);
      else if (row) selection.toggle(row);
    },
    [selection, activeIndex, cache],
  );
  const onToggleAll = useCallback(() => (selection.count > 0 ? selection.clear() : selection.selectAll()), [selection]);
  const selectAll: SelectAllState = selection.count === 0 ? 'none' : selection.mode === 'all' && selection.count === total ? 'all' : 'some';

  useEffect(() => {
    if (focusSearch === 0) return;
    searchRef.current?.focus();
    searchRef.current?.select();
  }, [focusSearch]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // The comparison keeps its own keys while it is open.
      if (compare || isForSomethingElse(e)) return;
      if (e.key === '/') {
        e.preventDefault();
        setOpened(null);
        setFocusSearch((n) => n + 1);
        return;
      }
      if (openId) {
        if (e.key === 'j' || e.key === 'k') {
          e.preventDefault();
          step(e.key === 'j' ? 1 : -1);
        } else if (e.key === 'Escape') {
          e.preventDefault();
          close();
        }
        return;
      }
      const at = activeIndex;
      const current = at >= 0 ? cache.rowAt(at) : undefined;
      const onControl = (e.target as HTMLElement | null)?.closest?.('button, a, input, [role="separator"]');
      const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
      if (key === 'j' || key === 'ArrowDown' || key === 'k' || key === 'ArrowUp') {
        e.preventDefault();
        const down = key === 'j' || key === 'ArrowDown';
        const next = Math.max(0, Math.min(total - 1, at + (down ? 1 : -1)));
        if (next === at) return;
        const extend = e.shiftKey;
        setActive({ id: cache.rowAt(next)?.id ?? null, index: next });
        rowAt(next).then((row) => {
          if (!row) return;
          setActive((a) => (a.index === next ? { id: row.id, index: next } : a));
          // Shift extends the selection over the rows passed.
          if (extend) selection.add(current ? [current, row] : [row]);
        }, setActionError);
      } else if (key === 'Enter' && current && !onControl) {
        e.preventDefault();
        open(current.id, at);
      } else if (key === ' ' && current && !onControl) {
        e.preventDefault();
        selection.toggle(current);
      } else if (key === 'c' && canCompare) {
        e.preventDefault();
        compareSelected();
      } else if (key === 'x' && selection.count > 0) {
        e.preventDefault();
        // All marked already: mark them relevant again; otherwise mark them all.
        setExcluded(selection.spec(), selection.mode === 'all' || !selected.every((r) => r.excluded));
      } else if (key === 'x' && current) {
        e.preventDefault();
        setExcluded({ ids: [current.id] }, !current.excluded);
      } else if (key === 'Escape' && selection.count > 0) {
        e.preventDefault();
        selection.clear();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [openId, compare, activeIndex, cache, total, step, close, open, rowAt, selection, selected, canCompare, compareSelected, setExcluded]);

  const onSort = useCallback((s: LibrarySort, d: 'asc' | 'desc') => setSortChoice({ sort: s, direction: d }), []);
  const clearAll = () => {
    setFilters({});
    onQuery('');
  };

  if (empty) {
    return (
      <EmptyState
        title="No articles yet"
        testId="empty-library"
        action={
          <button type="button" className="btn btn--primary" data-testid="library-import" onClick={onImport}>
            Import articles…
          </button>
        }
      >
        Import a folder of articles (.txt, .html, .pdf, .docx, .eml, .json) to start; they are listed, searched and read here. From a terminal:{' '}
        <code>npx liaison import FOLDER --project FILE</code>
      </EmptyState>
    );
  }

  return (
    <div className="library" data-testid="library" data-state={list.ready && columns.ready ? 'ready' : 'loading'}>
      {actionError && <ErrorBanner error={actionError} onDismiss={() => setActionError(null)} />}
      <div className="library__list" inert={opened !== null || compare !== null}>
        <div className="library__toolbar">
          <SearchBox ref={searchRef} query={query} onQuery={onQuery} error={badQuery} onLeave={() => searchRef.current?.blur()} />
          <span className="library__count" data-testid="library-count" data-stale={list.stale ? 'true' : 'false'}>
            {list.stale ? (
              <span className="library__pending" data-testid="library-pending">
                {query !== list.shownQuery ? 'Searching…' : 'Updating…'}
              </span>
            ) : (
              list.ready &&
              !list.error && (
                <>
                  {query && total === 0 ? (
                    'No matches'
                  ) : (
                    <>
                      {numberFormat.format(total)} {query ? (total === 1 ? 'match' : 'matches') : total === 1 ? 'document' : 'documents'}
                      {query && (sort === 'rank' ? ', best first' : '')}
                    </>
                  )}
                </>
              )
            )}
          </span>
          {query && sort !== 'rank' && (
            <button type="button" className="btn btn--ghost btn--small" data-testid="sort-rank" onClick={() => setSortChoice(null)}>
              Best matches first
            </button>
          )}
          <span className="library__spacer" />
          <ColumnsMenu layout={columns.layout} onLayout={columns.update} onReset={columns.reset} />
        </div>
        {selection.count > 0 && (
          <SelectionBar
            rows={selected}
            count={selection.count}
            allMatching={selection.mode === 'all'}
            canCompare={canCompare}
            onOpen={openSelected}
            onCompare={compareSelected}
            onExclude={(excluded) => setExcluded(selection.spec(), excluded)}
            onExport={exportSelection}
            onClear={selection.clear}
          />
        )}
        <div className="library__body">
          <FacetsPanel facets={facets.data} filters={filters} onChange={setFilters} badQuery={badQuery !== null} />
          <div className="library__table">
            {list.error && !badQuery ? (
              <p className="library__message form-error" role="alert" data-testid="library-error">
                {list.error.message}
              </p>
            ) : list.ready && total === 0 ? (
              <div className="library__message" data-testid="library-no-match">
                <p>{badQuery ? 'Fix the search above to see results.' : 'No documents match the search and filters.'}</p>
                {!badQuery && (
                  <button type="button" className="btn btn--small" onClick={clearAll}>
                    Clear search and filters
                  </button>
                )}
              </div>
            ) : !columns.ready ? null : (
              <DocumentTable
                cache={cache}
                version={version}
                listKey={list.listKey}
                total={total}
                sort={sort}
                direction={direction}
                onSort={onSort}
                layout={columns.layout}
                onLayout={columns.update}
                activeIndex={activeIndex}
                onActivate={onActivate}
                onRowClick={onRowClick}
                isSelected={selection.has}
                onToggleSelect={onToggleSelect}
                selectAll={selectAll}
                onToggleAll={onToggleAll}
                loading={list.loading}
                stale={list.stale}
                searching={list.shownQuery !== ''}
              />
            )}
          </div>
        </div>
      </div>
      {openId && (
        <ReaderView
          id={openId}
          query={query}
          index={openGone ? -1 : openIndex}
          total={total}
          onBack={close}
          onStep={step}
          onOpen={(id) => open(id, cache.indexOf(id))}
          onCode={onCode ? (id) => onCode(id, query || undefined) : undefined}
          onCompare={(a, b) => setCompare({ a, b })}
          paused={compare !== null}
          onError={setActionError}
        />
      )}
      {compare && (
        <CompareView
          key={`${compare.a}:${compare.b}`}
          a={compare.a}
          b={compare.b}
          onBack={() => setCompare(null)}
          onSwap={() => setCompare({ a: compare.b, b: compare.a })}
          onOpen={(id) => {
            setCompare(null);
            open(id, cache.indexOf(id));
          }}
        />
      )}
    </div>
  );
}
