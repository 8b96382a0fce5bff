import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EngagementInput } from '../../../shared/contract-coding';
import { DEFAULT_IMPORT_OPTIONS } from '../../../shared/model/library';
import { createProject, type Store } from '../../store/open';
import { verifyAuditChain } from '../../store/repos/audit';
import type { AppContext } from '../context';
import { runImport } from '../import/import-service';
import * as actors from './actors';
import * as codebooks from './codebooks';
import { apply } from './commands';
import * as engagements from './engagements';
import { suggestions } from './suggestions';

const seedDir = path.resolve(import.meta.dirname, '../../../../shared/fixtures/seed-articles');
let dir: string;
let store: Store;
let ctx: AppContext;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-coding-'));
  store = createProject(path.join(dir, 'p.liaison'));
  ctx = { mode: 'browser', version: 'test', userDataDir: dir, store, emit: () => {} };
  const coderId = (store.db.prepare('SELECT id FROM coders').get() as { id: string }).id;
  await runImport(store, [seedDir], DEFAULT_IMPORT_OPTIONS, coderId, { workers: 1 });
});
afterEach(() => {
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function doc(file: string): { id: string; text: string } {
  return store.db.prepare('SELECT id, text FROM documents WHERE path LIKE ?').get(`%${file}%`) as { id: string; text: string };
}
function span(text: string, quote: string, documentId: string, field: EngagementInput['evidence'][number]['field']) {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`"${quote}" not in text`);
  return { documentId, field, start, end: start + quote.length, quote };
}
const person = (name: string, countryCode: string | null = null) => actors.save(ctx, { actor: { kind: 'person', name, aliases: [], countryCode, roles: [], notes: '' } }).actor;

/** The Moallim–al-Araji meeting in Baghdad (seed 000), coded as an analyst would. */
function meeting000() {
  const d = doc('000_');
  const moallim = person('Hussein Moallim', 'SOM');
  const araji = person('Qasim al-Araji', 'IRQ');
  const somalia = actors.country(ctx, { countryCode: 'SOM' });
  const iraq = actors.country(ctx, { countryCode: 'IRQ' });
  const input: EngagementInput = {
    type: 'CONSULT',
    mode: 'visit',
    date: { value: null, precision: 'unknown', inferred: false },
    place: 'Baghdad',
    countryCode: 'IRQ',
    participants: [
      { id: 'p-moallim', actorId: moallim.id, role: 'visitor', title: 'National Security Adviser', sideId: somalia.id },
      { id: 'p-araji', actorId: araji.id, role: 'host', title: 'National Security Adviser', sideId: iraq.id },
    ],
    topics: ['counter-terrorism'],
    outcomes: [],
    notes: '',
    confidence: 'high',
    status: 'coded',
    sources: [{ documentId: d.id, primary: true }],
    evidence: [
      span(d.text, 'Hussein Moallim, met with', d.id, 'type'),
      span(d.text, 'Hussein Moallim', d.id, 'participant:p-moallim'),
      span(d.text, 'Qasim al-Araji', d.id, 'participant:p-araji'),
      span(d.text, 'in Baghdad', d.id, 'place'),
    ],
  };
  return { d, input, moallim, araji };
}

describe('coding service', () => {
  it('creates the default codebook on first use and records its version on every engagement', () => {
    const cb = codebooks.activeCodebook(ctx);
    expect(cb.version).toBe(1);
    expect(cb.types.map((t) => t.key)).toContain('CONSULT');
    const { input } = meeting000();
    const { engagement } = engagements.saveEngagement(ctx, input);
    expect(engagement).toMatchObject({ codebookId: cb.id, codebookVersion: 1, revision: 1, status: 'coded' });
    expect(engagement.participants).toHaveLength(2);
    expect(engagement.evidence).toHaveLength(4);
    // Read back exactly as saved.
    const again = engagements.get(ctx, { id: engagement.id });
    expect(again).toEqual(engagement);
    expect(engagements.forDocument(ctx, { documentId: input.sources[0].documentId }).map((e) => e.id)).toEqual([engagement.id]);
  });

  it('refuses evidence that does not quote the article exactly', () => {
    const { input } = meeting000();
    const bad = { ...input, evidence: [{ ...input.evidence[0], start: input.evidence[0].start + 1 }] };
    expect(() => engagements.saveEngagement(ctx, bad)).toThrow(/does not match the article's text/);
  });

  it('validates per codebook when coded, but lets a draft be saved incomplete', () => {
    const { input } = meeting000();
    const one = { ...input, participants: input.participants.slice(0, 1), evidence: input.evidence.filter((e) => e.field !== 'participant:p-araji') };
    expect(() => engagements.saveEngagement(ctx, one)).toThrow(/Cannot mark as coded:.*(two|2)/i);
    const draft = engagements.saveEngagement(ctx, { ...one, status: 'draft' });
    expect(draft.engagement.status).toBe('draft');
    expect(draft.issues.some((i) => i.severity === 'error')).toBe(true);
  });

  it('undoes and redoes a participant change through inverse commands', () => {
    const { input } = meeting000();
    const first = engagements.saveEngagement(ctx, input);
    const changed = engagements.saveEngagement(ctx, { ...input, id: first.engagement.id, participants: input.participants.map((p) => (p.id === 'p-araji' ? { ...p, role: 'participant' } : p)) });
    expect(changed.engagement.participants[1].role).toBe('participant');
    const redo = apply(ctx, { command: changed.inverse }).inverse;
    expect(engagements.get(ctx, { id: first.engagement.id }).participants[1].role).toBe('host');
    apply(ctx, { command: redo });
    expect(engagements.get(ctx, { id: first.engagement.id }).participants[1].role).toBe('participant');
    // Undo of the creation deletes; its inverse brings it back.
    const restore = apply(ctx, { command: first.inverse }).inverse;
    expect(() => engagements.get(ctx, { id: first.engagement.id })).toThrow(/no engagement/);
    apply(ctx, { command: restore });
    expect(engagements.get(ctx, { id: first.engagement.id }).participants).toHaveLength(2);
    expect(verifyAuditChain(store.db).breaks).toEqual([]);
    const actions = (store.db.prepare("SELECT action FROM audit_log WHERE entity = 'engagement' ORDER BY seq").all() as { action: string }[]).map((r) => r.action);
    expect(actions).toEqual(['create', 'update', 'update', 'update', 'delete', 'restore']);
  });

  it('merges actors so every reference follows, and unmerges', () => {
    const { input, araji } = meeting000();
    const { engagement } = engagements.saveEngagement(ctx, input);
    const dup = person('Al-Araji', 'IRQ');
    const { inverse } = actors.merge(ctx, { sourceId: dup.id, targetId: araji.id });
    expect(actors.list(ctx, { query: '', limit: 100 }).some((a) => a.id === dup.id)).toBe(false);
    apply(ctx, { command: inverse });
    expect(actors.list(ctx, { query: '', limit: 100 }).some((a) => a.id === dup.id)).toBe(true);
    expect(() => actors.merge(ctx, { sourceId: araji.id, targetId: araji.id })).toThrow(/itself/);
    // Split one participation off into a new actor.
    const { actor: split } = actors.split(ctx, { id: araji.id, name: 'Qasim al-Araji (2)', participantIds: ['p-araji'], aliases: [] });
    expect(engagements.get(ctx, { id: engagement.id }).participants.find((p) => p.id === 'p-araji')?.actorId).toBe(split.id);
  });

  it('lists where an actor appears, as participant or as side, with its article', () => {
    const { input, araji, d } = meeting000();
    const { engagement } = engagements.saveEngagement(ctx, input);
    const [asPerson] = actors.participations(ctx, { id: araji.id });
    expect(asPerson).toMatchObject({ engagementId: engagement.id, documentId: d.id, via: 'actor', role: 'host', title: 'National Security Adviser', otherName: 'Iraq', type: 'CONSULT', mode: 'visit', status: 'coded' });
    expect(asPerson?.documentTitle).toMatch(/Moallim|Somalia|Iraq/);
    const somalia = actors.country(ctx, { countryCode: 'SOM' });
    expect(actors.participations(ctx, { id: somalia.id })).toEqual([expect.objectContaining({ via: 'side', otherName: 'Hussein Moallim', role: 'visitor' })]);
    // A deleted engagement no longer counts.
    engagements.deleteEngagement(ctx, { id: engagement.id });
    expect(actors.participations(ctx, { id: araji.id })).toEqual([]);
  });

  it('keeps roles held over time, in order, and undoes an edit of them', () => {
    const araji = person('Qasim al-Araji', 'IRQ');
    const roles = [
      { title: 'Minister of Interior', organisationId: null, countryCode: 'IRQ', from: '2017-01', to: '2018-10' },
      { title: 'National Security Adviser', organisationId: null, countryCode: 'IRQ', from: '2020-07', to: null },
    ];
    const { actor, inverse } = actors.save(ctx, { actor: { kind: 'person', id: araji.id, name: araji.name, aliases: [], countryCode: 'IRQ', roles, notes: '' } });
    expect(actor.roles.map((r) => [r.title, r.from, r.to])).toEqual([
      ['Minister of Interior', '2017-01', '2018-10'],
      ['National Security Adviser', '2020-07', null],
    ]);
    apply(ctx, { command: inverse });
    expect(actors.get(ctx, { id: araji.id }).roles).toEqual([]);
  });

  it('finds actors by alias and transliteration', () => {
    const araji = actors.save(ctx, { actor: { kind: 'person', name: 'Qasim al-Araji', aliases: ['Qassim Al-Araji'], countryCode: 'IRQ', roles: [], notes: '' } }).actor;
    expect(actors.list(ctx, { query: 'al-Araji', limit: 5 })[0]?.id).toBe(araji.id);
    expect(actors.list(ctx, { query: 'Al Araji', limit: 5 })[0]?.id).toBe(araji.id);
  });

  it('suggests titled persons, countries and organisations in an article, skipping boilerplate', () => {
    const d = doc('001_');
    const found = suggestions(ctx, { documentId: d.id });
    for (const s of found) expect(d.text.slice(s.start, s.end)).toBe(s.quote);
    expect(found.some((s) => s.kind === 'person-with-title' && s.name === 'Abdul Amir Al-Shammari')).toBe(true);
    const boilerEnd = d.text.indexOf('\n');
    expect(found.some((s) => s.start < boilerEnd)).toBe(false);
  });

  it('keeps codebook versions: a saved edit is a new version, removal is refused', () => {
    const cb = codebooks.activeCodebook(ctx);
    const edited = { ...cb, topics: cb.topics.map((t, i) => (i === 0 ? { ...t, retired: true } : t)) };
    expect(codebooks.save(ctx, { json: JSON.stringify(edited) }).version).toBe(2);
    const removed = { ...cb, topics: cb.topics.slice(1) };
    expect(() => codebooks.save(ctx, { json: JSON.stringify(removed) })).toThrow(/retire them instead/);
    const exported = codebooks.exportCodebook(ctx, { id: cb.id, version: 1 });
    expect(JSON.parse(exported.json).version).toBe(1);
  });
});
