import { describe, expect, it } from 'vitest';
import { AGREEMENT_FIELDS, type AgreementField, type AgreementRow, agreementRows } from './agreement';
import { matchEngagements } from './match';
import { ARAJI, coderA000, coderB000, DOC_000, engagement, MOALLIM, participant } from './seed-000.fixture';

const DOC_001 = 'doc-001';

/** Seed 000 as the fixture codes it: pair a1-b1, a2 only A (AGREE), b2 only B (agencies). */
function seed000() {
  return { documentId: DOC_000, match: matchEngagements(coderA000(), coderB000()) };
}

/** A second document both coders coded identically: one phone call. */
function identical001() {
  const call = (id: string, coder: string) =>
    engagement(id, coder, { mode: 'phone', participants: [participant(MOALLIM), participant(ARAJI)], sources: [{ documentId: DOC_001, primary: true }] });
  return { documentId: DOC_001, match: matchEngagements([call('c-a', 'A')], [call('c-b', 'B')]) };
}

function row(rows: AgreementRow[], field: AgreementField, documentId?: string): AgreementRow {
  const found = rows.find((r) => r.field === field && r.documentId === documentId && r.scope === (documentId ? 'document' : 'project'));
  if (!found) throw new Error(`no row for ${field} ${documentId ?? 'project'}`);
  return found;
}

/** The three figures of a row, for compact expectations. */
const figures = (r: AgreementRow) => [r.percentAgreement, r.kappa, r.alpha];

function expectFigures(r: AgreementRow, expected: [number | null, number | null, number | null]) {
  const actual = figures(r);
  expected.forEach((e, i) => {
    if (e === null) expect(actual[i], `${r.field} figure ${i}`).toBeNull();
    else expect(actual[i], `${r.field} figure ${i}`).toBeCloseTo(e, 12);
  });
}

describe('per-field agreement on seed article 000', () => {
  const rows = agreementRows([seed000()]);

  it('has one row per field for the document, then the project rows', () => {
    expect(rows.map((r) => `${r.scope}:${r.field}`)).toEqual([
      ...AGREEMENT_FIELDS.map((f) => `document:${f}`),
      ...AGREEMENT_FIELDS.map((f) => `project:${f}`),
    ]);
    expect(rows.filter((r) => r.scope === 'document').every((r) => r.documentId === DOC_000)).toBe(true);
    expect(rows.filter((r) => r.scope === 'project').every((r) => !('documentId' in r))).toBe(true);
  });

  it('counts the unmatched engagements as disagreeing units, not as missing (type)', () => {
    // Units: (CONSULT, CONSULT), (AGREE, absent), (absent, CONSULT).
    // Percent 1/3. Kappa: A margins C1 AG1 ABS1, B margins C2 ABS1: p_e = (2 + 1)/9 = p_o → 0.
    // Alpha: n = 6 with C3 AG1 ABS2; observed 2 + 2 = 4; expected 36 − 14 = 22; 1 − 5·4/22 = 1/11.
    const type = row(rows, 'type', DOC_000);
    expect(type).toMatchObject({ units: 3, alphaUnits: 3, alphaValues: 6, alphaKind: 'nominal', note: '' });
    expectFigures(type, [1 / 3, 0, 1 / 11]);
    // Had unmatched been missing, the one pair would agree perfectly: the figures must be lower.
    expect(type.percentAgreement).toBeLessThan(1);
  });

  it('treats no mode, no place and no country as values, and normalises place and country', () => {
    // Same shape as type: a1/b1 agree ('Baghdad' vs 'baghdad ', 'IRQ' vs 'irq'); a2 has none.
    for (const field of ['mode', 'place', 'country'] as const) expectFigures(row(rows, field, DOC_000), [1 / 3, 0, 1 / 11]);
  });

  it('compares dates nominally with precision, absent included', () => {
    // Units (04-03, 04-04), (unknown, absent), (absent, unknown): percent 0.
    // Kappa: margins A {d3 1, U 1, ABS 1}, B {d4 1, ABS 1, U 1}; p_e = 2/9 → (0 − 2/9)/(7/9) = −2/7.
    // Alpha: n = 6 (d3 1, d4 1, U 2, ABS 2); observed 6; expected 36 − 10 = 26; 1 − 5·6/26 = −2/13.
    expectFigures(row(rows, 'date', DOC_000), [0, -2 / 7, -2 / 13]);
  });

  it('gives interval alpha on day numbers over units both coders dated to the day', () => {
    // Only the pair is dated on both sides (19450 vs 19451); unmatched engagements are not on the
    // day scale. One unit of two different values: percent 0, kappa 0, alpha 0.
    const dateDays = row(rows, 'date-days', DOC_000);
    expect(dateDays).toMatchObject({ units: 1, alphaKind: 'interval', alphaUnits: 1, alphaValues: 2 });
    expectFigures(dateDays, [0, 0, 0]);
  });

  it('uses set equality for percent and kappa and MASI for alpha on participants', () => {
    // Units: ({M,A}, {M,A}), ({M,A}, absent), (absent, {M,Ag}). Percent 1/3, kappa 0 as for type.
    // MASI alpha: values S1×3, ABS×2, S2×1. δ(S1,S2) = 1 − (1/3)(1/3) = 8/9. Observed 2 + 2 = 4.
    // Expected 2·(3·2·1 + 3·1·8/9 + 2·1·1) = 64/3. α = 1 − 5·4/(64/3) = 1/16.
    const p = row(rows, 'participants', DOC_000);
    expect(p.alphaKind).toBe('masi');
    expectFigures(p, [1 / 3, 0, 1 / 16]);
  });

  it('scores topics where B added one to the meeting', () => {
    // Units ({ct}, {ct,dip}), ({ct}, absent), (absent, {ct}). Percent 0.
    // Kappa: A {T1 2, ABS 1}, B {T2 1, ABS 1, T1 1}; p_e = 3/9 → (0 − 1/3)/(2/3) = −1/2.
    // MASI: δ(T1,T2) = 1 − (1/2)(2/3) = 2/3. Observed 4/3 + 2 + 2 = 16/3.
    // Expected 2·(3·1·2/3 + 3·2 + 1·2) = 20. α = 1 − 5·(16/3)/20 = −1/3.
    expectFigures(row(rows, 'topics', DOC_000), [0, -1 / 2, -1 / 3]);
  });

  it('shows that agreeing on every coded record still disagrees where one coder coded nothing', () => {
    // Status 'coded' everywhere; outcomes empty everywhere. Units (x, x), (x, absent), (absent, x).
    // Percent 1/3. Kappa: p_o = 3/9, p_e = (2·2 + 1·1)/9 = 5/9 → −1/2.
    // Alpha: n = 6 (x 4, ABS 2); observed 4; expected 2·4·2 = 16; 1 − 5·4/16 = −1/4.
    expectFigures(row(rows, 'status', DOC_000), [1 / 3, -1 / 2, -1 / 4]);
    expectFigures(row(rows, 'outcomes', DOC_000), [1 / 3, -1 / 2, -1 / 4]);
  });

  it('a document with one pair and no dates has null date-days figures with reasons', () => {
    const r = row(agreementRows([identical001()]), 'date-days', DOC_001);
    expect(r).toMatchObject({ units: 0, percentAgreement: null, kappa: null, alpha: null, alphaUnits: 0 });
    expect(r.note).toBe('percent agreement, kappa, alpha (interval): no unit has values from two coders');
  });
});

