/**
 * Engagements as an XLSX workbook (exceljs): one sheet, one row per engagement, the same columns
 * as the CSV. Unlike CSV, cell types are ours to set: dates stay text (a partial `2023-04` must
 * not turn into 1 April) and CAMEO-like codes keep their leading zeros; text is never read as a
 * formula, so no formula guard is needed.
 */
import ExcelJS from 'exceljs';
import { type EngagementExportRow, EXPORT_COLUMNS } from '../../../../shared/analysis/export-rows';

export const ENGAGEMENTS_SHEET = 'Engagements';

export async function engagementsXlsx(rows: readonly EngagementExportRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Liaison';
  const sheet = workbook.addWorksheet(ENGAGEMENTS_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = EXPORT_COLUMNS.map((c) => ({ header: c.header, key: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    // Null stays an empty cell rather than the text "null".
    sheet.addRow(EXPORT_COLUMNS.map((c) => c.value(row) ?? undefined));
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: EXPORT_COLUMNS.length } };
  // Long joined lists (participants, source titles) wrap instead of running off screen.
  for (const header of ['participants', 'source titles']) sheet.getColumn(header).alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
