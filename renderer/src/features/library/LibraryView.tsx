import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { LibrarySort } from '../../../../shared/model/library';
import { liaison } from '../../app/transport';
import { downloadText } from '../../ui/download';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { CompareView } from '../compare/CompareView';
import { ReaderView } from '../reader/ReaderView';
import { ColumnsMenu } from './ColumnsMenu';
import { DocumentTable, type RowClick } from './DocumentTable';
import { FacetsPanel, type Filters } from './FacetsPanel';
import { SearchBox } from './SearchBox';
import { SelectionBar } from './SelectionBar';
import { selectionCsv, selectionFileName } from './selection-csv';
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
export function LibraryView({ onImport, onCode }: { onImport: () => void; /** Open the coding screen on a document. */ onCode?: (documentId: string) => void }) {
  const [filters, setFilters] = useState<Filters>({});
  const [query, setQuery] = useState('');
  const [sortChoice, setSortChoice] = useState<{ sort: LibrarySort; direction: 'asc' | 'desc' } | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
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
  const { rows, loadMore, nextCursor } = list;
  const columns = useColumnLayout();
  const selection = useSelection(rows);

  const badQuery = list.error?.code === 'bad-query' ? list.error.message : null;
  const filtered = query !== '' || Object.keys(filters).length > 0;
  const empty = list.ready && !filtered && !list.error && list.total === 0;

  // Where the open article is in the list; kept when it drops out (marked not relevant under a
  // "relevant" filter), so j/k go on from the same place.
  const openIndex = openId ? rows.findIndex((r) => r.id === openId) : -1;
  const lastIndex = useRef(0);
  if (openIndex >= 0) lastIndex.current = openIndex;
  const pendingStep = useRef(false);

  const open = useCallback((id: string) => {
    setActiveId(id);
    setOpenId(id);
  }, []);
  const close = useCallback(() => setOpenId(null), []);

  const step = useCallback(
    (delta: 1 | -1) => {
      const from = openIndex >= 0 ? openIndex : delta === 1 ? lastIndex.current - 1 : lastIndex.current;
      const next = from + delta;
      if (next < 0) return;
      if (next < rows.length) open(rows[next].id);
      else if (delta === 1 && nextCursor) {
        pendingStep.current = true;
        loadMore();
      }
    },
    [openIndex, rows, nextCursor, loadMore, open],
  );
  useEffect(() => {
    if (!pendingStep.current || openIndex < 0) return;
    if (rows.length > openIndex + 1) {
      pendingStep.current = false;
      open(rows[openIndex + 1].id);
    }
  }, [rows, openIndex, open]);

  const toggleExcluded = useCallback(
    (id: string) => {
      const row = rows.find((r) => r.id === id);
      if (row) liaison.documents.setExcluded({ ids: [id], excluded: !row.excluded }).catch(setActionError);
    },
    [rows],
  );
  const setExcluded = useCallback((ids: string[], excluded: boolean) => {
    if (ids.length) liaison.documents.setExcluded({ ids, excluded }).catch(setActionError);
  }, []);

  const selected = selection.rows;
  /** The two documents `c` compares: the two selected, or the one selected and the current row. */
  const comparePair = useMemo((): { a: string; b: string } | null => {
    if (selected.length === 2) return { a: selected[0].id, b: selected[1].id };
    if (selected.length === 1 && activeId && activeId !== selected[0].id) return { a: selected[0].id, b: activeId };
    return null;
  }, [selected, activeId]);
  const exportSelection = useCallback(() => {
    if (selected.length) downloadText(selectionFileName(), selectionCsv(selected), 'text/csv');
  }, [selected]);

  const onRowClick = useCallback(
    (id: string, how: RowClick) => {
      if (how.shiftKey) selection.range(id, activeId, how.toggleKey);
      else if (how.toggleKey) selection.toggle(id);
      else open(id);
    },
    [selection, activeId, open],
  );
  const onToggleSelect = useCallback((id: string, range: boolean) => (range ? selection.range(id, activeId, true) : selection.toggle(id)), [selection, activeId]);
  const onToggleAll = useCallback(() => {
    if (rows.length > 0 && rows.every((r) => selection.ids.has(r.id))) selection.clear();
    else selection.add(rows.map((r) => r.id));
  }, [rows, selection]);

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
        setOpenId(null);
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
      const at = activeId ? rows.findIndex((r) => r.id === activeId) : -1;
      const onControl = (e.target as HTMLElement | null)?.closest?.('button, a, input');
      const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
      if (key === 'j' || key === 'ArrowDown' || key === 'k' || key === 'ArrowUp') {
        e.preventDefault();
        const down = key === 'j' || key === 'ArrowDown';
        const next = Math.max(0, Math.min(rows.length - 1, at + (down ? 1 : -1)));
        if (rows[next]) {
          setActiveId(rows[next].id);
          // Shift extends the selection over the rows passed.
          if (e.shiftKey) selection.add(at >= 0 ? [rows[at].id, rows[next].id] : [rows[next].id]);
        }
        if (down && next >= rows.length - 5) loadMore();
      } else if (key === 'Enter' && at >= 0 && !onControl) {
        e.preventDefault();
        open(rows[at].id);
      } else if (key === ' ' && at >= 0 && !onControl) {
        e.preventDefault();
        selection.toggle(rows[at].id);
      } else if (key === 'c' && comparePair) {
        e.preventDefault();
        setCompare(comparePair);
      } else if (key === 'x' && selected.length > 0) {
        e.preventDefault();
        // All marked already: mark them relevant again; otherwise mark them all.
        setExcluded(
          selected.map((r) => r.id),
          !selected.every((r) => r.excluded),
        );
      } else if (key === 'x' && at >= 0) {
        e.preventDefault();
        toggleExcluded(rows[at].id);
      } else if (key === 'Escape' && selected.length > 0) {
        e.preventDefault();
        selection.clear();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [openId, compare, activeId, rows, step, close, open, loadMore, toggleExcluded, selection, selected, comparePair, setExcluded]);

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
      <div className="library__list" inert={openId !== null || compare !== null}>
        <div className="library__toolbar">
          <SearchBox ref={searchRef} query={query} onQuery={onQuery} error={badQuery} onLeave={() => searchRef.current?.blur()} />
          <span className="library__count" data-testid="library-count">
            {list.ready && !list.error && (
              <>
                {numberFormat.format(list.total)} {query ? (list.total === 1 ? 'match' : 'matches') : list.total === 1 ? 'document' : 'documents'}
                {query && (sort === 'rank' ? ', best first' : '')}
              </>
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
        {selected.length > 0 && (
          <SelectionBar
            rows={selected}
            canCompare={comparePair !== null}
            onOpen={() => open(selected[0].id)}
            onCompare={() => comparePair && setCompare(comparePair)}
            onExclude={(excluded) =>
              setExcluded(
                selected.map((r) => r.id),
                excluded,
              )
            }
            onExport={exportSelection}
            onClear={selection.clear}
          />
        )}
        <div className="library__body">
          <FacetsPanel facets={facets.data} filters={filters} onChange={setFilters} />
          <div className="library__table">
            {list.error && !badQuery ? (
              <p className="library__message form-error" role="alert" data-testid="library-error">
                {list.error.message}
              </p>
            ) : list.ready && list.total === 0 ? (
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
                rows={rows}
                total={list.total}
                sort={sort}
                direction={direction}
                onSort={onSort}
                layout={columns.layout}
                onLayout={columns.update}
                activeId={activeId}
                onActivate={setActiveId}
                onRowClick={onRowClick}
                selected={selection.ids}
                onToggleSelect={onToggleSelect}
                onToggleAll={onToggleAll}
                hasMore={nextCursor !== null}
                loading={list.loading}
                onLoadMore={loadMore}
                searching={query !== '' && rows.some((r) => r.snippet)}
              />
            )}
          </div>
        </div>
      </div>
      {openId && (
        <ReaderView
          id={openId}
          query={query}
          index={openIndex >= 0 ? openIndex : -1}
          total={list.total}
          onBack={close}
          onStep={step}
          onOpen={open}
          onCode={onCode}
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
            open(id);
          }}
        />
      )}
    </div>
  );
}