describe('identical coding and the project pool', () => {
  const rows = agreementRows([seed000(), identical001()]);

  it('gives percent 1 and explains why kappa and alpha are undefined for an identical document', () => {
    const type = row(rows, 'type', DOC_001);
    expect(type).toMatchObject({ units: 1, percentAgreement: 1, kappa: null, alpha: null });
    expect(type.note).toMatch(/^kappa: expected agreement is 1.*; alpha \(nominal\): every pairable value is the same/);
    for (const r of rows) for (const f of figures(r)) expect(Number.isNaN(f)).toBe(false);
  });

  it('pools units across documents rather than averaging document figures', () => {
    // Units: (C,C), (AG,ABS), (ABS,C) from 000 and (C,C) from 001. Percent 2/4.
    // Kappa: A {C 2, AG 1, ABS 1}, B {C 3, ABS 1}: (4·2 − (6 + 1))/(16 − 7) = 1/9.
    // Alpha: n = 8 (C 5, AG 1, ABS 2); observed 4; expected 64 − 30 = 34; 1 − 7·4/34 = 3/17.
    const type = row(rows, 'type');
    expect(type).toMatchObject({ scope: 'project', units: 4, alphaValues: 8 });
    expectFigures(type, [1 / 2, 1 / 9, 3 / 17]);
    // An average of the document percents (1/3 and 1) would be 2/3: pooling must differ.
    expect(type.percentAgreement).not.toBeCloseTo(2 / 3, 6);
  });

  it('gives the project rows for an empty project, all null with reasons', () => {
    const empty = agreementRows([]);
    expect(empty).toHaveLength(AGREEMENT_FIELDS.length);
    expect(empty.every((r) => r.scope === 'project' && r.units === 0 && r.alpha === null && r.note !== '')).toBe(true);
  });

  it('uses the actor resolver for participants as matching does', () => {
    const a = [engagement('a1', 'A', { participants: [participant(MOALLIM), participant(ARAJI)] })];
    const b = [engagement('b1', 'B', { participants: [participant('actor:dup'), participant(ARAJI)] })];
    const resolveActor = (id: string) => (id === 'actor:dup' ? MOALLIM : id);
    const match = matchEngagements(a, b, { resolveActor });
    expect(row(agreementRows([{ documentId: 'd', match }], { resolveActor }), 'participants', 'd').percentAgreement).toBe(1);
    expect(row(agreementRows([{ documentId: 'd', match }]), 'participants', 'd').percentAgreement).toBe(0);
  });
});
