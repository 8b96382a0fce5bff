import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { expandDyads } from '../../../../shared/analysis/dyads';
import { type EngagementExportRow, EXPORT_COLUMNS, toExportRows } from '../../../../shared/analysis/export-rows';
import { toPloverRecords } from '../../../../shared/analysis/plover';
import {
  SEED_ACTORS,
  SEED_CONTEXT,
  SEED_DOCUMENTS,
  SEED_ENGAGEMENTS,
  seedEngagement,
  seedResolve,
} from '../../../../shared/analysis/test-seed-engagements';
import { SECURITY_COOPERATION } from '../../../../shared/codebook/presets/security-cooperation';
import { csvField, toCsv } from './csv';
import { dyadsCsv, engagementsCsv } from './engagements-csv';
import { ENGAGEMENTS_JSON_FORMAT, engagementsJson, ploverJson } from './engagements-json';
import { ENGAGEMENTS_SHEET, engagementsXlsx } from './engagements-xlsx';

const rows = toExportRows(SEED_ENGAGEMENTS, SEED_ACTORS, SECURITY_COOPERATION, SEED_DOCUMENTS, { resolve: seedResolve });

/** RFC 4180 reader, strict about what the writer must produce (CRLF records, doubled quotes). */
function readCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] === '"' && field === '') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"' && text[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (text[i] === '"') {
          i++;
          break;
        } else field += text[i++];
      }
      if (i < text.length && text[i] !== ',' && text[i] !== '\r') throw new Error(`text after closing quote at ${i}`);
    } else if (text[i] === ',') {
      record.push(field);
      field = '';
      i++;
    } else if (text[i] === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 2;
    } else if (text[i] === '\n' || text[i] === '\r' || text[i] === '"') {
      throw new Error(`bare ${JSON.stringify(text[i])} outside quotes at ${i}`);
    } else field += text[i++];
  }
  if (field !== '' || record.length) throw new Error('last record not terminated by CRLF');
  return records;
}

describe('csvField and toCsv', () => {
  it('quotes only fields with a comma, quote or line break, doubling quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "yes"')).toBe('"say ""yes"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\ronly')).toBe('"cr\ronly"');
    expect(csvField(null)).toBe('');
    expect(csvField(3)).toBe('3');
    expect(csvField(-3)).toBe('-3');
    expect(csvField(false)).toBe('false');
  });

  it('neutralises text that a spreadsheet would run as a formula, unless told not to', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField('+1 555')).toBe("'+1 555");
    expect(csvField('-2')).toBe("'-2");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('=1+1', false)).toBe('=1+1');
  });

  it('writes a BOM, CRLF records and a final CRLF', () => {
    const csv = toCsv(['a', 'b'], [['x', null]]);
    expect(csv).toBe('\uFEFFa,b\r\nx,\r\n');
    expect(toCsv(['a'], [], { bom: false })).toBe('a\r\n');
  });
});

describe('engagementsCsv', () => {
  it('writes one record per engagement that reads back to the same cells', () => {
    const csv = engagementsCsv(rows);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const records = readCsv(csv.slice(1));
    expect(records).toHaveLength(rows.length + 1);
    expect(records[0]).toEqual(EXPORT_COLUMNS.map((c) => c.header));
    for (const r of records) expect(r).toHaveLength(EXPORT_COLUMNS.length);
    const e001 = records.find((r) => r[0] === 'e001') as string[];
    const col = (name: string) => e001[EXPORT_COLUMNS.findIndex((c) => c.header === name)];
    expect(col('participants')).toBe(
      'Abdullahi Sheikh Ismail (visitor, Interior Minister, Somalia); Abdul Amir Al-Shammari (host, Interior Minister, Iraq)',
    );
    expect(col('date')).toBe('');
    expect(col('inferred')).toBe('false');
    expect(col('sources')).toBe('1');
  });

  it('survives commas, quotes, line breaks and formulas coming from article text', () => {
    const e = seedEngagement({
      id: 'q1',
      type: 'CONSULT',
      place: 'Washington, D.C.',
      participants: [{ id: 'p', actorId: 'mayorkas', role: 'host', title: 'Secretary "of" Homeland\nSecurity', sideId: null }],
      sources: [{ documentId: 'd', primary: true }],
    });
    const [row] = toExportRows([e], SEED_ACTORS, SECURITY_COOPERATION, new Map([['d', { title: '=cmd|"/c calc"!A1' }]]));
    const records = readCsv(engagementsCsv([row], { bom: false }));
    const cell = (name: string) => records[1][EXPORT_COLUMNS.findIndex((c) => c.header === name)];
    expect(cell('place')).toBe('Washington, D.C.');
    expect(cell('participants')).toBe('Alejandro Mayorkas (host, Secretary "of" Homeland\nSecurity, United States)');
    expect(cell('source titles')).toBe('\'=cmd|"/c calc"!A1');
  });
});

