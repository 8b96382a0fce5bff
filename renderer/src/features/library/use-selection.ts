import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DocumentSelection, ListedDocument } from '../../../../shared/model/library';
import type { PageCache } from './page-cache';
import type { ListParams } from './use-document-list';

type State =
  /** Rows picked one by one (or by ranges): held whole, so they survive a new search and export as shown. */
  | { mode: 'ids'; rows: Map<string, ListedDocument> }
  /** "All N matching" the list: its params, less the rows unticked since. Resolved in main. */
  | { mode: 'all'; params: ListParams; key: string; except: ReadonlySet<string> };

export interface Selection {
  mode: 'ids' | 'all';
  /** Rows picked (mode `ids`), in list order where the list holds them; empty in mode `all`. */
  rows: ListedDocument[];
  /** How many documents are selected. */
  count: number;
  /** A new function whenever the selection changes (the table re-renders on it). */
  has: (id: string) => boolean;
  toggle: (row: ListedDocument) => void;
  /** Select from the anchor (the last row toggled, else `fallback`) to `index`; `add` keeps what was selected. */
  range: (index: number, fallback: number, add: boolean) => void;
  add: (rows: ListedDocument[]) => void;
  /** Every document matching the list's params. */
  selectAll: () => void;
  clear: () => void;
  /** What the actions (mark, export, compare) send to main; null when nothing is selected. */
  spec: () => DocumentSelection | null;
}

const NONE: State = { mode: 'ids', rows: new Map() };

/**
 * The library's multi-row selection, over a list the renderer only holds a window of. One by one
 * it holds the rows themselves (refreshed when the list reloads them: a new title, a "not
 * relevant" mark); "select all" holds the list's params and the exceptions instead, so it
 * covers rows never loaded, and ends when the list's params change.
 */
export function useSelection(cache: PageCache, cacheVersion: number, total: number, params: ListParams): Selection {
  const [state, update] = useState<State>(NONE);
  const anchor = useRef<number | null>(null);
  const key = JSON.stringify(params);

  // A reload brings fresher copies of picked rows; "all matching" ends with its list.
  // biome-ignore lint/correctness/useExhaustiveDependencies: cacheVersion says the cache's rows changed
  useEffect(() => {
    update((s) => {
      if (s.mode === 'all') return s.key === key ? s : NONE;
      if (s.rows.size === 0) return s;
      let next: Map<string, ListedDocument> | null = null;
      for (const r of cache.held()) {
        const old = s.rows.get(r.id);
        if (old && old !== r) {
          next ??= new Map(s.rows);
          next.set(r.id, r);
        }
      }
      return next ? { mode: 'ids', rows: next } : s;
    });
  }, [cache, cacheVersion, key]);

  const toggle = useCallback(
    (row: ListedDocument) => {
      const at = cache.indexOf(row.id);
      if (at >= 0) anchor.current = at;
      update((s) => {
        if (s.mode === 'all') {
          const except = new Set(s.except);
          if (except.has(row.id)) except.delete(row.id);
          else except.add(row.id);
          return { ...s, except };
        }
        const rows = new Map(s.rows);
        if (rows.has(row.id)) rows.delete(row.id);
        else rows.set(row.id, row);
        return { mode: 'ids', rows };
      });
    },
    [cache],
  );

  const range = useCallback(
    (index: number, fallback: number, add: boolean) => {
      const from = anchor.current ?? (fallback >= 0 ? fallback : index);
      if (anchor.current === null) anchor.current = from;
      const [lo, hi] = [Math.min(from, index), Math.max(from, index)];
      // Rows of the range that have left the cache are loaded again (by page) before selecting.
      void (async () => {
        const picked: ListedDocument[] = [];
        for (let i = lo; i <= hi; i++) {
          const row = cache.rowAt(i) ?? (await cache.row(i));
          if (row) picked.push(row);
        }
        update((s) => {
          const rows = add && s.mode === 'ids' ? new Map(s.rows) : new Map<string, ListedDocument>();
          for (const r of picked) rows.set(r.id, r);
          return { mode: 'ids', rows };
        });
      })();
    },
    [cache],
  );

  const add = useCallback(
    (rows: ListedDocument[]) =>
      update((s) => {
        if (s.mode === 'all') {
          const except = new Set(s.except);
          for (const r of rows) except.delete(r.id);
          return { ...s, except };
        }
        const next = new Map(s.rows);
        for (const r of rows) next.set(r.id, r);
        return { mode: 'ids', rows: next };
      }),
    [],
  );
  const paramsRef = useRef(params);
  paramsRef.current = params;
  const selectAll = useCallback(() => {
    anchor.current = null;
    update(() => ({ mode: 'all', params: paramsRef.current, key: JSON.stringify(paramsRef.current), except: new Set() }));
  }, []);
  const clear = useCallback(() => {
    anchor.current = null;
    update((s) => (s.mode === 'ids' && s.rows.size === 0 ? s : NONE));
  }, []);

  const stateRef = useRef(state);
  stateRef.current = state;
  const spec = useCallback((): DocumentSelection | null => {
    const s = stateRef.current;
    if (s.mode === 'all') return { matching: { ...s.params, except: [...s.except] } };
    return s.rows.size ? { ids: [...s.rows.keys()] } : null;
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: cacheVersion says where the held rows are now
  const rows = useMemo(() => {
    if (state.mode === 'all') return [];
    const place = (r: ListedDocument) => {
      const at = cache.indexOf(r.id);
      return at < 0 ? Number.MAX_SAFE_INTEGER : at;
    };
    return [...state.rows.values()].sort((a, b) => place(a) - place(b));
  }, [state, cache, cacheVersion]);
  const has = useCallback((id: string) => (state.mode === 'all' ? !state.except.has(id) : state.rows.has(id)), [state]);
  const count = state.mode === 'all' ? Math.max(0, total - state.except.size) : state.rows.size;
  return { mode: state.mode, rows, count, has, toggle, range, add, selectAll, clear, spec };
}
