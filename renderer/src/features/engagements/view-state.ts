import { useCallback, useEffect, useRef, useState } from 'react';
import type { AnalysisFilter, EngagementSort } from '../../../../shared/contract-analysis';
import { liaison } from '../../app/transport';

export type GroupBy = 'country-pair' | 'type' | 'topic' | 'month' | 'year';

/** What the analyst set up in the table: kept while they open an engagement and come back. */
export interface ViewState {
  filter: AnalysisFilter;
  sort: EngagementSort;
  groupBy: GroupBy | null;
  /** Expanded group rows, by row id. */
  expanded: Record<string, boolean>;
  /** The row the keyboard is on (a row id: engagement id, or group/engagement inside a group). */
  activeId: string | null;
  /** Names of the actors in the filter, for its chips (the filter itself holds only ids). */
  actorNames: Record<string, string>;
}

export const DEFAULT_VIEW: ViewState = {
  filter: {},
  sort: { by: 'date', direction: 'desc' },
  groupBy: null,
  expanded: {},
  activeId: null,
  actorNames: {},
};

export function isEmptyFilter(f: AnalysisFilter): boolean {
  return Object.values(f).every((v) => v === undefined || (Array.isArray(v) && v.length === 0));
}

/**
 * The section unmounts while the coding screen is open, so the view state lives here between
 * visits: opening an engagement and coming back finds the same filters, grouping and row. It is
 * dropped when another project is open (its actor ids and groups mean nothing there).
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
