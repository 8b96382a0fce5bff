import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EngagementInput } from '../../shared/contract-coding';
import { DEFAULT_IMPORT_OPTIONS } from '../../shared/model/library';
import { createProject, type Store } from '../store/open';
import { verifyAuditChain } from '../store/repos/audit';
import * as coders from './coders';
import * as actors from './coding/actors';
import * as engagements from './coding/engagements';
import type { AppContext } from './context';
import { runImport } from './import/import-service';
import * as review from './review';

const seedDir = path.resolve(import.meta.dirname, '../../../shared/fixtures/seed-articles');
let dir: string;
let store: Store;
let ctx: AppContext;
let doc: { id: string; text: string };

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-review-'));
  store = createProject(path.join(dir, 'p.liaison'));
  ctx = { mode: 'browser', version: 'test', userDataDir: dir, store, emit: () => {} };
  await runImport(store, [seedDir], DEFAULT_IMPORT_OPTIONS, coders.currentCoderId(ctx), { workers: 1 });
  doc = store.db.prepare("SELECT id, text FROM documents WHERE path LIKE '%000_%'").get() as { id: string; text: string };
});
afterEach(() => {
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function meeting(moallim: string, araji: string, mode: string, topics: string[]): EngagementInput {
  const start = doc.text.indexOf('met with');
  return {
    type: 'CONSULT', mode, date: { value: null, precision: 'unknown', inferred: false }, place: 'Baghdad', countryCode: 'IRQ',
    participants: [{ actorId: moallim, role: 'visitor', title: null, sideId: null }, { actorId: araji, role: 'host', title: null, sideId: null }],
    topics, outcomes: [], notes: '', confidence: 'high', status: 'coded',
    sources: [{ documentId: doc.id, primary: true }], evidence: [{ documentId: doc.id, field: 'type', start, end: start + 8, quote: 'met with' }],
  };
}

describe('review', () => {
  it('double coding is blind, and agreement compares the two coders field by field', () => {
    const first = coders.currentCoderId(ctx);
    const second = coders.create(ctx, { name: 'Second Coder' }).id;
    review.assign(ctx, { documentIds: [doc.id], coderIds: [first, second] });
    const moallim = actors.save(ctx, { actor: { kind: 'person', name: 'Hussein Moallim', aliases: [], countryCode: 'SOM', roles: [], notes: '' } }).actor.id;
    const araji = actors.save(ctx, { actor: { kind: 'person', name: 'Qasim al-Araji', aliases: [], countryCode: 'IRQ', roles: [], notes: '' } }).actor.id;
    engagements.saveEngagement(ctx, meeting(moallim, araji, 'visit', ['counter-terrorism']));
    coders.setCurrent(ctx, { id: second });
    // The second coder does not see the first coder's engagement.
    expect(engagements.forDocument(ctx, { documentId: doc.id })).toHaveLength(0);
    engagements.saveEngagement(ctx, meeting(moallim, araji, 'third-location', ['counter-terrorism', 'intelligence-sharing']));
    expect(engagements.forDocument(ctx, { documentId: doc.id })).toHaveLength(1);
    // A reviewer (neither coder) sees both.
    const reviewer = coders.create(ctx, { name: 'Reviewer' }).id;
    coders.setCurrent(ctx, { id: reviewer });
    expect(engagements.forDocument(ctx, { documentId: doc.id })).toHaveLength(2);
    expect(review.queue(ctx, { coderId: second }).map((q) => q.documentId)).toEqual([doc.id]);

    const { documents, rows } = review.agreement(ctx);
    expect(documents).toHaveLength(1);
    const project = (field: string) => rows.find((r) => r.scope === 'project' && r.field === field)!;
    expect(project('type').percentAgreement).toBe(1);
    expect(project('mode').percentAgreement).toBe(0);
    expect(project('topics').percentAgreement).toBe(0);
    expect(project('participants').percentAgreement).toBe(1);
    expect(review.agreementCsvFile(ctx).csv.split('\n')[0]).toContain('field');

    // The reviewer adjudicates: type from A, mode from B, with a reason; both originals stay.
    const { a, b } = review.compare(ctx, { documentId: doc.id, coderA: first, coderB: second });
    const { engagement } = review.adjudicate(ctx, { documentId: doc.id, aId: a[0].id, bId: b[0].id, choices: { type: 'a', mode: 'b', topics: 'a' }, reason: 'The article says they met in Baghdad, a third location for neither.' });
    expect(engagement).toMatchObject({ status: 'adjudicated', mode: 'third-location', topics: ['counter-terrorism'] });
    expect(engagement.evidence.length).toBeGreaterThan(0);
    expect(engagements.get(ctx, { id: a[0].id }).mode).toBe('visit');
    expect(review.adjudications(ctx, { documentId: doc.id })[0]).toMatchObject({ finalId: engagement.id, aId: a[0].id, bId: b[0].id });
    expect(() => review.adjudicate(ctx, { documentId: doc.id, aId: null, bId: null, choices: {}, reason: 'nothing' })).toThrow(/at least one/);
  });

  it('starting a review sends agreeing engagements to review and differing or unmatched ones to disputed, keeping their authors', () => {
    const first = coders.currentCoderId(ctx);
    const second = coders.create(ctx, { name: 'Second Coder' }).id;
    review.assign(ctx, { documentIds: [doc.id], coderIds: [first, second] });
    const person = (name: string) => actors.save(ctx, { actor: { kind: 'person', name, aliases: [], countryCode: null, roles: [], notes: '' } }).actor.id;
    const [moallim, araji, other] = [person('Hussein Moallim'), person('Qasim al-Araji'), person('Someone Else')];
    const a1 = engagements.saveEngagement(ctx, meeting(moallim, araji, 'visit', ['counter-terrorism'])).engagement;
    const aDraft = engagements.saveEngagement(ctx, { ...meeting(moallim, other, 'phone', []), type: 'AGREE', mode: null, status: 'draft' }).engagement;
    coders.setCurrent(ctx, { id: second });
    const b1 = engagements.saveEngagement(ctx, meeting(moallim, araji, 'visit', ['counter-terrorism'])).engagement;
    const b2 = engagements.saveEngagement(ctx, { ...meeting(other, araji, 'phone', []), type: 'COOPERATE', mode: null }).engagement;
    const reviewer = coders.create(ctx, { name: 'Reviewer' }).id;
    coders.setCurrent(ctx, { id: reviewer });

    const started = review.beginReview(ctx, { documentId: doc.id });
    expect(started).toMatchObject({ inReview: 2, disputed: 1, drafts: 1 });
    const status = (id: string) => engagements.get(ctx, { id }).status;
    expect([status(a1.id), status(b1.id), status(b2.id), status(aDraft.id)]).toEqual(['in-review', 'in-review', 'disputed', 'draft']);
    expect(started.changes.find((c) => c.engagementId === b2.id)?.fields).toEqual(['unmatched']);
    // Authors stay (blind coding and agreement are per author); the reviewer is in the history.
    expect(engagements.get(ctx, { id: b1.id }).coderId).toBe(second);
    expect(review.history(ctx, { id: a1.id }).at(-1)).toMatchObject({ action: 'review', coder: { id: reviewer } });
    coders.setCurrent(ctx, { id: first });
    expect(engagements.forDocument(ctx, { documentId: doc.id }).map((e) => e.id).sort()).toEqual([a1.id, aDraft.id].sort());

    // A coder changes the mode: the next start disputes the pair, naming the field.
    engagements.saveEngagement(ctx, { ...meeting(moallim, araji, 'phone', ['counter-terrorism']), id: a1.id, status: 'in-review' });
    coders.setCurrent(ctx, { id: reviewer });
    const again = review.beginReview(ctx, { documentId: doc.id });
    expect(again.changes.map((c) => [c.engagementId, c.to, c.fields]).sort()).toEqual(
      [
        [a1.id, 'disputed', ['mode']],
        [b1.id, 'disputed', ['mode']],
      ].sort(),
    );
    expect(review.beginReview(ctx, { documentId: doc.id }).changes).toEqual([]);
    expect(verifyAuditChain(store.db).breaks).toEqual([]);
  });

  it('sends a single-coded document to review as a whole', () => {
    const a = actors.save(ctx, { actor: { kind: 'person', name: 'A', aliases: [], countryCode: null, roles: [], notes: '' } }).actor.id;
    const b = actors.save(ctx, { actor: { kind: 'person', name: 'B', aliases: [], countryCode: null, roles: [], notes: '' } }).actor.id;
    const { engagement } = engagements.saveEngagement(ctx, meeting(a, b, 'visit', []));
    expect(review.beginReview(ctx, { documentId: doc.id })).toMatchObject({ inReview: 1, disputed: 0 });
    expect(engagements.get(ctx, { id: engagement.id }).status).toBe('in-review');
    expect(() => review.beginReview(ctx, { documentId: 'nope' })).toThrow(/no document/);
  });

  it('keeps the history of an engagement and restores an earlier version, recording the restore', () => {
    const a = actors.save(ctx, { actor: { kind: 'person', name: 'A', aliases: [], countryCode: null, roles: [], notes: '' } }).actor.id;
    const b = actors.save(ctx, { actor: { kind: 'person', name: 'B', aliases: [], countryCode: null, roles: [], notes: '' } }).actor.id;
    const { engagement } = engagements.saveEngagement(ctx, meeting(a, b, 'visit', []));
    engagements.saveEngagement(ctx, { ...meeting(a, b, 'phone', []), id: engagement.id });
    const history = review.history(ctx, { id: engagement.id });
    expect(history.map((h) => h.action)).toEqual(['create', 'update']);
    expect(history[0].snapshot?.mode).toBe('visit');
    review.restore(ctx, { id: engagement.id, seq: history[0].seq });
    expect(engagements.get(ctx, { id: engagement.id }).mode).toBe('visit');
    const after = review.history(ctx, { id: engagement.id });
    expect(after.at(-1)?.action).toBe(`restore:${history[0].seq}`);
    expect(verifyAuditChain(store.db).breaks).toEqual([]);
  });

  it('keeps threaded comments on engagements and documents, with coder and time', () => {
    const a = actors.save(ctx, { actor: { kind: 'person', name: 'A', aliases: [], countryCode: null, roles: [], notes: '' } }).actor.id;
    const b = actors.save(ctx, { actor: { kind: 'person', name: 'B', aliases: [], countryCode: null, roles: [], notes: '' } }).actor.id;
    const { engagement } = engagements.saveEngagement(ctx, meeting(a, b, 'visit', []));
    const first = review.addComment(ctx, { entity: 'engagement', entityId: engagement.id, parentId: null, body: 'Is this a visit or a third location?' });
    const reply = review.addComment(ctx, { entity: 'engagement', entityId: engagement.id, parentId: first.id, body: 'A visit: the dateline says Baghdad.' });
    expect(review.listComments(ctx, { entity: 'engagement', entityId: engagement.id }).map((c) => [c.body.slice(0, 5), c.parentId])).toEqual([
      ['Is th', null],
      ['A vis', first.id],
    ]);
    expect(reply.coder.name.length).toBeGreaterThan(0);
    review.addComment(ctx, { entity: 'document', entityId: doc.id, parentId: null, body: 'Wire copy of a Somali outlet.' });
    expect(() => review.addComment(ctx, { entity: 'document', entityId: doc.id, parentId: first.id, body: 'x' })).toThrow(/same record/);
    expect(() => review.addComment(ctx, { entity: 'engagement', entityId: 'nope', parentId: null, body: 'x' })).toThrow(/no engagement/);
  });
});
