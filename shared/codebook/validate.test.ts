import { describe, expect, it } from 'vitest';
import type { Codebook } from '../model/codebook';
import type { Engagement, EvidenceSpan, Participant } from '../model/engagement';
import { retireValue, updateMapping } from './edit';
import { getPreset } from './presets';
import { canSaveAs, type ValidationIssue, validateEngagement } from './validate';

/** Opening of seed article 000 (Mogadishu24): Moallim and al-Araji meet in Baghdad. */
const TEXT_000 =
  'Baghdad(Mogadishu24)-Somalia’s National Security Adviser, Hussein Moallim, met with Iraq’s National ' +
  'Security Adviser, Qasim al-Araji, in Baghdad to discuss enhancing bilateral relations and security ' +
  'cooperation between the two countries. The Somali delegation, on an official visit to Iraq, engaged in ' +
  'extensive discussions on various issues of mutual interest Monday.';

const security = (): Codebook => getPreset('preset:security-cooperation')!;

/** A span over TEXT_000 for the first occurrence of `quote`, the way the coding screen makes one. */
function span(id: string, field: EvidenceSpan['field'], quote: string, documentId = 'doc-000'): EvidenceSpan {
  const start = TEXT_000.indexOf(quote);
  if (start < 0) throw new Error(`not in the text: ${quote}`);
  return { id, documentId, field, start, end: start + quote.length, quote };
}

const moallim: Participant = { id: 'p1', actorId: 'actor:moallim', role: 'visitor', title: 'National Security Adviser', sideId: 'actor:somalia' };
const alAraji: Participant = { id: 'p2', actorId: 'actor:al-araji', role: 'host', title: 'National Security Adviser', sideId: 'actor:iraq' };

/** The Moallim - al-Araji meeting as an analyst would code it from article 000. */
function baghdadMeeting(overrides: Partial<Engagement> = {}): Engagement {
  return {
    id: 'eng-000-1',
    codebookId: 'preset:security-cooperation',
    codebookVersion: 1,
    type: 'CONSULT',
    mode: 'visit',
    date: { value: null, precision: 'unknown', inferred: false },
    place: 'Baghdad',
    countryCode: 'IRQ',
    participants: [moallim, alAraji],
    topics: ['counter-terrorism', 'intelligence-sharing'],
    outcomes: [],
    notes: '',
    confidence: 'high',
    status: 'coded',
    coderId: 'coder-1',
    sources: [{ documentId: 'doc-000', primary: true }],
    evidence: [
      span('e1', 'type', 'met with'),
      span('e2', 'mode', 'official visit to Iraq'),
      span('e3', 'place', 'in Baghdad'),
      span('e4', 'participant:p1', 'Hussein Moallim'),
      span('e5', 'participant:p2', 'Qasim al-Araji'),
    ],
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    revision: 1,
    ...overrides,
  };
}

const errors = (issues: ValidationIssue[]) => issues.filter((i) => i.severity === 'error');
const warnings = (issues: ValidationIssue[]) => issues.filter((i) => i.severity === 'warning');

