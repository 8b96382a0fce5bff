import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { DocumentFilters, LibrarySort } from '../../../../shared/model/library';
import { liaison, subscribe } from '../../app/transport';
import { PageCache } from './page-cache';

export interface ListParams extends DocumentFilters {
  sort: LibrarySort;
  direction: 'asc' | 'desc';
}

export interface DocumentList {
  /** The rows by position, a window of pages around the view (see PageCache). */
  cache: PageCache;
  /** Bumps whenever the cache's rows change: a prop that re-renders what reads them. */
  version: number;
  /** Stands for the params the rows were listed with; changes when a new search or order lands. */
  listKey: string;
  /** The search the shown rows answer (their snippets make them taller); '' without one. */
  shownQuery: string;
  total: number;
  /** The first page for the current params has arrived. */
  ready: boolean;
  loading: boolean;
  /**
   * The rows shown answer other params than those asked for (a new search, filter or order is
   * on its way): they stay until the new rows arrive, but must not pass for the answer.
   */
  stale: boolean;
  error: (Error & { code?: string }) | null;
}

function cacheFor(params: ListParams): PageCache {
  return new PageCache(({ cursor, offset, limit }) => liaison.documents.list({ ...params, limit, cursor, ...(offset ? { offset } : {}) }));
}

/**
 * The library's rows for the params, paged by SQL and held as a window around the view. New
 * params, and a `db.changed` on documents or engagements (the coding columns), build a new
 * cache that loads the rows in view; it replaces the shown one when they arrive, so the table
 * never flashes empty, and answers to a replaced cache are dropped.
 */
export function useDocumentList(params: ListParams): DocumentList {
  const key = JSON.stringify(params);
  const paramsRef = useRef(params);
  paramsRef.current = params;
  const [shown, setShown] = useState(() => ({ cache: cacheFor(params), key }));
  const shownRef = useRef(shown);
  shownRef.current = shown;
  const pending = useRef<PageCache | null>(null);

  // The first cache loads its first page; later ones go through `replace`.
  useEffect(() => shown.cache.want(0, 0), [shown.cache]);

  useEffect(() => {
    const replace = (first: number, last: number) => {
      pending.current?.close();
      const next = cacheFor(paramsRef.current);
      pending.current = next;
      const off = next.subscribe(() => {
        if (!next.ready) return;
        off();
        pending.current = null;
        setShown((old) => {
          old.cache.close();
          return { cache: next, key };
        });
      });
      next.want(first, last);
    };
    if (key !== shownRef.current.key) replace(0, 0);
    const unsubscribe = subscribe('db.changed', ({ tables }) => {
      if (!tables.includes('documents') && !tables.includes('engagements')) return;
      const { first, last } = shownRef.current.cache.wanted;
      replace(first, last);
    });
    return () => {
      unsubscribe();
      pending.current?.close();
      pending.current = null;
    };
  }, [key]);

  const version = useSyncExternalStore(shown.cache.subscribe, shown.cache.getVersion);
  const { cache } = shown;
  const shownQuery = (JSON.parse(shown.key) as ListParams).query ?? '';
  return { cache, version, listKey: shown.key, shownQuery, total: cache.total, ready: cache.ready, loading: cache.loading || pending.current !== null, stale: key !== shown.key, error: cache.error };
}
