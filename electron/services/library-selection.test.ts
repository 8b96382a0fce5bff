import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ListedDocument } from '../../shared/model/library';
import { createProject, type Db, type Store } from '../store/open';
import type { AppContext } from './context';
import { listDocuments } from './library';
import { exportSelection, selectionIds, setSelectionExcluded } from './library-selection';
import { dispatch, serviceHandlers } from './router';

/**
 * "Select all matching" resolved in main, the offset jumps of the renderer's page cache, and the
 * coding columns kept on each document by triggers, on a real project file of 1,700 documents
 * (more than three of the 500-row pages a selection is walked by).
 */
const N = 1700;
let dir: string;
let store: Store;
let coder: string;
const ctx = (): AppContext => ({ mode: 'browser', version: 'test', userDataDir: dir, store, emit: () => {} });

function generate(db: Db): void {
  db.transaction(() => {
    db.prepare("INSERT INTO import_batches (id, seq, started_at, status, sources_json, options_json, coder_id) VALUES ('b1', 1, '2026-01-05T10:00:00Z', 'done', '[]', '{}', ?)").run(coder);
    db.exec(`
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${N})
      INSERT INTO documents (rowid, id, batch_id, path, format, size_bytes, mtime_ms, sha256, encoding, text, title, outlet, words, clean_hash, imported_at)
      SELECT i, printf('doc-%04d', i), 'b1', printf('/c/%04d.txt', i), CASE WHEN i % 3 = 0 THEN 'pdf' ELSE 'txt' END, 10, 0, printf('%064d', i), 'utf-8',
        'Body ' || i, printf('Title %04d', (i * 37) % ${N}), 'Outlet ' || (i % 5), i, printf('%064d', i), '2026-01-05T10:00:00Z' FROM n;
      INSERT INTO documents_fts (rowid, title, body) SELECT rowid, ifnull(title, ''), text FROM documents;
      INSERT INTO codebooks (id, name, preset, current_version, created_at) VALUES ('cb', 'Test', NULL, 1, '2026-01-05');
    `);
  })();
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-library-selection-'));
  store = createProject(path.join(dir, 'p.liaison'));
  coder = (store.db.prepare('SELECT id FROM coders').get() as { id: string }).id;
  generate(store.db);
});
afterEach(() => {
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const docId = (i: number) => `doc-${String(i).padStart(4, '0')}`;
const pdfs = (rows: { id: string }[]) => rows.every((r) => Number(r.id.slice(4)) % 3 === 0);

describe('select all matching', () => {
  const matching = { formats: ['pdf' as const], sort: 'title' as const, direction: 'desc' as const, except: [docId(3), docId(6)] };
  const expectedIds = () => {
    const all: ListedDocument[] = [];
    let cursor: string | null = null;
    do {
      const page = listDocuments(ctx(), { formats: ['pdf'], sort: 'title', direction: 'desc', limit: 97, cursor });
      all.push(...page.rows);
      cursor = page.nextCursor;
    } while (cursor);
    return all.map((r) => r.id).filter((id) => !matching.except.includes(id));
  };

  it('resolves to the list order, less the exceptions, and counts it', () => {
    const ids = expectedIds();
    expect(ids).toHaveLength(Math.floor(N / 3) - 2);
    expect(selectionIds(ctx(), { matching, limit: 2 })).toEqual({ ids: ids.slice(0, 2), count: ids.length });
  });

  it('exports every matching row as CSV, in list order, across pages', () => {
    const { csv, rows } = exportSelection(ctx(), { matching });
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(rows).toBe(Math.floor(N / 3) - 2);
    expect(lines).toHaveLength(rows + 1);
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(expectedIds());
    // Named rows export in the order named.
    const named = exportSelection(ctx(), { ids: [docId(9), docId(1)] });
    expect(named.csv.slice(1).trimEnd().split('\r\n').slice(1).map((l) => l.split(',')[0])).toEqual([docId(9), docId(1)]);
    expect(() => exportSelection(ctx(), { ids: ['nope'] })).toThrow(expect.objectContaining({ code: 'not-found' }));
  });

  it('marks every matching document not relevant and back, audited once per change, through the router', async () => {
    const audits = () => (store.db.prepare("SELECT count(*) AS n FROM audit_log WHERE entity = 'document'").get() as { n: number }).n;
    const input = { matching: { formats: ['pdf'], sort: 'title', direction: 'desc', except: [docId(3)] }, excluded: true };
    const res = await dispatch(ctx(), serviceHandlers, 'documents.setExcluded', input);
    expect(res).toEqual({ ok: true, value: { changed: Math.floor(N / 3) - 1 } });
    expect(audits()).toBe(Math.floor(N / 3) - 1);
    const excluded = store.db.prepare('SELECT id FROM documents WHERE excluded = 1').all() as { id: string }[];
    expect(pdfs(excluded)).toBe(true);
    expect(excluded.map((r) => r.id)).not.toContain(docId(3));
    // Marked documents leave a "relevant only" list; the selection is walked before it changes.
    expect(setSelectionExcluded(ctx(), { matching: { formats: ['pdf'], excluded: true, direction: 'asc', except: [] }, excluded: false })).toEqual({ changed: Math.floor(N / 3) - 1 });
    expect((store.db.prepare('SELECT count(*) AS n FROM documents WHERE excluded = 1').get() as { n: number }).n).toBe(0);
    // Named ids still work as before; an input with both or neither is refused.
    expect(await dispatch(ctx(), serviceHandlers, 'documents.setExcluded', { ids: [docId(1)], excluded: true })).toEqual({ ok: true, value: { changed: 1 } });
    const both = await dispatch(ctx(), serviceHandlers, 'documents.setExcluded', { ids: [docId(1)], matching: { except: [] }, excluded: true });
    expect(both).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});

describe('offset jumps of the page cache', () => {
  it('a page reached by offset is the page reached by walking the cursors', () => {
    for (const sort of ['title', 'imported', 'words'] as const) {
      const walked: string[] = [];
      let cursor: string | null = null;
      do {
        const page = listDocuments(ctx(), { sort, direction: 'desc', limit: 100, cursor });
        walked.push(...page.rows.map((r) => r.id));
        cursor = page.nextCursor;
      } while (cursor);
      const jumped = listDocuments(ctx(), { sort, direction: 'desc', limit: 100, cursor: null, offset: 1200 });
      expect(jumped.rows.map((r) => r.id)).toEqual(walked.slice(1200, 1300));
      expect(jumped.total).toBe(N);
      // Its cursor continues from there.
      const next = listDocuments(ctx(), { sort, direction: 'desc', limit: 100, cursor: jumped.nextCursor });
      expect(next.rows.map((r) => r.id)).toEqual(walked.slice(1300, 1400));
    }
  });
});

describe('coding columns kept on the document', () => {
  const stored = (i: number) => store.db.prepare('SELECT coded_engagements AS n, coding_rank AS rank FROM documents WHERE id = ?').get(docId(i)) as { n: number; rank: number };
  const engagement = (id: string, status: string) =>
    store.db
      .prepare(
        `INSERT INTO engagements (id, codebook_id, codebook_version, type, date_precision, confidence, status, coder_id, created_at, updated_at, revision)
         VALUES (?, 'cb', 1, 'consult', 'unknown', 'medium', ?, ?, '2026-01-05', '2026-01-05', 1)`,
      )
      .run(id, status, coder);
  const cite = (e: string, i: number) => store.db.prepare('INSERT INTO engagement_sources (engagement_id, document_id) VALUES (?, ?)').run(e, docId(i));

  it('follow sources added, moved and removed, status changes, deletion and restoring', () => {
    expect(stored(5)).toEqual({ n: 0, rank: 0 });
    engagement('e1', 'coded');
    cite('e1', 5);
    expect(stored(5)).toEqual({ n: 1, rank: 2 });
    engagement('e2', 'draft');
    cite('e2', 5);
    expect(stored(5)).toEqual({ n: 2, rank: 1 });
    store.db.prepare("UPDATE engagements SET status = 'final' WHERE id = 'e2'").run();
    expect(stored(5)).toEqual({ n: 2, rank: 2 });
    store.db.prepare("UPDATE engagements SET deleted_at = '2026-01-06' WHERE id = 'e1'").run();
    expect(stored(5)).toEqual({ n: 1, rank: 2 });
    store.db.prepare('UPDATE engagements SET deleted_at = NULL WHERE id = ?').run('e1');
    expect(stored(5)).toEqual({ n: 2, rank: 2 });
    store.db.prepare("UPDATE engagement_sources SET document_id = ? WHERE engagement_id = 'e2'").run(docId(7));
    expect([stored(5), stored(7)]).toEqual([
      { n: 1, rank: 2 },
      { n: 1, rank: 2 },
    ]);
    // Removing an engagement removes its sources by cascade, which the source triggers follow.
    store.db.prepare("DELETE FROM engagements WHERE id = 'e1'").run();
    expect(stored(5)).toEqual({ n: 0, rank: 0 });
    store.db.prepare("DELETE FROM engagement_sources WHERE engagement_id = 'e2'").run();
    expect(stored(7)).toEqual({ n: 0, rank: 0 });
  });

  it('sort by them, matching the live counts each row carries', () => {
    engagement('e1', 'draft');
    cite('e1', 10);
    engagement('e2', 'coded');
    cite('e2', 10);
    cite('e2', 20);
    engagement('e3', 'coded');
    cite('e3', 30);
    const top = listDocuments(ctx(), { sort: 'engagements', direction: 'desc', limit: 3, cursor: null }).rows;
    expect(top.map((r) => [r.id, r.engagements, r.codingStatus])).toEqual([
      [docId(10), 2, 'draft'],
      [docId(30), 1, 'coded'],
      [docId(20), 1, 'coded'],
    ]);
    const byStatus = listDocuments(ctx(), { sort: 'coding', direction: 'desc', limit: 3, cursor: null }).rows;
    expect(byStatus.map((r) => r.codingStatus)).toEqual(['coded', 'coded', 'draft']);
  });
});
