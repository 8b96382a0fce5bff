import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventName, Events } from '../../shared/contract';
import { DEFAULT_IMPORT_OPTIONS } from '../../shared/model/library';
import { createProject, openProject, type Store } from '../store/open';
import { verifyAuditChain } from '../store/repos/audit';
import type { AppContext } from './context';
import { runImport } from './import/import-service';
import { documentFacets, getDocument, listDocuments } from './library';
import { setExcluded, updateDocument } from './library-edit';
import { dispatch, serviceHandlers } from './router';

const seedDir = path.resolve(import.meta.dirname, '../../../shared/fixtures/seed-articles');

let dir: string;
let store: Store;
let events: { event: EventName; payload: unknown }[];
const ctx = (s: Store = store): AppContext => ({
  mode: 'browser',
  version: 'test',
  userDataDir: dir,
  store: s,
  emit: <E extends EventName>(event: E, payload: Events[E]) => events.push({ event, payload }),
});

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-library-edit-'));
  store = createProject(path.join(dir, 'p.liaison'));
  const coderId = (store.db.prepare('SELECT id FROM coders').get() as { id: string }).id;
  await runImport(store, [seedDir], DEFAULT_IMPORT_OPTIONS, coderId, { workers: 1 });
  events = [];
});
afterEach(() => {
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const idOf = (file: string) => (store.db.prepare('SELECT id FROM documents WHERE path LIKE ?').get(`%${file}`) as { id: string }).id;
const auditOf = (id: string) =>
  (store.db.prepare("SELECT action, before_json, after_json FROM audit_log WHERE entity = 'document' AND entity_id = ? ORDER BY seq").all(id) as { action: string; before_json: string; after_json: string }[]).map((r) => ({
    action: r.action,
    before: JSON.parse(r.before_json) as unknown,
    after: JSON.parse(r.after_json) as unknown,
  }));

describe('documents.update', () => {
  it('edits title, date, outlet and place, audited with before and after, the text untouched', () => {
    const id = idOf('003_22032a1dfcab7bf5.txt');
    const before = getDocument(ctx(), { id });
    const after = updateDocument(ctx(), { id, publishedAt: '2023-04-05', place: 'Brussels', title: 'NATO invites al-Araji to Brussels' });
    expect(after).toMatchObject({ publishedAt: '2023-04-05', place: 'Brussels', title: 'NATO invites al-Araji to Brussels', outlet: before.outlet });
    expect(after.text).toBe(before.text);
    expect(before.metaSources.publishedAt?.source).toBe('txt-date-line');
    expect(after.metaSources.publishedAt).toEqual({ source: 'edited', detail: 'was "2023-04-04", from a date line' });
    expect(after.metaSources.place?.source).toBe('edited');
    expect(after.metaSources.outlet).toEqual(before.metaSources.outlet);
    expect(auditOf(id)).toEqual([
      {
        action: 'update',
        before: { title: before.title, publishedAt: '2023-04-04', place: before.place },
        after: { title: 'NATO invites al-Araji to Brussels', publishedAt: '2023-04-05', place: 'Brussels' },
      },
    ]);
    expect(verifyAuditChain(store.db).breaks).toEqual([]);
    expect(events).toEqual([{ event: 'db.changed', payload: { tables: ['documents'] } }]);

    // The edited title is what search and the list see.
    const found = listDocuments(ctx(), { query: 'invites', limit: 10, cursor: null, direction: 'asc' });
    expect(found.rows.map((r) => r.id)).toEqual([id]);
    expect(found.rows[0].titleHighlighted).toContain('\u0002invites\u0003');
    expect(listDocuments(ctx(), { published: '2023-04', limit: 10, cursor: null, direction: 'asc' }).rows.map((r) => r.id)).toContain(id);

    // An edit that changes nothing records nothing; null clears a value.
    updateDocument(ctx(), { id, place: 'Brussels' });
    expect(auditOf(id)).toHaveLength(1);
    const cleared = updateDocument(ctx(), { id, place: null });
    expect(cleared.place).toBeNull();
    expect(cleared.metaSources.place).toEqual({ source: 'edited', detail: 'was "Brussels"' });
    expect(auditOf(id).at(-1)).toEqual({ action: 'update', before: { place: 'Brussels' }, after: { place: null } });
  });

  it('refuses what it cannot do, naming the call and the field', async () => {
    const id = idOf('003_22032a1dfcab7bf5.txt');
    const call = (input: unknown) => dispatch(ctx(), serviceHandlers, 'documents.update', input);
    expect(await call({ id, publishedAt: '2023-02-30' })).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(/documents\.update.*publishedAt.*real calendar date/) } });
    expect(await call({ id, publishedAt: '4 April 2023' })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/publishedAt: must be a date like 2023-04-04/) } });
    expect(await call({ id })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/at least one of title, publishedAt, outlet, place/) } });
    expect(await call({ id, title: '   ' })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/title: a title cannot be blank/) } });
    expect(await call({ id, text: 'new text' })).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('text') } });
    expect(await call({ id: 'nope', title: 'x' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    for (const ok of ['2023', '2023-04', '2024-02-29', '2023-04-04T10:30:00Z']) expect((await call({ id, publishedAt: ok })).ok, ok).toBe(true);
    expect(() => store.db.prepare("UPDATE documents SET text = 'x' WHERE id = ?").run(id)).toThrow(/never changes/);

    const file = store.path;
    store.close();
    store = openProject(file, { readOnly: true });
    expect(() => updateDocument(ctx(), { id, title: 'x' })).toThrow(expect.objectContaining({ code: 'unsupported' }));
  });
});

