import { describe, expect, it } from 'vitest';
import { CAMEO } from '../codebook/presets/cameo';
import { PLOVER } from '../codebook/presets/plover';
import { SECURITY_COOPERATION } from '../codebook/presets/security-cooperation';
import type { Participant } from '../model/engagement';
import { expandDyads } from './dyads';
import { SEED_CONTEXT, SEED_ENGAGEMENTS, seedEngagement } from './test-seed-engagements';

const p = (id: string, actorId: string, role: string, sideId: string | null = null): Participant => ({ id, actorId, role, title: null, sideId });
const pairs = (dyads: ReturnType<typeof expandDyads>) => dyads.map((d) => `${d.sourceName}>${d.targetName}:${d.cameo}`);

describe('expandDyads on the seed', () => {
  const dyads = expandDyads(SEED_ENGAGEMENTS, SEED_CONTEXT, SECURITY_COOPERATION);

  it('makes two dyads per two-sided engagement and none for a one-sided one', () => {
    expect(dyads).toHaveLength(12);
    expect(dyads.filter((d) => d.engagementId === 'e004b')).toEqual([]);
  });

  it('codes a visit 042 from the visitor and 043 from the host', () => {
    expect(pairs(dyads.filter((d) => d.engagementId === 'e000'))).toEqual(['Somalia>Iraq:042', 'Iraq>Somalia:043']);
    // Hosts on the US side are a person and an agency with no coded side: both resolve to the USA.
    expect(pairs(dyads.filter((d) => d.engagementId === 'e004a'))).toEqual(['Iraq>United States:042', 'United States>Iraq:043']);
  });

  it('codes a video call 041 (the mode code) and an invitation with the type’s first code', () => {
    expect(pairs(dyads.filter((d) => d.engagementId === 'e003a'))).toEqual(['NATO>Iraq:041', 'Iraq>NATO:041']);
    expect(pairs(dyads.filter((d) => d.engagementId === 'e003b'))).toEqual(['NATO>Iraq:030', 'Iraq>NATO:030']);
  });

  it('carries date, country codes, type and mode', () => {
    expect(dyads.find((d) => d.engagementId === 'e002' && d.sourceId === 'irn')).toEqual({
      engagementId: 'e002',
      date: '2020-03-08',
      datePrecision: 'day',
      sourceId: 'irn',
      sourceName: 'Iran',
      sourceCountry: 'IRN',
      targetId: 'irq',
      targetName: 'Iraq',
      targetCountry: 'IRQ',
      cameo: '042',
      type: 'CONSULT',
      mode: 'visit',
    });
    expect(dyads.find((d) => d.sourceId === 'nato')?.sourceCountry).toBeNull();
  });
});

describe('expandDyads, n sides', () => {
  it('expands a 3-side engagement to 6 ordered dyads, each pair both ways', () => {
    const e = seedEngagement({
      id: 'multi',
      type: 'CONSULT',
      mode: 'multilateral',
      participants: [p('a', 'araji', 'participant'), p('b', 'moallim', 'participant'), p('c', 'goffus', 'participant', 'nato'), p('d', 'salih', 'participant')],
    });
    const dyads = expandDyads([e], SEED_CONTEXT, SECURITY_COOPERATION);
    expect(dyads).toHaveLength(6);
    expect(new Set(dyads.map((d) => `${d.sourceId}>${d.targetId}`)).size).toBe(6);
    expect(dyads.every((d) => d.sourceId !== d.targetId && d.cameo === '040')).toBe(true);
  });

  it('in a visit by two sides to one host, pairs the visitors with each other by the base code', () => {
    const e = seedEngagement({
      id: 'visit3',
      type: 'CONSULT',
      mode: 'visit',
      participants: [p('a', 'moallim', 'visitor', 'som'), p('b', 'shamkhani', 'visitor', 'irn'), p('c', 'araji', 'host', 'irq')],
    });
    expect(pairs(expandDyads([e], SEED_CONTEXT, SECURITY_COOPERATION)).sort()).toEqual(
      ['Iran>Iraq:042', 'Iran>Somalia:040', 'Iraq>Iran:043', 'Iraq>Somalia:043', 'Somalia>Iran:040', 'Somalia>Iraq:042'].sort(),
    );
  });

  it('writes a null code when the codebook maps the type to none', () => {
    const e = seedEngagement({ id: 'x', type: 'REJECT', participants: [p('a', 'irq', 'actor'), p('b', 'irn', 'recipient')] });
    expect(expandDyads([e], SEED_CONTEXT, PLOVER).map((d) => d.cameo)).toEqual([null, null]);
  });
});

describe('expandDyads with the PLOVER and CAMEO presets', () => {
  it('PLOVER: CONSULT/visit with actor and recipient roles gives 042/043', () => {
    const e = seedEngagement({ id: 'pv', type: 'CONSULT', mode: 'visit', participants: [p('a', 'moallim', 'actor', 'som'), p('b', 'araji', 'recipient', 'irq')] });
    // The PLOVER preset has no CAMEO codes: visitor/host pairs still get theirs.
    expect(pairs(expandDyads([e], SEED_CONTEXT, PLOVER))).toEqual(['Somalia>Iraq:042', 'Iraq>Somalia:043']);
  });

  it('CAMEO: a record coded 043 (source = host) expands to the same two dyads as one coded 042', () => {
    const host = seedEngagement({ id: 'c43', type: '043', participants: [p('a', 'araji', 'source', 'irq'), p('b', 'moallim', 'target', 'som')] });
    const visit = seedEngagement({ id: 'c42', type: '042', participants: [p('a', 'moallim', 'source', 'som'), p('b', 'araji', 'target', 'irq')] });
    const sorted = (id: string) => pairs(expandDyads([host, visit], SEED_CONTEXT, CAMEO).filter((d) => d.engagementId === id)).sort();
    expect(sorted('c43')).toEqual(['Iraq>Somalia:043', 'Somalia>Iraq:042']);
    expect(sorted('c42')).toEqual(sorted('c43'));
  });

  it('CAMEO: a non-visit code is used as is in both directions', () => {
    const e = seedEngagement({ id: 'c57', type: '057', participants: [p('a', 'irq', 'source'), p('b', 'som', 'target')] });
    expect(pairs(expandDyads([e], SEED_CONTEXT, CAMEO))).toEqual(['Iraq>Somalia:057', 'Somalia>Iraq:057']);
  });
});
