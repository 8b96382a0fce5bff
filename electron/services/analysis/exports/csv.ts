/**
 * CSV as RFC 4180 and as spreadsheets read it: comma-separated, CRLF between records, a field
 * quoted when it holds a comma, quote, CR or LF (quotes doubled), UTF-8 with a byte-order mark
 * so Excel shows Arabic names and "Türkiye" instead of mojibake.
 *
 * Formula guard (OWASP "CSV injection"): a text cell starting with = + - @ or a tab/CR is run
 * as a formula by Excel and LibreOffice. Cells here come from scraped articles, so such a cell
 * gets a leading apostrophe, which spreadsheets show as text. Numbers are never touched.
 */
import type { CellValue } from '../../../../shared/analysis/export-rows';

export interface CsvOptions {
  /** Prefix the UTF-8 byte-order mark (default true: Excel needs it to read UTF-8). */
  bom?: boolean;
  /** Neutralise formula-looking text cells (default true). */
  formulaGuard?: boolean;
}

const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r']);

export function csvField(value: CellValue, formulaGuard = true): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = formulaGuard && FORMULA_START.has(value.charAt(0)) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(headers: readonly string[], rows: readonly (readonly CellValue[])[], options: CsvOptions = {}): string {
  const guard = options.formulaGuard ?? true;
  const lines = [headers.map((h) => csvField(h, guard)).join(',')];
  for (const row of rows) lines.push(row.map((v) => csvField(v, guard)).join(','));
  return `${options.bom === false ? '' : '\uFEFF'}${lines.join('\r\n')}\r\n`;
}
