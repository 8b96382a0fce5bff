import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallInput } from '../../../../shared/contract';
import { liaison } from '../../app/transport';

/** The library's columns, in their default order; `select` (the checkboxes) is fixed and not listed. */
export const COLUMN_IDS = ['title', 'outlet', 'publishedAt', 'place', 'batch', 'format', 'words', 'duplicates', 'engagements', 'coding'] as const;
export type ColumnId = (typeof COLUMN_IDS)[number];

export const COLUMN_LABELS: Record<ColumnId, string> = {
  title: 'Title',
  outlet: 'Outlet',
  publishedAt: 'Published',
  place: 'Place',
  batch: 'Batch',
  format: 'Format',
  words: 'Words',
  duplicates: 'Duplicates',
  engagements: 'Engagements',
  coding: 'Coding',
};

/** Widths in px; the title also takes whatever room is left. */
export const DEFAULT_SIZES: Record<ColumnId, number> = {
  title: 260,
  outlet: 140,
  publishedAt: 96,
  place: 100,
  batch: 56,
  format: 66,
  words: 64,
  duplicates: 96,
  engagements: 60,
  coding: 84,
};
export const MIN_SIZE = 44;
export const MAX_SIZE = 900;

export interface ColumnLayout {
  order: ColumnId[];
  hidden: ColumnId[];
  sizes: Partial<Record<ColumnId, number>>;
}

/** Batch and format are in the facets; hidden until asked for, so the title keeps its room. */
export const DEFAULT_LAYOUT: ColumnLayout = { order: [...COLUMN_IDS], hidden: ['batch', 'format'], sizes: {} };

/** The project setting the layout is kept under (settings.get / settings.set). */
const SETTING_KEY = 'library.columns';
/** Resizing sends a change per mouse move: save once it settles. */
const SAVE_DELAY_MS = 400;

const isColumnId = (v: unknown): v is ColumnId => typeof v === 'string' && (COLUMN_IDS as readonly string[]).includes(v);

/**
 * A stored layout made safe to use: unknown columns dropped, columns added since it was saved put
 * back in their default place, widths clamped. It comes from the project file, so it is checked
 * like any input.
 */
export function sanitizeLayout(raw: unknown): ColumnLayout {
  if (!raw || typeof raw !== 'object') return DEFAULT_LAYOUT;
  const r = raw as Record<string, unknown>;
  const order = Array.isArray(r.order) ? [...new Set(r.order.filter(isColumnId))] : [];
  for (const id of COLUMN_IDS) {
    if (order.includes(id)) continue;
    // A column the saved layout did not know: after the column that precedes it by default.
    const before = COLUMN_IDS.slice(0, COLUMN_IDS.indexOf(id)).reverse().find((c) => order.includes(c));
    order.splice(before ? order.indexOf(before) + 1 : 0, 0, id);
  }
  const hidden = Array.isArray(r.hidden) ? [...new Set(r.hidden.filter(isColumnId))] : DEFAULT_LAYOUT.hidden;
  const sizes: Partial<Record<ColumnId, number>> = {};
  if (r.sizes && typeof r.sizes === 'object') {
    for (const [k, v] of Object.entries(r.sizes as Record<string, unknown>)) {
      if (isColumnId(k) && typeof v === 'number' && Number.isFinite(v)) sizes[k] = Math.round(Math.min(MAX_SIZE, Math.max(MIN_SIZE, v)));
    }
  }
  return { order, hidden, sizes };
}

/**
 * The documents table's column order, visibility and widths, remembered per project (in the
 * project file, so the layout travels with it). `ready` is false until the stored layout has
 * been read, so the table does not first draw the default and then jump.
 */
export function useColumnLayout(): { layout: ColumnLayout; ready: boolean; update: (change: (l: ColumnLayout) => ColumnLayout) => void; reset: () => void } {
  const [layout, setLayout] = useState<ColumnLayout>(DEFAULT_LAYOUT);
  const [ready, setReady] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const pending = useRef<ColumnLayout | null>(null);

  useEffect(() => {
    let live = true;
    liaison.settings.get({ key: SETTING_KEY }).then(
      ({ value }) => {
        if (!live) return;
        if (value !== null) setLayout(sanitizeLayout(value));
        setReady(true);
      },
      () => live && setReady(true),
    );
    return () => {
      live = false;
    };
  }, []);

  const flush = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const value = pending.current;
    pending.current = null;
    // A layout that cannot be saved (read-only project, closed meanwhile) still applies now.
    if (value) liaison.settings.set({ key: SETTING_KEY, value: value as unknown as CallInput<'settings.set'>['value'] }).catch(() => {});
  }, []);
  // Leaving the library saves what is waiting.
  useEffect(() => flush, [flush]);

  const save = useCallback(
    (next: ColumnLayout) => {
      pending.current = next;
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(flush, SAVE_DELAY_MS);
    },
    [flush],
  );

  const layoutRef = useRef(layout);
  layoutRef.current = layout;
  const update = useCallback(
    (change: (l: ColumnLayout) => ColumnLayout) => {
      const next = change(layoutRef.current);
      if (next === layoutRef.current) return;
      layoutRef.current = next;
      setLayout(next);
      save(next);
    },
    [save],
  );
  const reset = useCallback(() => update(() => DEFAULT_LAYOUT), [update]);
  return { layout, ready, update, reset };
}
