/**
 * Test data: engagements hand-coded from the five seed articles in shared/fixtures/seed-articles
 * (000 and 001 Somalia-Iraq visits to Baghdad, 002 Iran's Shamkhani in Baghdad, 003 NATO's virtual
 * meeting with Iraq's adviser and the invitation to Brussels, 004 Al-Sudani in Washington).
 * Evidence quotes are the articles' exact text at those offsets (checked in analysis tests).
 * Dates come from the articles where they give one; 000 and 001 give none and stay unknown.
 */
import type { Engagement, EngagementDate, EvidenceSpan, Participant } from '../model/engagement';
import type { ActorInfo } from './sides';

export const SEED_ACTORS = new Map<string, ActorInfo>([
  ['irq', { name: 'Iraq', kind: 'country', countryCode: 'IRQ' }],
  ['som', { name: 'Somalia', kind: 'country', countryCode: 'SOM' }],
  ['irn', { name: 'Iran', kind: 'country', countryCode: 'IRN' }],
  ['usa', { name: 'United States', kind: 'country', countryCode: 'USA' }],
  ['nato', { name: 'NATO', kind: 'organisation', countryCode: null }],
  ['moallim', { name: 'Hussein Moallim', kind: 'person', countryCode: 'SOM' }],
  ['araji', { name: 'Qasim al-Araji', kind: 'person', countryCode: 'IRQ' }],
  // A duplicate spelling merged into `araji`: engagements coded before the merge still use it.
  ['araji-dup', { name: 'Qassim al-Aaraji', kind: 'person', countryCode: 'IRQ' }],
  ['shammari', { name: 'Abdul Amir Al-Shammari', kind: 'person', countryCode: 'IRQ' }],
  ['ismail', { name: 'Abdullahi Sheikh Ismail', kind: 'person', countryCode: 'SOM' }],
  ['shamkhani', { name: 'Ali Shamkhani', kind: 'person', countryCode: 'IRN' }],
  ['salih', { name: 'Barham Salih', kind: 'person', countryCode: 'IRQ' }],
  ['goffus', { name: 'Thomas Goffus', kind: 'person', countryCode: 'USA' }],
  ['iannucci', { name: 'Giovanni Maria Iannucci', kind: 'person', countryCode: 'ITA' }],
  ['sudani', { name: 'Mohammed Shia Al-Sudani', kind: 'person', countryCode: 'IRQ' }],
  ['mayorkas', { name: 'Alejandro Mayorkas', kind: 'person', countryCode: 'USA' }],
  ['dhs', { name: 'US Department of Homeland Security', kind: 'organisation', countryCode: 'USA' }],
]);

export const seedResolve = (id: string): string => (id === 'araji-dup' ? 'araji' : id);

export const SEED_DOCUMENTS = new Map<string, { title: string | null }>([
  ['doc-000', { title: 'Somalia and Iraq national security advisers meet in Baghdad' }],
  ['doc-001', { title: 'Iraq and Somalia discuss security memorandum' }],
  ['doc-002', { title: 'Iran, Iraq discuss beefing up anti-terror cooperation' }],
  ['doc-003', { title: "Iraq's national security advisor receives an invitation to visit Brussels for NATO talks" }],
  ['doc-004', { title: 'Iraqi PM discusses border security, drug control with US Homeland Security Secretary' }],
]);

/** File name prefix of the seed article each document stands for. */
export const SEED_FILE_PREFIX: Record<string, string> = {
  'doc-000': '000',
  'doc-001': '001',
  'doc-002': '002',
  'doc-003': '003',
  'doc-004': '004',
};

const UNKNOWN: EngagementDate = { value: null, precision: 'unknown', inferred: false };

function part(id: string, actorId: string, role: string, title: string | null, sideId: string | null): Participant {
  return { id, actorId, role, title, sideId };
}

function span(id: string, documentId: string, field: EvidenceSpan['field'], start: number, quote: string): EvidenceSpan {
  return { id, documentId, field, start, end: start + quote.length, quote };
}

export function seedEngagement(over: Partial<Engagement> & Pick<Engagement, 'id' | 'type' | 'participants'>): Engagement {
  return {
    codebookId: 'preset:security-cooperation',
    codebookVersion: 1,
    mode: null,
    date: UNKNOWN,
    place: null,
    countryCode: null,
    topics: [],
    outcomes: [],
    notes: '',
    confidence: 'high',
    status: 'coded',
    coderId: 'coder-1',
    sources: [],
    evidence: [],
    createdAt: '2025-01-10T09:00:00.000Z',
    updatedAt: '2025-01-12T15:30:00.000Z',
    revision: 1,
    ...over,
  };
}

