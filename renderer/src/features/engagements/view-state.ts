import { useCallback, useEffect, useRef, useState } from 'react';
import type { EngagementSort } from '../../../../shared/contract-analysis';
import { liaison } from '../../app/transport';

export type GroupBy = 'country-pair' | 'type' | 'topic' | 'month' | 'year';

/**
 * What the analyst set up in the table: kept while they open an engagement and come back. The
 * filters are not here: they are the analysis filter the table shares with the network.
 */
export interface ViewState {
  sort: EngagementSort;
  groupBy: GroupBy | null;
  /** Expanded group rows, by row id. */
  expanded: Record<string, boolean>;
  /** The row the keyboard is on (a row id: engagement id, or group/engagement inside a group). */
  activeId: string | null;
}

export const DEFAULT_VIEW: ViewState = {
  sort: { by: 'date', direction: 'desc' },
  groupBy: null,
  expanded: {},
  activeId: null,
};

/**
 * The section unmounts while the coding screen is open, so the view state lives here between
 * visits: opening an engagement and coming back finds the same order, grouping and row. It is
 * dropped when another project is open (its groups and rows mean nothing there).
 */
let remembered: { projectId: string | null; view: ViewState } | null = null;

export function useRememberedView(): [ViewState, (update: (v: ViewState) => ViewState) => void] {
  const [view, setView] = useState<ViewState>(() => remembered?.view ?? DEFAULT_VIEW);
  const projectId = useRef<string | null>(remembered?.projectId ?? null);
  useEffect(() => {
    let live = true;
    void liaison.projects.current({}).then((p) => {
      if (!live) return;
      const id = p?.id ?? null;
      if (projectId.current !== null && projectId.current !== id) setView(DEFAULT_VIEW);
      projectId.current = id;
      if (remembered) remembered.projectId = id;
    });
    return () => {
      live = false;
    };
  }, []);
  useEffect(() => {
    remembered = { projectId: projectId.current, view };
  }, [view]);
  const update = useCallback((fn: (v: ViewState) => ViewState) => setView(fn), []);
  return [view, update];
}
