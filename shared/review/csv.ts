/**
 * The agreement table as CSV (RFC 4180: comma-separated, CRLF line ends, fields quoted when they
 * hold a comma, quote, CR or LF, quotes doubled).
 *
 * Analysts open this in a spreadsheet, so text cells that begin with = + - @ (or a tab or CR) are
 * prefixed with an apostrophe: otherwise Excel or LibreOffice would run them as formulas (OWASP's
 * "CSV injection"). Numbers are never prefixed: a kappa of -0.125 must stay a number.
 */
import type { AgreementRow } from './agreement';

export const AGREEMENT_CSV_COLUMNS = [
  'scope',
  'documentId',
  'field',
  'units',
  'percentAgreement',
  'kappa',
  'alpha',
  'alphaKind',
  'alphaUnits',
  'alphaValues',
  'note',
] as const satisfies ReadonlyArray<keyof AgreementRow>;

export interface CsvOptions {
  /** Decimal places for the figures; default 4 (a kappa to 1e-4 is past any reporting need). */
  decimals?: number;
}

/** One CSV cell from text: defused if it would start a formula, quoted if it needs to be. */
export function csvText(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A figure rounded to `decimals`, with no trailing zeros and no "-0"; null is an empty cell. */
export function csvNumber(value: number | null, decimals: number): string {
  if (value === null) return '';
  if (!Number.isFinite(value)) throw new RangeError(`Not a finite figure: ${value}`);
  const rounded = Number(value.toFixed(decimals));
  return String(rounded === 0 ? 0 : rounded);
}

/** The agreement rows as a CSV document with a header line. */
export function agreementCsv(rows: readonly AgreementRow[], options: CsvOptions = {}): string {
  const decimals = options.decimals ?? 4;
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 15) throw new RangeError(`decimals must be 0-15, got ${decimals}`);
  const lines = [AGREEMENT_CSV_COLUMNS.join(',')];
  for (const r of rows) {
    lines.push(
      [
        csvText(r.scope),
        csvText(r.documentId ?? ''),
        csvText(r.field),
        String(r.units),
        csvNumber(r.percentAgreement, decimals),
        csvNumber(r.kappa, decimals),
        csvNumber(r.alpha, decimals),
        csvText(r.alphaKind),
        String(r.alphaUnits),
        String(r.alphaValues),
        csvText(r.note),
      ].join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