describe('dyadsCsv', () => {
  it('writes one record per dyad and keeps CAMEO codes as written', () => {
    const dyads = expandDyads(SEED_ENGAGEMENTS, SEED_CONTEXT, SECURITY_COOPERATION);
    const records = readCsv(dyadsCsv(dyads, { bom: false }));
    expect(records).toHaveLength(13);
    expect(records[0]).toEqual([
      'engagement_id', 'date', 'date_precision', 'source_id', 'source', 'source_country',
      'target_id', 'target', 'target_country', 'cameo', 'type', 'mode',
    ]);
    expect(records[1]).toEqual(['e000', '', 'unknown', 'som', 'Somalia', 'SOM', 'irq', 'Iraq', 'IRQ', '042', 'CONSULT', 'visit']);
  });
});

describe('engagementsXlsx', () => {
  async function readBack(buffer: Buffer): Promise<ExcelJS.Worksheet> {
    const workbook = new ExcelJS.Workbook();
    // exceljs' load() is typed for its own Buffer alias; a Node Buffer is what it reads.
    await workbook.xlsx.load(buffer as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    const sheet = workbook.getWorksheet(ENGAGEMENTS_SHEET);
    if (!sheet) throw new Error('no Engagements sheet');
    return sheet;
  }

  it('reads back with one row per engagement under the shared header', async () => {
    const buffer = await engagementsXlsx(rows);
    expect(buffer.subarray(0, 2).toString('latin1')).toBe('PK');
    const sheet = await readBack(buffer);
    expect(sheet.rowCount).toBe(rows.length + 1);
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(EXPORT_COLUMNS.map((c) => c.header));
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('keeps types: dates as text, counts as numbers, flags as booleans, unknowns empty', async () => {
    const sheet = await readBack(await engagementsXlsx(rows));
    const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    const at = (id: string, name: string) => {
      for (let r = 2; r <= sheet.rowCount; r++) {
        if (sheet.getRow(r).getCell(1).value === id) return sheet.getRow(r).getCell(header.indexOf(name) + 1).value;
      }
      throw new Error(`no row ${id}`);
    };
    expect(at('e002', 'date')).toBe('2020-03-08');
    expect(at('e004b', 'date')).toBe('2024-04');
    expect(at('e002', 'inferred')).toBe(true);
    expect(at('e002', 'sources')).toBe(1);
    expect(at('e000', 'date')).toBeNull();
    expect(at('e003a', 'sides')).toBe('NATO; Iraq');
    expect(at('e003a', 'participants')).toBe(
      'Thomas Goffus (participant, Deputy Secretary General for Operations, NATO); Giovanni Maria Iannucci (participant, Commander of the NATO Mission in Iraq, NATO); Qasim al-Araji (participant, National Security Advisor, Iraq)',
    );
    expect(at('e000', 'source titles')).toBe('Somalia and Iraq national security advisers meet in Baghdad');
  });

  it('writes an empty export as a header row only', async () => {
    const sheet = await readBack(await engagementsXlsx([]));
    expect(sheet.rowCount).toBe(1);
  });
});

describe('engagementsJson and ploverJson', () => {
  it('writes full records with evidence spans and quotes inside a versioned envelope', () => {
    const doc = JSON.parse(engagementsJson(rows, { exportedAt: '2025-01-15T10:00:00.000Z', project: 'Seed' }));
    expect(doc).toMatchObject({ format: ENGAGEMENTS_JSON_FORMAT, version: 1, exportedAt: '2025-01-15T10:00:00.000Z', project: 'Seed' });
    const e000 = (doc.engagements as EngagementExportRow[]).find((r) => r.id === 'e000');
    expect(e000?.evidence.map((s) => [s.field, s.start, s.end])).toEqual([
      ['mode', 238, 289],
      ['type', 21, 144],
    ]);
    expect(e000?.evidence[1].quote).toContain('Hussein Moallim, met with');
    expect(doc.engagements).toEqual(JSON.parse(JSON.stringify(rows)));
  });

  it('writes PLOVER records as a plain array', () => {
    const parsed = JSON.parse(ploverJson(toPloverRecords(SEED_ENGAGEMENTS, SEED_CONTEXT, SECURITY_COOPERATION)));
    expect(Array.isArray(parsed)).toBe(true);
    expect(parsed).toHaveLength(7);
    expect(parsed[0]).toMatchObject({ id: 'e000', event: 'CONSULT', actor: [{ name: 'Hussein Moallim' }], recipient: [{ name: 'Qasim al-Araji' }] });
  });
});
