/**
 * Test data (imported by the *.test.ts beside it only): seed article 000, "Somalia's National
 * Security Adviser, Hussein Moallim, met with Iraq's National Security Adviser, Qasim al-Araji, in
 * Baghdad ... Monday", double coded the way two analysts plausibly would disagree on it.
 *
 * Coder A: a1 the meeting (CONSULT visit, dated Monday 2023-04-03 from the publication date), and
 *          a2 the "agreed on several initiatives" commitment (AGREE, undated, no place).
 * Coder B: b1 the same meeting but dated to the publication day 2023-04-04, place typed "baghdad ",
 *          country "irq" and an extra topic; b2 the delegation's "meetings with other national
 *          security agencies" (CONSULT, undated), which A did not code. B did not code the AGREE.
 */
import type { Engagement, EngagementDate, Participant } from '../model/engagement';

export const DOC_000 = 'doc-000';
export const MOALLIM = 'actor:hussein-moallim';
export const ARAJI = 'actor:qasim-al-araji';
export const AGENCIES = 'actor:iraq-security-agencies';
export const SOMALIA = 'actor:country-SOM';
export const IRAQ = 'actor:country-IRQ';

export const day = (value: string, inferred = false): EngagementDate => ({ value, precision: 'day', inferred });
export const UNKNOWN: EngagementDate = { value: null, precision: 'unknown', inferred: false };

export function participant(actorId: string, role = 'participant', sideId: string | null = null): Participant {
  return { id: `p-${actorId}-${role}`, actorId, role, title: null, sideId };
}

/** A coded engagement with neutral defaults; `fields` overrides what a test is about. */
export function engagement(id: string, coderId: string, fields: Partial<Engagement> = {}): Engagement {
  return {
    id,
    codebookId: 'preset:security-cooperation',
    codebookVersion: 1,
    type: 'CONSULT',
    mode: null,
    date: UNKNOWN,
    place: null,
    countryCode: null,
    participants: [],
    topics: [],
    outcomes: [],
    notes: '',
    confidence: 'high',
    status: 'coded',
    coderId,
    sources: [{ documentId: DOC_000, primary: true }],
    evidence: [],
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:00.000Z',
    revision: 1,
    ...fields,
  };
}

export function coderA000(): Engagement[] {
  return [
    engagement('a1', 'coder-a', {
      type: 'CONSULT',
      mode: 'visit',
      date: day('2023-04-03', true),
      place: 'Baghdad',
      countryCode: 'IRQ',
      participants: [participant(MOALLIM, 'visitor', SOMALIA), participant(ARAJI, 'host', IRAQ)],
      topics: ['counter-terrorism'],
    }),
    engagement('a2', 'coder-a', {
      type: 'AGREE',
      participants: [participant(MOALLIM, 'participant', SOMALIA), participant(ARAJI, 'participant', IRAQ)],
      topics: ['counter-terrorism'],
    }),
  ];
}

export function coderB000(): Engagement[] {
  return [
    engagement('b1', 'coder-b', {
      type: 'CONSULT',
      mode: 'visit',
      date: day('2023-04-04'),
      place: 'baghdad ',
      countryCode: 'irq',
      participants: [participant(MOALLIM, 'visitor', SOMALIA), participant(ARAJI, 'host', IRAQ)],
      topics: ['counter-terrorism', 'diplomatic'],
    }),
    engagement('b2', 'coder-b', {
      type: 'CONSULT',
      mode: 'visit',
      place: 'Baghdad',
      countryCode: 'IRQ',
      participants: [participant(MOALLIM, 'visitor', SOMALIA), participant(AGENCIES, 'host', IRAQ)],
      topics: ['counter-terrorism'],
    }),
  ];
}