describe('documents.setExcluded', () => {
  it('marks documents not relevant and back, audited, visible to filters and facets', () => {
    const a = idOf('000_01088ec9213a716d.txt');
    const b = idOf('001_6eedfd3423a29a8e.txt');
    expect(setExcluded(ctx(), { ids: [a, b, a], excluded: true })).toEqual({ changed: 2 });
    expect(setExcluded(ctx(), { ids: [a], excluded: true })).toEqual({ changed: 0 });
    expect(listDocuments(ctx(), { excluded: true, limit: 10, cursor: null, direction: 'asc' }).rows.map((r) => r.id).sort()).toEqual([a, b].sort());
    expect(listDocuments(ctx(), { excluded: false, limit: 10, cursor: null, direction: 'asc' }).total).toBe(3);
    expect(documentFacets(ctx(), {}).excluded).toEqual([
      { value: 'false', label: 'Relevant', count: 3 },
      { value: 'true', label: 'Not relevant', count: 2 },
    ]);
    expect(setExcluded(ctx(), { ids: [a], excluded: false })).toEqual({ changed: 1 });
    expect(getDocument(ctx(), { id: a }).excluded).toBe(false);
    expect(auditOf(a).map((e) => e.action)).toEqual(['exclude', 'include']);
    expect(auditOf(a)[1]).toMatchObject({ before: { excluded: true }, after: { excluded: false } });
    expect(() => setExcluded(ctx(), { ids: [b, 'missing'], excluded: false })).toThrow(expect.objectContaining({ code: 'not-found' }));
    // All or nothing: b is still excluded.
    expect(getDocument(ctx(), { id: b }).excluded).toBe(true);
  });
});

describe('documents.get with a query', () => {
  it('gives the offsets of every hit in the original text, and none inside boilerplate', () => {
    const id = idOf('003_22032a1dfcab7bf5.txt');
    const doc = getDocument(ctx(), { id, query: 'al-Araji' });
    expect(doc.hits!.length).toBeGreaterThan(3);
    for (const h of doc.hits!) expect(doc.text.slice(h.start, h.end).toLowerCase()).toBe('al-araji');
    const nato = getDocument(ctx(), { id, query: 'NATO' }).hits!;
    expect(nato.every((h) => doc.text.slice(h.start, h.end) === 'NATO')).toBe(true);
    // Glued sentences are split for search: "services.During" still finds "During".
    const during = getDocument(ctx(), { id, query: 'During' }).hits!;
    expect(during.some((h) => doc.text.slice(h.start - 9, h.start) === 'services.')).toBe(true);
    expect(getDocument(ctx(), { id, query: '"Sponsored Links"' }).hits).toEqual([]);
    expect(getDocument(ctx(), { id, query: 'Iraq AND' }).hits).toEqual([]);
    expect(getDocument(ctx(), { id }).hits).toBeUndefined();
  });
});
