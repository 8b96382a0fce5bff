/**
 * JSON exports: Liaison's full records (participants, sources, evidence spans with their quotes)
 * and PLOVER-style records. Both are wrapped with a format name and version so a later Liaison,
 * or a script, can tell what it is reading.
 */
import type { EngagementExportRow } from '../../../../shared/analysis/export-rows';
import type { PloverRecord } from '../../../../shared/analysis/plover';

export const ENGAGEMENTS_JSON_FORMAT = 'liaison-engagements';
export const ENGAGEMENTS_JSON_VERSION = 1;

export interface JsonExportMeta {
  /** ISO timestamp; now when absent. */
  exportedAt?: string;
  project?: string;
}

export function engagementsJson(rows: readonly EngagementExportRow[], meta: JsonExportMeta = {}): string {
  const doc = {
    format: ENGAGEMENTS_JSON_FORMAT,
    version: ENGAGEMENTS_JSON_VERSION,
    exportedAt: meta.exportedAt ?? new Date().toISOString(),
    ...(meta.project ? { project: meta.project } : {}),
    engagements: rows,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** A JSON array of records: PLOVER datasets are lists of events, without an envelope. */
export function ploverJson(records: readonly PloverRecord[]): string {
  return `${JSON.stringify(records, null, 2)}\n`;
}
