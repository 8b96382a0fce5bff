import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallInput } from '../../../../shared/contract';
import { liaison } from '../../app/transport';
import { type ColumnLayout, DEFAULT_LAYOUT, sanitizeLayout } from './column-layout';

/** The project setting the layout is kept under (settings.get / settings.set). */
const SETTING_KEY = 'library.columns';
/** Resizing sends a change per mouse move: save once it settles. */
const SAVE_DELAY_MS = 400;

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
