import { describe, expect, it } from 'vitest';
import { SECURITY_COOPERATION } from '../codebook/presets/security-cooperation';
import { EXPORT_COLUMNS, formatParticipant, toExportRows } from './export-rows';
import { SEED_ACTORS, SEED_DOCUMENTS, SEED_ENGAGEMENTS, seedResolve } from './test-seed-engagements';

const rows = toExportRows(SEED_ENGAGEMENTS, SEED_ACTORS, SECURITY_COOPERATION, SEED_DOCUMENTS, {
  resolve: seedResolve,
  coders: new Map([['coder-1', 'Amina']]),
});
const row = (id: string) => {
  const r = rows.find((x) => x.id === id);
  if (!r) throw new Error(`no row ${id}`);
  return r;
};
const flat = (id: string) => Object.fromEntries(EXPORT_COLUMNS.map((c) => [c.header, c.value(row(id))]));

describe('toExportRows', () => {
  it('resolves participants (merged actors included), derived sides, coder and source titles', () => {
    expect(row('e000').participants[1]).toEqual({
      actorId: 'araji',
      name: 'Qasim al-Araji',
      kind: 'person',
      role: 'host',
      title: 'National Security Adviser',
      sideId: 'irq',
      side: 'Iraq',
    });
    // No coded side: the side shown is the actor's country.
    expect(row('e001').participants[0]).toMatchObject({ name: 'Abdullahi Sheikh Ismail', sideId: 'som', side: 'Somalia' });
    expect(row('e004a').sides).toEqual(['Iraq', 'United States']);
    expect(row('e004a')).toMatchObject({ coder: 'Amina', coderId: 'coder-1', typeLabel: 'Consult', modeLabel: 'Visit', status: 'final' });
    expect(row('e002').sources).toEqual([{ documentId: 'doc-002', title: 'Iran, Iraq discuss beefing up anti-terror cooperation', primary: true }]);
  });

  it('keeps every evidence span with its quote, offsets and document title', () => {
    expect(row('e002').evidence).toEqual([
      {
        id: 's002a',
        field: 'type',
        documentId: 'doc-002',
        documentTitle: 'Iran, Iraq discuss beefing up anti-terror cooperation',
        start: 390,
        end: 448,
        quote: 'He met Iraqi President Barham Salih in Baghdad late\u00a0Sunday',
      },
    ]);
  });

  it('flattens to the shared columns', () => {
    expect(EXPORT_COLUMNS.map((c) => c.header)).toEqual([
      'id', 'date', 'precision', 'inferred', 'type', 'mode', 'participants', 'sides', 'place', 'country',
      'topics', 'outcomes', 'status', 'coder', 'sources', 'source titles',
    ]);
    expect(flat('e001')).toEqual({
      id: 'e001',
      date: null,
      precision: 'unknown',
      inferred: false,
      type: 'CONSULT',
      mode: 'visit',
      participants:
        'Abdullahi Sheikh Ismail (visitor, Interior Minister, Somalia); Abdul Amir Al-Shammari (host, Interior Minister, Iraq)',
      sides: 'Somalia; Iraq',
      place: 'Baghdad',
      country: 'IRQ',
      topics: 'counter-terrorism; intelligence-sharing; border-security; drug-trafficking',
      outcomes: 'mou-proposed; offer-of-training',
      status: 'coded',
      coder: 'Amina',
      sources: 1,
      'source titles': 'Iraq and Somalia discuss security memorandum',
    });
  });

  it('formats a participant leaving out what is unknown', () => {
    expect(formatParticipant({ actorId: 'dhs', name: 'DHS', kind: 'organisation', role: 'host', title: null, sideId: 'usa', side: 'United States' })).toBe(
      'DHS (host, United States)',
    );
    expect(formatParticipant({ actorId: 'x', name: 'X', kind: 'unknown', role: '', title: null, sideId: null, side: null })).toBe('X');
  });

  it('falls back to the document id when a source has no title, and to the id for an unknown coder', () => {
    const [r] = toExportRows([SEED_ENGAGEMENTS[0]], SEED_ACTORS, SECURITY_COOPERATION, new Map());
    expect(r.sources[0].title).toBeNull();
    expect(EXPORT_COLUMNS.find((c) => c.header === 'source titles')?.value(r)).toBe('doc-000');
    expect(r.coder).toBe('coder-1');
    // Without `resolve` the merged-away actor is shown under its own name.
    expect(r.participants[1].name).toBe('Qassim al-Aaraji');
  });
});