export const SEED_ENGAGEMENTS: Engagement[] = [
  seedEngagement({
    id: 'e000',
    type: 'CONSULT',
    mode: 'visit',
    place: 'Baghdad',
    countryCode: 'IRQ',
    participants: [
      part('p000a', 'moallim', 'visitor', 'National Security Adviser', 'som'),
      part('p000b', 'araji-dup', 'host', 'National Security Adviser', 'irq'),
    ],
    topics: ['counter-terrorism', 'intelligence-sharing'],
    sources: [{ documentId: 'doc-000', primary: true }],
    evidence: [
      span('s000b', 'doc-000', 'mode', 238, 'The Somali delegation, on an official visit to Iraq'),
      span('s000a', 'doc-000', 'type', 21, 'Somalia’s National Security Adviser, Hussein Moallim, met with Iraq’s National Security Adviser, Qasim al-Araji, in Baghdad'),
    ],
  }),
  seedEngagement({
    id: 'e001',
    type: 'CONSULT',
    mode: 'visit',
    place: 'Baghdad',
    countryCode: 'IRQ',
    // No side on the Somali minister: it comes from his countryCode (SOM -> the Somalia actor).
    participants: [
      part('p001a', 'ismail', 'visitor', 'Interior Minister', null),
      part('p001b', 'shammari', 'host', 'Interior Minister', 'irq'),
    ],
    topics: ['counter-terrorism', 'intelligence-sharing', 'border-security', 'drug-trafficking'],
    outcomes: ['mou-proposed', 'offer-of-training'],
    notes: 'Joint press conference; MoU "proposed", not signed.',
    sources: [{ documentId: 'doc-001', primary: true }],
    evidence: [
      span('s001a', 'doc-001', 'type', 172, 'a meeting between Iraqi Interior Minister Abdul Amir Al-Shammari and his Somali counterpart, Abdullahi Sheikh Ismail, in Baghdad'),
      span('s001b', 'doc-001', 'outcomes', 330, 'a proposed security memorandum of understanding'),
    ],
  }),
  seedEngagement({
    id: 'e002',
    type: 'CONSULT',
    mode: 'visit',
    place: 'Baghdad',
    countryCode: 'IRQ',
    date: { value: '2020-03-08', precision: 'day', inferred: true, basis: '"late Sunday"' },
    participants: [
      part('p002a', 'shamkhani', 'visitor', 'Secretary of the Supreme National Security Council', 'irn'),
      part('p002b', 'salih', 'host', 'President', 'irq'),
    ],
    topics: ['counter-terrorism', 'health'],
    sources: [{ documentId: 'doc-002', primary: true }],
    // The article has a no-break space before "Sunday": the quote keeps it.
    evidence: [span('s002a', 'doc-002', 'type', 390, 'He met Iraqi President Barham Salih in Baghdad late\u00a0Sunday')],
  }),
  seedEngagement({
    id: 'e003a',
    type: 'CONSULT',
    mode: 'video',
    date: { value: '2023-04-04', precision: 'day', inferred: true, basis: '"on Tuesday" before 2023-04-04 (published)' },
    // Goffus is a US national but acts for NATO: the coded side must win over his countryCode.
    participants: [
      part('p003a', 'goffus', 'participant', 'Deputy Secretary General for Operations', 'nato'),
      part('p003b', 'iannucci', 'participant', 'Commander of the NATO Mission in Iraq', 'nato'),
      part('p003c', 'araji', 'participant', 'National Security Advisor', 'irq'),
    ],
    topics: ['training-advisory', 'cyber-security'],
    sources: [{ documentId: 'doc-003', primary: true }],
    evidence: [
      span('s003a', 'doc-003', 'type', 1991, 'during a virtual meeting with Qasim al-Araji, the National Security Advisor of Iraq, and General Giovanni Maria Iannucci'),
    ],
  }),
  seedEngagement({
    id: 'e003b',
    type: 'AGREE',
    date: { value: '2023-04-04', precision: 'day', inferred: false },
    participants: [part('p003d', 'nato', 'participant', null, null), part('p003e', 'araji', 'recipient', 'National Security Advisor', 'irq')],
    outcomes: ['invitation-extended'],
    sources: [{ documentId: 'doc-003', primary: true }],
    evidence: [span('s003b', 'doc-003', 'type', 835, "Iraq's national security advisor received an invitation to visit the NATO headquarters in Brussels")],
  }),
  seedEngagement({
    id: 'e004a',
    type: 'CONSULT',
    mode: 'visit',
    place: 'Washington DC',
    countryCode: 'USA',
    date: { value: '2024-04-16', precision: 'day', inferred: true, basis: '"on Tuesday"' },
    // Mayorkas and DHS have no coded side: a person and a national agency both act for the USA.
    participants: [
      part('p004a', 'sudani', 'visitor', 'Prime Minister', 'irq'),
      part('p004b', 'mayorkas', 'host', 'Secretary of Homeland Security', null),
      part('p004c', 'dhs', 'host', null, null),
    ],
    topics: ['border-security', 'drug-trafficking', 'training-advisory'],
    sources: [{ documentId: 'doc-004', primary: true }],
    evidence: [span('s004a', 'doc-004', 'type', 153, 'engaged in discussions on Tuesday with US Secretary of Homeland Security, Alejandro Mayorkas')],
    status: 'final',
  }),
  seedEngagement({
    id: 'e004b',
    type: 'AGREE',
    date: { value: '2024-04', precision: 'month', inferred: false },
    participants: [part('p004d', 'sudani', 'participant', 'Prime Minister', 'irq')],
    outcomes: ['follow-up-meeting-planned'],
    sources: [{ documentId: 'doc-004', primary: true }],
    evidence: [span('s004b', 'doc-004', 'outcomes', 1867, 'Al-Sudani outlined plans for the HCC’s second meeting in July')],
  }),
];

export const SEED_CONTEXT = { actors: SEED_ACTORS, resolve: seedResolve };