describe('validateEngagement: the Moallim - al-Araji meeting in Baghdad (article 000)', () => {
  it('passes as CONSULT/visit with the visitor and the host', () => {
    expect(validateEngagement(baghdadMeeting(), security())).toEqual([]);
  });

  it('fails with one participant, saying which field and why', () => {
    const alone = baghdadMeeting({ participants: [{ ...moallim, role: 'participant' }], evidence: [] });
    const issues = validateEngagement(alone, security());
    expect(issues).toEqual([
      { field: 'participants', severity: 'error', message: 'Participants: CONSULT needs at least two parties; add the host or the visitor.' },
    ]);
    expect(canSaveAs('coded', issues)).toBe(false);
    expect(canSaveAs('draft', issues)).toBe(true);
  });

  it('names the missing side when one side of a visit is there', () => {
    const visitorOnly = baghdadMeeting({ participants: [moallim], evidence: [] });
    expect(validateEngagement(visitorOnly, security())[0].message).toBe('Participants: CONSULT needs at least two parties; add the host.');
    const hostOnly = baghdadMeeting({ participants: [alAraji], evidence: [] });
    expect(validateEngagement(hostOnly, security())[0].message).toBe('Participants: CONSULT needs at least two parties; add the visitor.');
  });

  it('counts parties, not rows: the same actor twice is still one party', () => {
    const twice = baghdadMeeting({ participants: [moallim, { ...moallim, id: 'p3', role: 'signatory' }], evidence: [] });
    const issues = validateEngagement(twice, security());
    expect(issues).toContainEqual({ field: 'participant:p3', severity: 'warning', message: 'Participant 2: the same actor is already participant 1; list each party once.' });
    expect(errors(issues).map((i) => i.field)).toEqual(['participants']);
  });

  it('refuses a mode that does not go with the type', () => {
    const invitation = baghdadMeeting({ type: 'AGREE', mode: 'video' });
    expect(errors(validateEngagement(invitation, security()))).toEqual([
      { field: 'mode', severity: 'error', message: 'Mode: "video" does not go with AGREE; AGREE takes no mode.' },
    ]);
    const unknown = baghdadMeeting({ mode: 'carrier-pigeon' });
    expect(errors(validateEngagement(unknown, security()))[0]).toMatchObject({
      field: 'mode',
      message: expect.stringMatching(/^Mode: "carrier-pigeon" is not a mode in the codebook "Security cooperation \(PLOVER-aligned\)"/),
    });
  });

  it('reports unknown keys as errors and retired keys as warnings', () => {
    let cb = retireValue(security(), 'topics', 'intelligence-sharing');
    cb = retireValue(cb, 'roles', 'host');
    const issues = validateEngagement(baghdadMeeting({ topics: ['counter-terrorism', 'intelligence-sharing', 'space'] }), cb);
    expect(errors(issues)).toEqual([
      { field: 'topics', severity: 'error', message: 'Topics: "space" is not a topic in the codebook "Security cooperation (PLOVER-aligned)" (version 3); pick one from the list.' },
    ]);
    expect(warnings(issues).map((i) => i.field)).toEqual(['participant:p2', 'topics']);
    expect(warnings(issues)[1].message).toMatch(/^Topics: the topic "Intelligence sharing" \(intelligence-sharing\) is retired;/);
    // Warnings do not stop a coded save.
    expect(canSaveAs('coded', warnings(issues))).toBe(true);
  });

  it('asks for a type and lists the shortcuts when none is chosen', () => {
    const issues = validateEngagement(baghdadMeeting({ type: '', mode: null }), security());
    expect(issues).toEqual([
      { field: 'type', severity: 'error', message: 'Type: choose the engagement type (CONSULT [c], AGREE [a], SUPPORT [s], COOPERATE [o], AID [i]).' },
    ]);
  });

  it('flags an engagement checked against another codebook', () => {
    const issues = validateEngagement(baghdadMeeting(), getPreset('preset:plover')!);
    expect(issues[0]).toMatchObject({ field: 'codebook', severity: 'error' });
    // PLOVER has no visitor/host roles, so those are reported too.
    expect(issues.filter((i) => i.field.startsWith('participant:')).map((i) => i.severity)).toEqual(['error', 'error']);
  });
});

describe('validateEngagement: recipients (articles 001, 002)', () => {
  it('asks AID for a recipient and names the receiving roles', () => {
    // 002: Iran's military advisory assistance to Iraq, coded with both sides as plain participants.
    const aid = baghdadMeeting({
      type: 'AID',
      mode: null,
      participants: [{ ...moallim, role: 'provider' }, { ...alAraji, role: 'participant' }],
      evidence: [],
    });
    expect(validateEngagement(aid, security())).toEqual([
      { field: 'participants', severity: 'error', message: 'Participants: AID needs a recipient; give the receiving party the role host or recipient.' },
    ]);
    const fixed = { ...aid, participants: [aid.participants[0], { ...alAraji, role: 'recipient' }] };
    expect(validateEngagement(fixed, security())).toEqual([]);
  });

  it('lets AGREE (an offer of training, 001) stand with one party', () => {
    const offer = baghdadMeeting({
      type: 'AGREE',
      mode: null,
      participants: [{ ...alAraji, role: 'provider' }],
      outcomes: ['offer-of-training', 'mou-proposed'],
      evidence: [],
    });
    expect(validateEngagement(offer, security())).toEqual([]);
  });

  it('uses the PLOVER role mapping, so any codebook can say which roles receive', () => {
    const plover = getPreset('preset:plover')!;
    const cooperate = baghdadMeeting({
      codebookId: 'preset:plover',
      type: 'COOPERATE',
      mode: null,
      topics: ['intelligence'],
      participants: [{ ...moallim, role: 'actor' }, { ...alAraji, role: 'actor' }],
      evidence: [],
    });
    expect(errors(validateEngagement(cooperate, plover)).map((i) => i.message)).toEqual([
      'Participants: COOPERATE needs a recipient; give the receiving party the role recipient.',
    ]);
    const unmarked = updateMapping(plover, 'roles', 'recipient', { plover: null });
    expect(validateEngagement(cooperate, unmarked)).toEqual([
      expect.objectContaining({ severity: 'warning', message: expect.stringMatching(/no role in this codebook is marked as receiving/) }),
    ]);
  });

  it('names CAMEO types by code and name', () => {
    const visit = baghdadMeeting({
      codebookId: 'preset:cameo',
      type: '042',
      mode: null,
      topics: [],
      participants: [{ ...moallim, role: 'source' }],
      evidence: [],
    });
    expect(validateEngagement(visit, getPreset('preset:cameo')!)).toEqual([
      { field: 'participants', severity: 'error', message: 'Participants: 042 (Make a visit) needs at least two parties; add the other party.' },
    ]);
  });
});

