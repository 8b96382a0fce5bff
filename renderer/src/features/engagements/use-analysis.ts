import { useEffect, useState } from 'react';
import type { EngagementGroup } from '../../../../shared/analysis';
import type { AnalysisFilter, EngagementSort } from '../../../../shared/contract-analysis';
import type { EngagementSummary } from '../../../../shared/contract-coding';
import type { Codebook } from '../../../../shared/model/codebook';
import { liaison, subscribe } from '../../app/transport';
import type { GroupBy } from './view-state';

/** Rows the table holds at most; past this the footer says how many were left out. */
export const ROW_LIMIT = 5000;

/** Tables whose changes can change a row: names, sides and coders are shown in it. */
const WATCHED = new Set(['engagements', 'actors', 'coders', 'codebooks', 'adjudications']);

/** A counter that moves whenever the data behind the table changes. */
export function useDataVersion(): number {
  const [version, setVersion] = useState(0);
  useEffect(() => subscribe('db.changed', ({ tables }) => tables.some((t) => WATCHED.has(t)) && setVersion((v) => v + 1)), []);
  return version;
}

export interface AnalysisData {
  rows: EngagementSummary[] | null;
  /** Matching engagements in all (rows may hold fewer: ROW_LIMIT). */
  total: number;
  groups: EngagementGroup[] | null;
  loading: boolean;
  error: Error | null;
}

/**
 * The filtered and sorted rows (SQL does both) and, when grouping, the groups with their counts.
 * Answers that arrive after a newer request are dropped; the old rows stay until the new ones come.
 */
export function useAnalysis(filter: AnalysisFilter, sort: EngagementSort, groupBy: GroupBy | null, version: number): AnalysisData {
  const [rows, setRows] = useState<{ rows: EngagementSummary[]; total: number } | null>(null);
  const [groups, setGroups] = useState<{ by: GroupBy; list: EngagementGroup[] } | null>(null);
  const [pending, setPending] = useState(0);
  const [error, setError] = useState<Error | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` is the signal that the data changed
  useEffect(() => {
    let stale = false;
    setPending((n) => n + 1);
    liaison.analysis
      .engagements({ filter, sort, limit: ROW_LIMIT })
      .then(
        (r) => {
          if (stale) return;
          setRows(r);
          setError(null);
        },
        (e: Error) => !stale && setError(e),
      )
      .finally(() => setPending((n) => n - 1));
    return () => {
      stale = true;
    };
  }, [filter, sort, version]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` is the signal that the data changed
  useEffect(() => {
    if (!groupBy) {
      setGroups(null);
      return;
    }
    let stale = false;
    setPending((n) => n + 1);
    liaison.analysis
      .groups({ by: groupBy, filter })
      .then(
        (list) => !stale && setGroups({ by: groupBy, list }),
        (e: Error) => !stale && setError(e),
      )
      .finally(() => setPending((n) => n - 1));
    return () => {
      stale = true;
    };
  }, [groupBy, filter, version]);

  // Groups of the previous grouping are not shown under the new one while it loads.
  return { rows: rows?.rows ?? null, total: rows?.total ?? 0, groups: groups && groups.by === groupBy ? groups.list : null, loading: pending > 0, error };
}

export function useCodebook(version: number): Codebook | null {
  const [codebook, setCodebook] = useState<Codebook | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` is the signal that the data changed
  useEffect(() => {
    let stale = false;
    void liaison.codebooks.active({}).then((c) => !stale && setCodebook(c));
    return () => {
      stale = true;
    };
  }, [version]);
  return codebook;
}
