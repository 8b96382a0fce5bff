import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ListedDocument } from '../../../../shared/model/library';

export interface Selection {
  /** Selected rows in list order (rows no longer in the list after a new search keep their place at the end). */
  rows: ListedDocument[];
  ids: ReadonlySet<string>;
  toggle: (id: string) => void;
  /** Select from the anchor (the last row toggled, else `fallback`) to `id`; `add` keeps what was selected. */
  range: (id: string, fallback: string | null, add: boolean) => void;
  add: (ids: string[]) => void;
  set: (ids: string[]) => void;
  clear: () => void;
}

/**
 * The library's multi-row selection. It holds the rows themselves (not just ids) so a selection
 * survives a new search or filter and can still be exported; rows are refreshed whenever the list
 * reloads them (a new title, a "not relevant" mark).
 */
export function useSelection(rows: ListedDocument[]): Selection {
  const [selected, setSelected] = useState<Map<string, ListedDocument>>(() => new Map());
  const anchor = useRef<string | null>(null);
  const rowsRef = useRef(rows);
  rowsRef.current = rows;

  useEffect(() => {
    setSelected((prev) => {
      if (prev.size === 0) return prev;
      let next: Map<string, ListedDocument> | null = null;
      for (const r of rows) {
        const old = prev.get(r.id);
        if (old && old !== r) {
          next ??= new Map(prev);
          next.set(r.id, r);
        }
      }
      return next ?? prev;
    });
  }, [rows]);

  const byId = useCallback((ids: string[]) => {
    const known = new Map(rowsRef.current.map((r) => [r.id, r]));
    return ids.map((id) => known.get(id)).filter((r): r is ListedDocument => r !== undefined);
  }, []);

  const toggle = useCallback(
    (id: string) => {
      anchor.current = id;
      setSelected((prev) => {
        const next = new Map(prev);
        if (next.has(id)) next.delete(id);
        else for (const r of byId([id])) next.set(r.id, r);
        return next;
      });
    },
    [byId],
  );

  const range = useCallback(
    (id: string, fallback: string | null, add: boolean) => {
      const list = rowsRef.current;
      const from = list.findIndex((r) => r.id === (anchor.current ?? fallback ?? id));
      const to = list.findIndex((r) => r.id === id);
      if (to < 0) return;
      const [lo, hi] = from < 0 ? [to, to] : [Math.min(from, to), Math.max(from, to)];
      if (anchor.current === null) anchor.current = from < 0 ? id : list[from].id;
      setSelected((prev) => {
        const next = add ? new Map(prev) : new Map<string, ListedDocument>();
        for (let i = lo; i <= hi; i++) next.set(list[i].id, list[i]);
        return next;
      });
    },
    [],
  );

  const add = useCallback(
    (ids: string[]) =>
      setSelected((prev) => {
        const next = new Map(prev);
        for (const r of byId(ids)) next.set(r.id, r);
        return next;
      }),
    [byId],
  );
  const set = useCallback(
    (ids: string[]) => {
      anchor.current = ids.at(-1) ?? null;
      setSelected(new Map(byId(ids).map((r) => [r.id, r])));
    },
    [byId],
  );
  const clear = useCallback(() => {
    anchor.current = null;
    setSelected((prev) => (prev.size ? new Map() : prev));
  }, []);

  const ordered = useMemo(() => {
    const place = new Map(rows.map((r, i) => [r.id, i]));
    return [...selected.values()].sort((a, b) => (place.get(a.id) ?? Number.MAX_SAFE_INTEGER) - (place.get(b.id) ?? Number.MAX_SAFE_INTEGER));
  }, [selected, rows]);
  const ids = useMemo(() => new Set(selected.keys()), [selected]);
  return { rows: ordered, ids, toggle, range, add, set, clear };
}