describe('validateEngagement: dates (article 004, "on Tuesday")', () => {
  const dated = (date: Engagement['date']) => validateEngagement(baghdadMeeting({ date }), security());

  it('accepts values that match their precision', () => {
    expect(dated({ value: '2023-11-28', precision: 'day', inferred: true, basis: '"Tuesday" before 2023-11-29 (published)' })).toEqual([]);
    expect(dated({ value: '2023-11', precision: 'month', inferred: false })).toEqual([]);
    expect(dated({ value: '2023', precision: 'year', inferred: false })).toEqual([]);
  });

  it('refuses a value whose format does not match the precision', () => {
    expect(dated({ value: '2023-11-28', precision: 'month', inferred: false })).toEqual([
      { field: 'date', severity: 'error', message: 'Date: "2023-11-28" does not match the precision "month"; write it as YYYY-MM.' },
    ]);
    expect(dated({ value: '28/11/2023', precision: 'day', inferred: false })[0].message).toBe(
      'Date: "28/11/2023" does not match the precision "day"; write it as YYYY-MM-DD.',
    );
    expect(dated({ value: '2023', precision: 'unknown', inferred: false })[0].message).toMatch(/^Date: the precision is "unknown" but a date \(2023\) is given/);
    expect(dated({ value: null, precision: 'day', inferred: false })[0].message).toMatch(/^Date: the precision is "day" but no date is given; enter YYYY-MM-DD/);
  });

  it('refuses days and months that do not exist', () => {
    expect(dated({ value: '2023-02-30', precision: 'day', inferred: false })[0].message).toBe('Date: 2023-02-30 is not a real calendar date.');
    expect(dated({ value: '2023-13', precision: 'month', inferred: false })[0].message).toBe('Date: 2023-13 is not a real calendar date.');
    expect(dated({ value: '2024-02-29', precision: 'day', inferred: false })).toEqual([]);
  });

  it('warns when an inferred date does not say what it was resolved from', () => {
    expect(dated({ value: '2023-11-28', precision: 'day', inferred: true })).toEqual([
      { field: 'date', severity: 'warning', message: 'Date: the date is inferred but does not say what it was resolved from; a reviewer cannot check it.' },
    ]);
  });
});

describe('validateEngagement: evidence and sources', () => {
  it('refuses a span that ends at or before its start', () => {
    const bad: EvidenceSpan = { id: 'e9', documentId: 'doc-000', field: 'place', start: 40, end: 40, quote: '' };
    expect(validateEngagement(baghdadMeeting({ evidence: [bad] }), security())).toEqual([
      { field: 'evidence:e9', severity: 'error', message: 'Evidence: the span for place ends at 40, not after its start at 40; select the text again.' },
    ]);
    const backwards = { ...bad, start: 50, end: 45 };
    expect(validateEngagement(baghdadMeeting({ evidence: [backwards] }), security())[0].message).toMatch(/ends at 45, not after its start at 50/);
  });

  it('refuses a quote whose length does not fit the offsets', () => {
    const s = { ...span('e1', 'participant:p1', 'Hussein Moallim'), quote: 'Moallim' };
    expect(validateEngagement(baghdadMeeting({ evidence: [s] }), security())).toEqual([
      {
        field: 'evidence:e1',
        severity: 'error',
        message: 'Evidence: the span for participant 1 quotes “Moallim” (7 characters) but covers 15; select the text again.',
      },
    ]);
  });

  it('refuses evidence from an article that is not a source, or for a removed participant', () => {
    const foreign = span('e1', 'type', 'met with', 'doc-003');
    const orphan = span('e2', 'participant:p9', 'Qasim al-Araji');
    const issues = validateEngagement(baghdadMeeting({ evidence: [foreign, orphan] }), security());
    expect(issues.map((i) => [i.field, i.message])).toEqual([
      ['evidence:e1', 'Evidence: the span for type (“met with”) comes from an article that is not a source of this engagement; add the article as a source or remove the span.'],
      ['evidence:e2', 'Evidence: “Qasim al-Araji” backs a participant who is no longer listed; remove the span or add the participant again.'],
    ]);
  });

  it('needs exactly one primary source', () => {
    expect(validateEngagement(baghdadMeeting({ sources: [], evidence: [] }), security())[0].message).toMatch(/^Sources: the engagement is not linked to any article/);
    const two = [
      { documentId: 'doc-000', primary: true },
      { documentId: 'doc-001', primary: true },
    ];
    expect(validateEngagement(baghdadMeeting({ sources: two }), security())[0].message).toBe(
      'Sources: exactly one article must be the primary source (the one first coded from); 2 are marked.',
    );
  });

  it('checks the country code shape', () => {
    expect(validateEngagement(baghdadMeeting({ countryCode: 'Iraq' }), security())[0]).toMatchObject({ field: 'countryCode', severity: 'error' });
  });
});

describe('canSaveAs', () => {
  const error: ValidationIssue = { field: 'type', message: 'Type: x', severity: 'error' };
  const warning: ValidationIssue = { field: 'date', message: 'Date: x', severity: 'warning' };

  it('always lets a draft be saved; every other status needs no errors', () => {
    expect(canSaveAs('draft', [error])).toBe(true);
    for (const status of ['coded', 'in-review', 'disputed', 'final', 'adjudicated'] as const) {
      expect(canSaveAs(status, [error, warning])).toBe(false);
      expect(canSaveAs(status, [warning])).toBe(true);
      expect(canSaveAs(status, [])).toBe(true);
    }
  });
});
