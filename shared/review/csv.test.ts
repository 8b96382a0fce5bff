import { describe, expect, it } from 'vitest';
import { type AgreementRow, agreementRows } from './agreement';
import { agreementCsv, csvNumber, csvText } from './csv';
import { matchEngagements } from './match';
import { coderA000, coderB000, DOC_000 } from './seed-000.fixture';

/** Minimal RFC 4180 reader, to check that what we write parses back to the same cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

const base: AgreementRow = {
  scope: 'document',
  documentId: 'doc-1',
  field: 'type',
  units: 3,
  percentAgreement: 1 / 3,
  kappa: -0.125,
  alpha: null,
  alphaKind: 'nominal',
  alphaUnits: 3,
  alphaValues: 6,
  note: 'alpha (nominal): every pairable value is the same',
};

describe('agreementCsv', () => {
  it('writes a header and one CRLF-terminated line per row, figures rounded, null as empty', () => {
    const csv = agreementCsv([base]);
    expect(csv).toBe(
      'scope,documentId,field,units,percentAgreement,kappa,alpha,alphaKind,alphaUnits,alphaValues,note\r\n' +
        'document,doc-1,type,3,0.3333,-0.125,,nominal,3,6,alpha (nominal): every pairable value is the same\r\n',
    );
  });

  it('quotes commas, quotes and line breaks so they round-trip', () => {
    const tricky = { ...base, documentId: 'a "quoted", id', note: 'line one\nline two, with comma' };
    const parsed = parseCsv(agreementCsv([tricky]));
    expect(parsed[1][1]).toBe('a "quoted", id');
    expect(parsed[1][10]).toBe('line one\nline two, with comma');
    expect(parsed[1]).toHaveLength(11);
  });

  it('defuses text cells that a spreadsheet would run as a formula, but not negative figures', () => {
    expect(csvText('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvText('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvText('-2+3')).toBe("'-2+3");
    expect(csvNumber(-0.125, 4)).toBe('-0.125');
    expect(csvNumber(-0.00001, 4)).toBe('0');
    expect(csvNumber(null, 4)).toBe('');
  });

  it('exports the seed 000 agreement table with project rows having no document id', () => {
    const rows = agreementRows([{ documentId: DOC_000, match: matchEngagements(coderA000(), coderB000()) }]);
    const parsed = parseCsv(agreementCsv(rows, { decimals: 3 }));
    expect(parsed).toHaveLength(rows.length + 1);
    const typeRow = parsed.find((r) => r[0] === 'document' && r[2] === 'type');
    expect(typeRow?.slice(3, 8)).toEqual(['3', '0.333', '0', '0.091', 'nominal']);
    const project = parsed.filter((r) => r[0] === 'project');
    expect(project.every((r) => r[1] === '')).toBe(true);
  });

  it('refuses impossible figures and precisions rather than writing NaN', () => {
    expect(() => csvNumber(Number.NaN, 4)).toThrow(RangeError);
    expect(() => agreementCsv([base], { decimals: -1 })).toThrow(RangeError);
  });
});
