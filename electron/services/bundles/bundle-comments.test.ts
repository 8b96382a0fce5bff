import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openProject } from '../../store/open';
import { verifyAuditChain } from '../../store/repos/audit';
import { setMeta } from '../../store/repos/coders';
import * as coders from '../coders';
import { addComment, listComments } from '../review';
import { verifyProject } from '../verify';
import { BundleRefused, type RefusalReason } from './container';
import { exportBundle } from './export';
import { sha256Hex } from './format';
import { importBundle, inspectBundle } from './import';
import { codeMeeting, type Machine, machine, person, seededProjectFile, twoMachines } from './two-machines.fixture';

/** A bundle written by the version 1 code (before comments travelled), kept as it came out. */
const V1_BUNDLE = path.join(import.meta.dirname, 'fixtures/v1-meeting.liaison-bundle');

let dir: string;
let main: Machine;
let copy: Machine;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-bundle-comments-'));
  ({ main, copy } = await twoMachines(dir));
});
afterEach(() => {
  main.store.close();
  copy.store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const count = (m: Machine, sql: string): number => (m.store.db.prepare(sql).get() as { n: number }).n;
const docOf = (m: Machine, prefix: string): string => (m.store.db.prepare('SELECT id FROM documents WHERE path LIKE ?').get(`%${prefix}%`) as { id: string }).id;

/**
 * On the copy: Ann (the main machine's coder, present in the copied file) opens a thread on the
 * meeting, Bea answers it and answers her own answer; Bea also starts a thread on the article.
 */
function thread(m: Machine, annId: string): { engagementId: string; documentId: string; ids: string[] } {
  const e = codeMeeting(m, person(m, 'Qasim al-Araji', 'IRQ'));
  const documentId = e.sources[0].documentId;
  const bea = m.coderId;
  coders.setCurrent(m.ctx, { id: annId });
  const root = addComment(m.ctx, { entity: 'engagement', entityId: e.id, parentId: null, body: 'Is this the same visit as in the Asharq piece?' });
  coders.setCurrent(m.ctx, { id: bea });
  const reply = addComment(m.ctx, { entity: 'engagement', entityId: e.id, parentId: root.id, body: 'Yes: same date, same delegation.' });
  const again = addComment(m.ctx, { entity: 'engagement', entityId: e.id, parentId: reply.id, body: 'Added the second outlet as a source.' });
  const onDoc = addComment(m.ctx, { entity: 'document', entityId: documentId, parentId: null, body: 'The byline is missing in this copy.' });
  const onDocReply = addComment(m.ctx, { entity: 'document', entityId: documentId, parentId: onDoc.id, body: 'Reuters, per the footer.' });
  return { engagementId: e.id, documentId, ids: [root.id, reply.id, again.id, onDoc.id, onDocReply.id] };
}

/** Rewrite one part and its manifest entry: what someone editing a bundle by hand would do. */
async function rewritePart(bytes: Buffer, part: string, change: (value: unknown) => unknown): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const text = `${JSON.stringify(change(JSON.parse((await zip.file(part)?.async('string')) ?? '[]')))}`;
  const manifest = JSON.parse((await zip.file('manifest.json')?.async('string')) ?? '{}');
  manifest.parts[part] = { sha256: sha256Hex(text), sizeBytes: Buffer.byteLength(text) };
  zip.file(part, text);
  zip.file('manifest.json', JSON.stringify(manifest));
  return zip.generateAsync({ type: 'nodebuffer' });
}

type Comments = { id: string; parentId: string | null; body: string }[];

async function refusal(bytes: Uint8Array, reason: RefusalReason, part: string): Promise<BundleRefused> {
  const rows = () => count(main, 'SELECT (SELECT count(*) FROM comments) + (SELECT count(*) FROM engagements) + (SELECT count(*) FROM audit_log) AS n');
  const before = rows();
  const err = await importBundle(main.store.db, bytes, { coderId: main.coderId }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(BundleRefused);
  expect(rows()).toBe(before);
  expect((err as BundleRefused).reason).toBe(reason);
  expect((err as BundleRefused).part).toBe(part);
  return err as BundleRefused;
}

describe('comments travel in bundles', () => {
  it('brings a thread written on the copy to the main project, under its engagement and article, and skips it the second time', async () => {
    const t = thread(copy, main.coderId);
    const bytes = await exportBundle(copy.store.db, { coderId: copy.coderId });

    const summary = await inspectBundle(bytes);
    expect(summary.formatVersion).toBe(2);
    // Bea's four comments, and Ann's that the first of them answers.
    expect(summary.counts.comments).toBe(5);

    const report = await importBundle(main.store.db, bytes, { coderId: main.coderId });
    expect(report.added.comments).toBe(5);
    expect(report.skipped.comments).toBe(0);
    expect(report.conflicts).toEqual([]);

    const onEngagement = listComments(main.ctx, { entity: 'engagement', entityId: t.engagementId });
    expect(onEngagement.map((c) => [c.body, c.coder.name, c.parentId])).toEqual([
      ['Is this the same visit as in the Asharq piece?', coders.list(main.ctx).coders.find((c) => c.id === main.coderId)?.name, null],
      ['Yes: same date, same delegation.', 'Bea Coder', t.ids[0]],
      ['Added the second outlet as a source.', 'Bea Coder', t.ids[1]],
    ]);
    const onDocument = listComments(main.ctx, { entity: 'document', entityId: docOf(main, '000_') });
    expect(onDocument.map((c) => [c.id, c.parentId])).toEqual([
      [t.ids[3], null],
      [t.ids[4], t.ids[3]],
    ]);
    // Time and author are the writer's; the local audit entry names who imported.
    const copied = copy.store.db.prepare('SELECT at FROM comments WHERE id = ?').get(t.ids[1]);
    expect(main.store.db.prepare('SELECT at FROM comments WHERE id = ?').get(t.ids[1])).toEqual(copied);
    const local = main.store.db.prepare("SELECT action, coder_id FROM audit_log WHERE entity = 'comment' ORDER BY seq").all();
    expect(local).toEqual(t.ids.map(() => ({ action: 'bundle-create', coder_id: main.coderId })));
    const foreign = main.store.db.prepare("SELECT entity_id, coder_id FROM imported_audit WHERE entity = 'comment' AND action = 'create' ORDER BY at").all();
    expect(foreign).toHaveLength(5);
    expect(verifyAuditChain(main.store.db).breaks).toEqual([]);
    expect(verifyProject(main.store.db).ok).toBe(true);

    const auditBefore = count(main, 'SELECT count(*) AS n FROM audit_log');
    const again = await importBundle(main.store.db, bytes, { coderId: main.coderId });
    expect(again.added.comments).toBe(0);
    expect(again.skipped.comments).toBe(5);
    expect(count(main, 'SELECT count(*) AS n FROM comments')).toBe(5);
    expect(count(main, 'SELECT count(*) AS n FROM audit_log')).toBe(auditBefore + 1);

    // And back: the main project's bundle holds the same thread, which the copy already has.
    const back = await importBundle(copy.store.db, await exportBundle(main.store.db), { coderId: copy.coderId });
    expect(back.added.comments).toBe(0);
    expect(back.skipped.comments).toBe(5);
  });

  it('places an article comment on this project’s copy of the article when the ids differ', async () => {
    const otherFile = path.join(dir, 'separate.liaison');
    await seededProjectFile(otherFile, 'Shared study');
    const separate = machine(openProject(otherFile), dir);
    try {
      setMeta(separate.store.db, 'project_id', main.store.info().id);
      const theirDoc = docOf(separate, '003_');
      const ourDoc = docOf(main, '003_');
      expect(theirDoc).not.toBe(ourDoc);
      // A comment on an article nobody coded: it still travels, the article named by its file.
      const c = addComment(separate.ctx, { entity: 'document', entityId: theirDoc, parentId: null, body: 'Duplicate of 002, skip.' });
      const report = await importBundle(main.store.db, await exportBundle(separate.store.db), { coderId: main.coderId });
      expect(report.added.comments).toBe(1);
      expect(listComments(main.ctx, { entity: 'document', entityId: ourDoc }).map((x) => x.id)).toEqual([c.id]);
      expect(main.store.db.prepare("SELECT after_json FROM audit_log WHERE entity = 'comment' AND entity_id = ?").get(c.id)).toEqual({
        after_json: expect.stringContaining(`"on":"document:${ourDoc}"`),
      });
    } finally {
      separate.store.close();
    }
  });

  it('a comment on an engagement the filter left out brings that engagement along', async () => {
    const e = codeMeeting(main, person(main, 'Qasim al-Araji', 'IRQ'));
    await importBundle(copy.store.db, await exportBundle(main.store.db), { coderId: copy.coderId });
    // Later than anything the import wrote on the copy, so only the comment is selected by time.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const since = new Date().toISOString();
    const c = addComment(copy.ctx, { entity: 'engagement', entityId: e.id, parentId: null, body: 'Checked: correct.' });
    const bytes = await exportBundle(copy.store.db, { coderId: copy.coderId, since });
    expect((await inspectBundle(bytes)).counts).toMatchObject({ engagements: 1, comments: 1 });
    const report = await importBundle(main.store.db, bytes, { coderId: main.coderId });
    expect(report.skipped.engagements).toBe(1);
    expect(listComments(main.ctx, { entity: 'engagement', entityId: e.id }).map((x) => x.id)).toEqual([c.id]);
  });
});

describe('format versions', () => {
  it('still imports a version 1 bundle (no comments.json)', async () => {
    const bytes = fs.readFileSync(V1_BUNDLE);
    const zip = await JSZip.loadAsync(bytes);
    const manifest = JSON.parse((await zip.file('manifest.json')?.async('string')) ?? '{}');
    // The fixture was made in a project of its own: adopt its id, as a copy of that project would have.
    setMeta(main.store.db, 'project_id', manifest.project.id);
    const report = await importBundle(main.store.db, bytes, { coderId: main.coderId });
    expect(report.bundle.formatVersion).toBe(1);
    expect(report.bundle.counts.comments).toBe(0);
    // Both of that project's coders are new here (Bea and the coder who created it).
    expect(report.added).toEqual({ engagements: 1, actors: 4, codebooks: 1, coders: 2, comments: 0 });
    const engagement = JSON.parse((await zip.file('engagements.json')?.async('string')) ?? '[]')[0];
    expect(main.store.db.prepare('SELECT type FROM engagements WHERE id = ?').get(engagement.id)).toEqual({ type: 'CONSULT' });
    expect(verifyProject(main.store.db).ok).toBe(true);
  });

  it('refuses a version 1 bundle that carries comments.json, and a version 2 bundle without it', async () => {
    const v1 = fs.readFileSync(V1_BUNDLE);
    const withComments = await rewritePart(v1, 'comments.json', () => []);
    expect(await inspectBundle(withComments).catch((e: BundleRefused) => [e.reason, e.message])).toEqual([
      'damaged',
      'The bundle was refused: the manifest lists comments.json, which a version 1 bundle does not have.',
    ]);
    const zip = await JSZip.loadAsync(await exportBundle(copy.store.db));
    zip.remove('comments.json');
    const err = await inspectBundle(await zip.generateAsync({ type: 'nodebuffer' })).catch((e: BundleRefused) => e);
    expect(err).toMatchObject({ reason: 'damaged', part: 'comments.json' });
  });
});

describe('bundles refused for their comments', () => {
  let bytes: Buffer;
  let ids: string[];
  beforeEach(async () => {
    ids = thread(copy, main.coderId).ids;
    bytes = await exportBundle(copy.store.db, { coderId: copy.coderId });
  });

  it('an altered comments.json', async () => {
    const zip = await JSZip.loadAsync(bytes);
    const text = (await zip.file('comments.json')?.async('string')) ?? '';
    zip.file('comments.json', text.replace('same delegation', 'other delegation'));
    const err = await refusal(await zip.generateAsync({ type: 'nodebuffer' }), 'altered', 'comments.json');
    expect(err.message).toContain('the part comments.json was changed after the bundle was made');
  });

  it('a reply whose parent is in neither the bundle nor the project', async () => {
    const orphaned = await rewritePart(bytes, 'comments.json', (list) => (list as Comments).filter((c) => c.id !== ids[0]));
    const err = await refusal(orphaned, 'inconsistent', 'comments.json');
    expect(err.message).toBe(`The bundle was refused: comment ${ids[1]} answers comment ${ids[0]}, which neither comments.json nor this project has; the thread would arrive broken.`);
  });

  it('a reply whose parent only this project has is accepted', async () => {
    await importBundle(main.store.db, bytes, { coderId: main.coderId });
    const rootless = await rewritePart(bytes, 'comments.json', (list) => (list as Comments).filter((c) => c.id !== ids[0]));
    expect((await importBundle(main.store.db, rootless, { coderId: main.coderId })).skipped.comments).toBe(4);
  });

  it('a comment that reads differently from the copy this project has (comments never change)', async () => {
    await importBundle(main.store.db, bytes, { coderId: main.coderId });
    const rewritten = await rewritePart(bytes, 'comments.json', (list) => (list as Comments).map((c) => (c.id === ids[2] ? { ...c, body: 'Removed the second outlet.' } : c)));
    const err = await refusal(rewritten, 'inconsistent', 'comments.json');
    expect(err.message).toContain(`comment ${ids[2]} differs from this project's copy of it (its text)`);
  });

  it('a loop of replies', async () => {
    const looped = await rewritePart(bytes, 'comments.json', (list) => (list as Comments).map((c) => (c.id === ids[0] ? { ...c, parentId: ids[2] } : c)));
    const err = await refusal(looped, 'inconsistent', 'comments.json');
    expect(err.message).toContain('is part of a loop of replies');
  });
});
