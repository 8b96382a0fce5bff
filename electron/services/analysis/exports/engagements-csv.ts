/** Flat engagement and dyad tables as CSV (one row per engagement, or per dyad). */
import type { Dyad } from '../../../../shared/analysis/dyads';
import { type EngagementExportRow, EXPORT_COLUMNS } from '../../../../shared/analysis/export-rows';
import { type CsvOptions, toCsv } from './csv';

export function engagementsCsv(rows: readonly EngagementExportRow[], options: CsvOptions = {}): string {
  return toCsv(
    EXPORT_COLUMNS.map((c) => c.header),
    rows.map((r) => EXPORT_COLUMNS.map((c) => c.value(r))),
    options,
  );
}

const DYAD_HEADERS = [
  'engagement_id',
  'date',
  'date_precision',
  'source_id',
  'source',
  'source_country',
  'target_id',
  'target',
  'target_country',
  'cameo',
  'type',
  'mode',
] as const;

export function dyadsCsv(dyads: readonly Dyad[], options: CsvOptions = {}): string {
  return toCsv(
    DYAD_HEADERS,
    dyads.map((d) => [
      d.engagementId,
      d.date,
      d.datePrecision,
      d.sourceId,
      d.sourceName,
      d.sourceCountry,
      d.targetId,
      d.targetName,
      d.targetCountry,
      d.cameo,
      d.type,
      d.mode,
    ]),
    options,
  );
}
