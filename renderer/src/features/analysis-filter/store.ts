import { useEffect, useSyncExternalStore } from 'react';
import type { AnalysisFilter } from '../../../../shared/contract-analysis';
import { liaison } from '../../app/transport';

export type GraphLevel = 'actors' | 'sides';

/** A node or an edge picked in the graph: the table and the list beside the graph narrow to its engagements. */
export interface GraphSelection {
  kind: 'node' | 'edge';
  id: string;
  level: GraphLevel;
  label: string;
  engagementIds: string[];
}

/**
 * The one analysis filter the Engagements table, the Network and its Timeline share: set in one
 * section, in force in the other. `filter` never holds `engagementIds`; a graph selection is kept
 * apart (it is shown and cleared on its own, and the graph draws around it rather than shrinking to it).
 */
export interface SharedAnalysisFilter {
  filter: AnalysisFilter;
  selection: GraphSelection | null;
  /** Names of the actors in the filter, for the chips (the filter itself holds only ids). */
  actorNames: Record<string, string>;
}

const EMPTY: SharedAnalysisFilter = { filter: {}, selection: null, actorNames: {} };

/**
 * Module state rather than a context at the app's root: both sections unmount when the other (or
 * the coding screen) is open, and the filter must outlive them. It belongs to one project: another
 * project's actor ids and engagement ids mean nothing, so it is dropped when the project changes.
 */
let state: SharedAnalysisFilter = EMPTY;
let projectId: string | null = null;
const listeners = new Set<() => void>();

function set(next: SharedAnalysisFilter): void {
  if (next === state) return;
  state = next;
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function isEmptyFilter(f: AnalysisFilter): boolean {
  return Object.values(f).every((v) => v === undefined || (Array.isArray(v) && v.length === 0));
}

/** The filter without empty lists and unset dates, so "no filter" has one shape. */
function normalise(f: AnalysisFilter): AnalysisFilter {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(f)) if (k !== 'engagementIds' && v !== undefined && !(Array.isArray(v) && v.length === 0)) out[k] = v;
  return out as AnalysisFilter;
}

export const analysisFilter = {
  get: (): SharedAnalysisFilter => state,
  setFilter(filter: AnalysisFilter): void {
    set({ ...state, filter: normalise(filter) });
  },
  setDates(from: string | undefined, to: string | undefined): void {
    set({ ...state, filter: normalise({ ...state.filter, from, to }) });
  },
  setSelection(selection: GraphSelection | null): void {
    set({ ...state, selection });
  },
  setActorNames(actorNames: Record<string, string>): void {
    set({ ...state, actorNames: { ...state.actorNames, ...actorNames } });
  },
  /** Every filter and the selection. */
  clear(): void {
    set({ ...state, filter: {}, selection: null });
  },
};

/** The filter the table and the lists query with: the shared filter narrowed to the graph selection. */
export function effectiveFilter(s: SharedAnalysisFilter): AnalysisFilter {
  return s.selection ? { ...s.filter, engagementIds: s.selection.engagementIds } : s.filter;
}

/** The shared filter, re-rendering on every change; dropped when another project is open. */
export function useAnalysisFilter(): SharedAnalysisFilter {
  const current = useSyncExternalStore(subscribe, analysisFilter.get);
  useEffect(() => {
    let live = true;
    void liaison.projects.current({}).then((p) => {
      if (!live) return;
      const id = p?.id ?? null;
      if (projectId !== null && projectId !== id) set(EMPTY);
      projectId = id;
    });
    return () => {
      live = false;
    };
  }, []);
  return current;
}
