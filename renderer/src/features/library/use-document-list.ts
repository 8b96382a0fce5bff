import { useCallback, useEffect, useRef, useState } from 'react';
import type { DocumentFilters, LibrarySort, ListedDocument } from '../../../../shared/model/library';
import { liaison, subscribe } from '../../app/transport';

export interface ListParams extends DocumentFilters {
  sort: LibrarySort;
  direction: 'asc' | 'desc';
}

export interface DocumentList {
  rows: ListedDocument[];
  total: number;
  nextCursor: string | null;
  /** The first page for the current params has arrived. */
  ready: boolean;
  loading: boolean;
  error: (Error & { code?: string }) | null;
  /** Fetch the next page (no-op while one is on its way or when there is none). */
  loadMore: () => void;
}

const PAGE = 100;
/** A reload after a change refetches what was shown, up to the largest page the call allows. */
const MAX_PAGE = 500;

/**
 * The library's rows, page by page, as the SQL keyset cursor hands them out. New params replace
 * the rows when their first page arrives (no flash of empty); answers to older params are
 * dropped; a `db.changed` on documents (or engagements: the coding columns) reloads what is shown.
 */
export function useDocumentList(params: ListParams): DocumentList {
  const [state, setState] = useState<Omit<DocumentList, 'loadMore'>>({ rows: [], total: 0, nextCursor: null, ready: false, loading: true, error: null });
  const generation = useRef(0);
  const inFlight = useRef(false);
  const stateRef = useRef(state);
  stateRef.current = state;
  const key = JSON.stringify(params);
  const paramsRef = useRef(params);
  paramsRef.current = params;

  const loadFirst = useCallback((limit: number) => {
    const mine = ++generation.current;
    inFlight.current = true;
    setState((s) => ({ ...s, loading: true }));
    liaison.documents.list({ ...paramsRef.current, limit, cursor: null }).then(
      (page) => {
        if (mine !== generation.current) return;
        inFlight.current = false;
        setState({ rows: page.rows, total: page.total, nextCursor: page.nextCursor, ready: true, loading: false, error: null });
      },
      (error: Error) => {
        if (mine !== generation.current) return;
        inFlight.current = false;
        setState({ rows: [], total: 0, nextCursor: null, ready: true, loading: false, error });
      },
    );
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for params (read through the ref)
  useEffect(() => loadFirst(PAGE), [key, loadFirst]);

  useEffect(
    () =>
      subscribe('db.changed', ({ tables }) => {
        if (tables.includes('documents') || tables.includes('engagements')) loadFirst(Math.min(MAX_PAGE, Math.max(PAGE, stateRef.current.rows.length)));
      }),
    [loadFirst],
  );

  const loadMore = useCallback(() => {
    const { nextCursor } = stateRef.current;
    if (!nextCursor || inFlight.current) return;
    const mine = generation.current;
    inFlight.current = true;
    setState((s) => ({ ...s, loading: true }));
    liaison.documents.list({ ...paramsRef.current, limit: PAGE, cursor: nextCursor }).then(
      (page) => {
        if (mine !== generation.current) return;
        inFlight.current = false;
        setState((s) => ({ ...s, rows: [...s.rows, ...page.rows], nextCursor: page.nextCursor, loading: false }));
      },
      (error: Error) => {
        if (mine !== generation.current) return;
        inFlight.current = false;
        setState((s) => ({ ...s, loading: false, error }));
      },
    );
  }, []);

  return { ...state, loadMore };
}
