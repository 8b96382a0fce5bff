import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ActorInput } from '../../../shared/contract-coding';
import { resolveActorId, toActorInput } from '../../store/repos/actors';
import { verifyAuditChain } from '../../store/repos/audit';
import { getEngagement } from '../../store/repos/engagements';
import * as actors from '../coding/actors';
import { deleteEngagement } from '../coding/engagements';
import { verifyProject } from '../verify';
import { listConflicts, resolveConflict } from './conflicts';
import { exportBundle } from './export';
import { importBundle } from './import';
import { codeMeeting, country, editNotes, type Machine, person, twoMachines } from './two-machines.fixture';

let dir: string;
let main: Machine;
let copy: Machine;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-bundles-'));
  ({ main, copy } = await twoMachines(dir));
});
afterEach(() => {
  main.store.close();
  copy.store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const count = (m: Machine, sql: string): number => (m.store.db.prepare(sql).get() as { n: number }).n;
const auditOf = (m: Machine, id: string) => m.store.db.prepare('SELECT action, coder_id FROM audit_log WHERE entity_id = ? ORDER BY seq').all(id) as { action: string; coder_id: string }[];

/** Bea codes the meeting on the copy; the bundle of her work goes to the main project. */
async function syncMeeting(): Promise<string> {
  const e = codeMeeting(copy, person(copy, 'Qasim Al-Araji', 'IRQ'));
  await importBundle(main.store.db, await exportBundle(copy.store.db, { coderId: copy.coderId }), { coderId: main.coderId });
  return e.id;
}

describe('bundle round trip between two copies of a project', () => {
  it('adds an engagement coded on the copy, with its coder, actors and audit evidence', async () => {
    // The main machine already knows Iraq and al-Araji, created separately (other ids).
    const mainIraq = country(main, 'IRQ');
    const mainAraji = person(main, 'Qasim al-Araji', 'IRQ');
    const coded = codeMeeting(copy, person(copy, 'Qasim Al-Araji', 'IRQ'));
    const copyIraq = coded.participants[1].sideId as string;

    const report = await importBundle(main.store.db, await exportBundle(copy.store.db, { coderId: copy.coderId }), { coderId: main.coderId });

    expect(report.added).toEqual({ engagements: 1, actors: 4, codebooks: 0, coders: 1, comments: 0 });
    expect(report.conflicts).toEqual([]);
    const imported = getEngagement(main.store.db, coded.id);
    expect(imported).not.toBeNull();
    expect(imported?.coderId).toBe(copy.coderId);
    expect(imported?.participants).toEqual(coded.participants);
    expect(imported?.evidence).toEqual(coded.evidence);
    expect(main.store.db.prepare('SELECT name FROM coders WHERE id = ?').get(copy.coderId)).toEqual({ name: 'Bea Coder' });

    // Never merged silently: the second al-Araji is its own record, flagged for the reviewer.
    const araji = report.possibleDuplicates.find((d) => d.localId === mainAraji);
    expect(araji).toMatchObject({ name: 'Qasim Al-Araji', localName: 'Qasim al-Araji', merged: false });
    expect(resolveActorId(main.store.db, araji?.incomingId as string)).toBe(araji?.incomingId);
    // One live actor per country is a store rule: the copy's Iraq arrives merged into ours.
    expect(report.possibleDuplicates).toContainEqual(expect.objectContaining({ incomingId: copyIraq, localId: mainIraq, kind: 'country', merged: true }));
    expect(resolveActorId(main.store.db, copyIraq)).toBe(mainIraq);

    // Bea's own audit entries travel as evidence, apart from the local chain, which stays intact.
    const foreign = main.store.db.prepare("SELECT coder_id FROM imported_audit WHERE entity = 'engagement' AND entity_id = ?").all(coded.id);
    expect(foreign).toEqual([{ coder_id: copy.coderId }]);
    expect(verifyAuditChain(main.store.db).breaks).toEqual([]);
    expect(verifyProject(main.store.db).ok).toBe(true);
    const last = main.store.db.prepare('SELECT entity, action, coder_id FROM audit_log ORDER BY seq DESC LIMIT 1').get();
    expect(last).toEqual({ entity: 'bundle', action: 'import', coder_id: main.coderId });
    expect(auditOf(main, coded.id)).toEqual([{ action: 'bundle-create', coder_id: main.coderId }]);
  });

  it('skips everything when the same bundle is imported again', async () => {
    codeMeeting(copy, person(copy, 'Qasim Al-Araji', 'IRQ'));
    const bytes = await exportBundle(copy.store.db, { coderId: copy.coderId });
    await importBundle(main.store.db, bytes, { coderId: main.coderId });
    const engagementsBefore = count(main, 'SELECT count(*) AS n FROM engagements');
    const foreignBefore = count(main, 'SELECT count(*) AS n FROM imported_audit');
    const auditBefore = count(main, 'SELECT count(*) AS n FROM audit_log');

    const again = await importBundle(main.store.db, bytes, { coderId: main.coderId });

    expect(again.added).toEqual({ engagements: 0, actors: 0, codebooks: 0, coders: 0, comments: 0 });
    expect(again.updated).toEqual({ engagements: 0, actors: 0, codebooks: 0, coders: 0, comments: 0 });
    expect(again.skipped.engagements).toBe(1);
    expect(again.skipped.actors).toBe(4);
    expect(again.conflicts).toEqual([]);
    expect(count(main, 'SELECT count(*) AS n FROM engagements')).toBe(engagementsBefore);
    expect(count(main, 'SELECT count(*) AS n FROM imported_audit')).toBe(foreignBefore);
    // Only the import itself is recorded.
    expect(count(main, 'SELECT count(*) AS n FROM audit_log')).toBe(auditBefore + 1);
  });

  it('fast-forwards a record edited on one side only', async () => {
    const id = await syncMeeting();
    editNotes(copy, id, 'Date from the Monday in the second paragraph.');
    const bundle = await exportBundle(copy.store.db, { coderId: copy.coderId });
    const report = await importBundle(main.store.db, bundle, { coderId: main.coderId });
    expect(report.updated.engagements).toBe(1);
    expect(report.conflicts).toEqual([]);
    expect(getEngagement(main.store.db, id)?.notes).toBe('Date from the Monday in the second paragraph.');
    // The reviewer builds on it; the same (now older) bundle arriving late changes nothing.
    editNotes(main, id, 'Checked against the Arabic original.');
    const late = await importBundle(main.store.db, bundle, { coderId: main.coderId });
    expect(late.conflicts).toEqual([]);
    expect(late.skipped.engagements).toBe(1);
    expect(getEngagement(main.store.db, id)?.notes).toBe('Checked against the Arabic original.');
    // And back: the copy's version is an ancestor of the main one, so the copy fast-forwards.
    const back = await importBundle(copy.store.db, await exportBundle(main.store.db), { coderId: copy.coderId });
    expect(back.conflicts).toEqual([]);
    expect(back.updated.engagements).toBe(1);
    expect(getEngagement(copy.store.db, id)?.notes).toBe('Checked against the Arabic original.');
  });

  it('lists an edit made on both sides as a conflict, leaves the local record alone, then applies the reviewer’s choice', async () => {
    const id = await syncMeeting();
    const localEdit = editNotes(main, id, 'Main: visit confirmed by a second outlet.');
    editNotes(copy, id, 'Copy: the meeting was on Monday.');
    const auditBefore = auditOf(main, id).length;

    const report = await importBundle(main.store.db, await exportBundle(copy.store.db, { coderId: copy.coderId }), { coderId: main.coderId });

    expect(report.conflicts).toHaveLength(1);
    const [conflict] = report.conflicts;
    expect(conflict).toMatchObject({ entity: 'engagement', entityId: id, status: 'open', label: 'CONSULT undated (Baghdad)' });
    if (conflict.entity !== 'engagement') throw new Error('expected an engagement conflict');
    expect(conflict.local.notes).toBe('Main: visit confirmed by a second outlet.');
    expect(conflict.incoming.notes).toBe('Copy: the meeting was on Monday.');
    const untouched = getEngagement(main.store.db, id);
    expect(untouched?.notes).toBe(localEdit.notes);
    expect(untouched?.revision).toBe(localEdit.revision);
    expect(auditOf(main, id)).toHaveLength(auditBefore);
    expect(listConflicts(main.store.db).map((c) => c.id)).toEqual([conflict.id]);

    const resolved = resolveConflict(main.store.db, conflict.id, 'incoming', main.coderId);
    expect(resolved).toMatchObject({ status: 'resolved', resolution: 'incoming', resolvedBy: main.coderId });
    expect(getEngagement(main.store.db, id)?.notes).toBe('Copy: the meeting was on Monday.');
    expect(listConflicts(main.store.db)).toEqual([]);
    expect(auditOf(main, id).at(-1)).toEqual({ action: 'bundle-resolve', coder_id: main.coderId });
    expect(main.store.db.prepare("SELECT action FROM audit_log WHERE entity = 'bundle-conflict' AND entity_id = ?").get(conflict.id)).toEqual({ action: 'resolve' });
    expect(verifyAuditChain(main.store.db).breaks).toEqual([]);
    expect(() => resolveConflict(main.store.db, conflict.id, 'local', main.coderId)).toThrow(/already resolved/);
  });

  it('keeping the local version makes the same bundle skip and lets the other machine fast-forward to ours', async () => {
    const id = await syncMeeting();
    editNotes(main, id, 'Main wins.');
    editNotes(copy, id, 'Copy loses.');
    const fromCopy = await exportBundle(copy.store.db, { coderId: copy.coderId });
    const [conflict] = (await importBundle(main.store.db, fromCopy, { coderId: main.coderId })).conflicts;
    resolveConflict(main.store.db, conflict.id, 'local', main.coderId);
    expect(getEngagement(main.store.db, id)?.notes).toBe('Main wins.');

    const again = await importBundle(main.store.db, fromCopy, { coderId: main.coderId });
    expect(again.conflicts).toEqual([]);
    expect(again.skipped.engagements).toBe(1);

    const toCopy = await importBundle(copy.store.db, await exportBundle(main.store.db), { coderId: copy.coderId });
    expect(toCopy.conflicts).toEqual([]);
    expect(toCopy.updated.engagements).toBe(1);
    expect(getEngagement(copy.store.db, id)?.notes).toBe('Main wins.');
  });

  it('carries a deletion made on the other side (the record is kept, marked deleted)', async () => {
    const id = await syncMeeting();
    deleteEngagement(copy.ctx, { id });
    const report = await importBundle(main.store.db, await exportBundle(copy.store.db), { coderId: main.coderId });
    expect(report.updated.engagements).toBe(1);
    expect(getEngagement(main.store.db, id)).toBeNull();
    expect(getEngagement(main.store.db, id, { includeDeleted: true })?.notes).toBe('');
  });

  it('merges actors by id: a one-sided edit and a merge are applied, edits on both sides wait for the reviewer', async () => {
    const id = await syncMeeting();
    const [moallim, araji] = (getEngagement(copy.store.db, id)?.participants ?? []).map((p) => p.actorId);
    const edit = (m: Machine, actorId: string, change: Partial<ActorInput>) => actors.save(m.ctx, { actor: { ...toActorInput(actors.get(m.ctx, { id: actorId })), ...change } });
    edit(copy, moallim, { aliases: ['Hussein Mohamed Moallim'] });
    const extra = person(copy, 'H. Moallim', 'SOM');
    actors.merge(copy.ctx, { sourceId: extra, targetId: moallim });
    edit(main, araji, { notes: 'Iraqi NSA since 2020.' });
    edit(copy, araji, { notes: 'Also heads the Popular Mobilization Commission.' });

    const report = await importBundle(main.store.db, await exportBundle(copy.store.db, { coderId: copy.coderId }), { coderId: main.coderId });

    expect(report.updated.actors).toBe(1);
    expect(actors.get(main.ctx, { id: moallim }).aliases).toContain('Hussein Mohamed Moallim');
    expect(resolveActorId(main.store.db, extra)).toBe(moallim);
    expect(report.conflicts.map((c) => [c.entity, c.entityId])).toEqual([['actor', araji]]);
    expect(actors.get(main.ctx, { id: araji }).notes).toBe('Iraqi NSA since 2020.');
    resolveConflict(main.store.db, report.conflicts[0].id, 'incoming', main.coderId);
    expect(actors.get(main.ctx, { id: araji }).notes).toBe('Also heads the Popular Mobilization Commission.');
    expect(verifyAuditChain(main.store.db).breaks).toEqual([]);
  });
});
