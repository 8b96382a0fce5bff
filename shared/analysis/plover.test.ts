import { describe, expect, it } from 'vitest';
import { CAMEO } from '../codebook/presets/cameo';
import { SECURITY_COOPERATION } from '../codebook/presets/security-cooperation';
import { toPloverRecords } from './plover';
import { SEED_CONTEXT, SEED_ENGAGEMENTS, seedEngagement } from './test-seed-engagements';

const records = toPloverRecords(SEED_ENGAGEMENTS, SEED_CONTEXT, SECURITY_COOPERATION, { coders: new Map([['coder-1', 'Amina']]) });
const byId = (id: string) => {
  const r = records.find((x) => x.id === id);
  if (!r) throw new Error(`no record ${id}`);
  return r;
};

describe('toPloverRecords', () => {
  it('writes the PLOVER field set, in order', () => {
    expect(Object.keys(byId('e000'))).toEqual([
      'id', 'date', 'actor', 'recipient', 'event', 'mode', 'context', 'event_loc', 'event_text', 'text_info', 'coder', 'coded_date', 'comment',
    ]);
  });

  it('puts the visitor in actor[] and the host in recipient[], with resolved names and sides', () => {
    const r = byId('e000');
    expect(r.actor.map((a) => [a.name, a.side, a.country])).toEqual([['Hussein Moallim', 'Somalia', 'SOM']]);
    // Coded under a merged-away spelling: exported under the surviving actor.
    expect(r.recipient).toEqual([
      { id: 'araji', name: 'Qasim al-Araji', kind: 'person', title: 'National Security Adviser', role: 'host', sideId: 'irq', side: 'Iraq', country: 'IRQ' },
    ]);
    expect(byId('e004a').recipient.map((a) => a.name)).toEqual(['Alejandro Mayorkas', 'US Department of Homeland Security']);
  });

  it('puts every party of a meeting with no visitor/host distinction in actor[]', () => {
    expect(byId('e003a').actor).toHaveLength(3);
    expect(byId('e003a').recipient).toEqual([]);
    expect(byId('e003a').actor[0]).toMatchObject({ name: 'Thomas Goffus', side: 'NATO', country: 'USA' });
  });

  it('maps type, mode and topics through the codebook, leaving out values PLOVER lacks', () => {
    expect(byId('e000')).toMatchObject({ event: 'CONSULT', mode: ['visit'], context: ['terrorism', 'intelligence'] });
    // video folds into PLOVER's phone mode; training-advisory has no PLOVER context.
    expect(byId('e003a')).toMatchObject({ mode: ['phone'], context: ['cyber'] });
    // border-security has no PLOVER context; drug-trafficking is illegal_drugs.
    expect(byId('e001').context).toEqual(['terrorism', 'intelligence', 'illegal_drugs']);
    expect(byId('e003b')).toMatchObject({ event: 'AGREE', mode: [], context: [] });
  });

  it('takes event_text from the type evidence, not the first span, with its offsets and document', () => {
    const r = byId('e000');
    expect(r.event_text).toBe('Somalia’s National Security Adviser, Hussein Moallim, met with Iraq’s National Security Adviser, Qasim al-Araji, in Baghdad');
    expect(r.text_info).toEqual({ start: 21, end: 144, document_id: 'doc-000' });
    // No type evidence: the first span stands in.
    expect(byId('e004b').text_info).toEqual({ start: 1867, end: 1928, document_id: 'doc-004' });
  });

  it('fills date, place, coder, coded date and comment', () => {
    expect(byId('e002')).toMatchObject({ date: '2020-03-08', event_loc: { place: 'Baghdad', country: 'IRQ' }, coder: 'Amina', coded_date: '2025-01-12' });
    expect(byId('e000')).toMatchObject({ date: null, comment: null });
    expect(byId('e003a').event_loc).toBeNull();
    expect(byId('e001').comment).toBe('Joint press conference; MoU "proposed", not signed.');
    expect(toPloverRecords([SEED_ENGAGEMENTS[0]], SEED_CONTEXT, SECURITY_COOPERATION)[0].coder).toBe('coder-1');
  });

  it('turns a CAMEO 043 record round: the visitor (its target) is the PLOVER actor', () => {
    const e = seedEngagement({
      id: 'c43',
      type: '043',
      participants: [
        { id: 'a', actorId: 'araji', role: 'source', title: null, sideId: 'irq' },
        { id: 'b', actorId: 'moallim', role: 'target', title: null, sideId: 'som' },
      ],
    });
    const [r] = toPloverRecords([e], SEED_CONTEXT, CAMEO);
    expect(r).toMatchObject({ event: 'CONSULT', mode: ['visit'] });
    expect(r.actor.map((a) => a.name)).toEqual(['Hussein Moallim']);
    expect(r.recipient.map((a) => a.name)).toEqual(['Qasim al-Araji']);
  });
});
