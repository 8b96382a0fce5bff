import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_IMPORT_OPTIONS, HIGHLIGHT_CLOSE, HIGHLIGHT_OPEN } from '../../../shared/model/library';
import { createProject, openProject, type Store } from '../../store/open';
import type { AppContext } from '../context';
import { getDocument, listDocuments, searchDocuments } from '../library';
import { runImport } from './import-service';

const seedDir = path.resolve(import.meta.dirname, '../../../../shared/fixtures/seed-articles');
const fixtures = path.resolve(import.meta.dirname, '../../importers/__fixtures__');

let dir: string;
let store: Store;
let coderId: string;
const ctx = (): AppContext => ({ mode: 'browser', version: 'test', userDataDir: dir, store, emit: () => {} });

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-import-'));
  store = createProject(path.join(dir, 'p.liaison'));
  coderId = (store.db.prepare('SELECT id FROM coders').get() as { id: string }).id;
});
afterEach(() => {
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const importPaths = (paths: string[], opts: Partial<typeof DEFAULT_IMPORT_OPTIONS> = {}, signal?: AbortSignal) =>
  runImport(store, paths, { ...DEFAULT_IMPORT_OPTIONS, ...opts }, coderId, { workers: 2, ...(signal ? { signal } : {}) });

function docByFile(name: string) {
  const row = store.db.prepare('SELECT id FROM documents WHERE path LIKE ?').get(`%${name}`) as { id: string };
  return getDocument(ctx(), { id: row.id });
}

describe('import service on the seed articles', () => {
  it('imports all five with titles, dates, outlets, boilerplate and repeats marked', async () => {
    const summary = await importPaths([seedDir]);
    expect(summary).toMatchObject({ status: 'done', imported: 5, unchanged: 0, skipped: [], failed: [] });

    const d000 = docByFile('000_01088ec9213a716d.txt');
    expect(d000.outlet).toBe('Mogadishu24');
    expect(d000.place).toBe('Baghdad');
    expect(d000.metaSources.outlet?.source).toBe('txt-dateline');

    const d003 = docByFile('003_22032a1dfcab7bf5.txt');
    expect(d003.title).toBe("Iraq's national security advisor receives an invitation to visit Brussels for NATO talks");
    expect(d003.publishedAt).toBe('2023-04-04');
    expect(d003.outlet).toBe('Shafaq News');
    const repeats = d003.ranges.filter((r) => r.kind === 'repeat');
    expect(repeats.length).toBeGreaterThan(0);
    // The second copy of "A statement released by al-Araji's office ..." is inside a repeat.
    const second = d003.text.indexOf("A statement released by al-Araji's office", d003.text.indexOf("A statement released by al-Araji's office") + 1);
    expect(second).toBeGreaterThan(0);
    expect(repeats.some((r) => r.start <= second && r.end > second + 40)).toBe(true);
    for (const r of repeats) {
      const original = Number(r.label.replace('repeat-of:', ''));
      // The label points at the first occurrence of the repeated passage.
      const head = d003.text.slice(r.start, r.start + 60);
      expect(d003.text.slice(original, original + 60)).toBe(head);
      expect(original).toBeLessThan(r.start);
    }
    expect(d003.ranges.some((r) => r.kind === 'boilerplate' && d003.text.slice(r.start, r.end).includes('Sponsored Links'))).toBe(true);
    expect(d003.ranges.some((r) => r.kind === 'glue' && d003.text.slice(r.start - 9, r.start) === 'services.')).toBe(true);

    const d002 = docByFile('002_74a40bdd0df97d7e.txt');
    expect(d002.title).toBe('Iran, Iraq discuss beefing up anti-terror cooperation');
    const boiler002 = d002.ranges.filter((r) => r.kind === 'boilerplate').map((r) => d002.text.slice(r.start, r.end).trim());
    expect(boiler002).toContain('IranIraqMiddle East');
    expect(boiler002).toContain('Back to top button');

    const d004 = docByFile('004_01685453727f1500.txt');
    const boiler004 = d004.ranges.filter((r) => r.kind === 'boilerplate').map((r) => d004.text.slice(r.start, r.end));
    expect(boiler004.join('\n')).toContain('Leave a Reply');
    expect(boiler004.join('\n')).toContain('img_5152.jpg');

    // The stored text is the file's text, character for character (NFC and line endings aside).
    expect(d000.text).toBe(fs.readFileSync(path.join(seedDir, '000_01088ec9213a716d.txt'), 'utf8').normalize('NFC').replace(/\r\n?/g, '\n'));
    expect(d000.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('searches with ranking and highlighted snippets taken from the right document', async () => {
    await importPaths([seedDir]);
    const { hits, total } = await searchDocuments(ctx(), { query: 'al-Araji', limit: 50, offset: 0 });
    expect(total).toBe(2);
    const files = hits.map((h) => getDocument(ctx(), { id: h.document.id }).path.split('/').pop());
    expect(files.sort()).toEqual(['000_01088ec9213a716d.txt', '003_22032a1dfcab7bf5.txt']);
    for (const h of hits) {
      const text = getDocument(ctx(), { id: h.document.id }).text;
      const marked = h.snippet.slice(h.snippet.indexOf(HIGHLIGHT_OPEN) + 1, h.snippet.indexOf(HIGHLIGHT_CLOSE));
      expect(marked.toLowerCase()).toContain('araji');
      // Every snippet is a passage of its own document.
      const plain = h.snippet.replaceAll(HIGHLIGHT_OPEN, '').replaceAll(HIGHLIGHT_CLOSE, '').replace(/^…|…$/g, '');
      expect(text.replace(/\s+/g, ' ')).toContain(plain.replace(/\s+/g, ' ').slice(0, 40));
    }
    // Boilerplate is left out of search.
    expect((await searchDocuments(ctx(), { query: '"Sponsored Links"', limit: 10, offset: 0 })).total).toBe(0);
    // Diacritics-insensitive, prefix, boolean, NEAR.
    expect((await searchDocuments(ctx(), { query: 'Shamkhani AND Baghdad', limit: 10, offset: 0 })).total).toBe(1);
    const prefixed = await searchDocuments(ctx(), { query: 'Mayork*', limit: 10, offset: 0 });
    expect(prefixed.total).toBe(1);
    // The prefix's words are highlighted (its snippet spells the prefix out as the index's terms).
    expect(prefixed.hits[0].snippet).toContain(`${HIGHLIGHT_OPEN}Mayorkas${HIGHLIGHT_CLOSE}`);
    // Inside a phrase a prefix stays a prefix, and still matches.
    expect((await searchDocuments(ctx(), { query: '"Alejandro Mayork"*', limit: 10, offset: 0 })).hits[0].snippet).toContain(`${HIGHLIGHT_OPEN}Alejandro Mayorkas${HIGHLIGHT_CLOSE}`);
    expect((await searchDocuments(ctx(), { query: 'NEAR(Goffus NATO, 10)', limit: 10, offset: 0 })).total).toBe(1);
    expect((await searchDocuments(ctx(), { query: 'Iraq NOT Somalia', limit: 10, offset: 0 })).total).toBe(3);
    await expect(searchDocuments(ctx(), { query: '"unclosed', limit: 10, offset: 0 })).rejects.toThrow(/unclosed quote/);
    await expect(searchDocuments(ctx(), { query: 'Iraq AND', limit: 10, offset: 0 })).rejects.toThrow(/cannot start or end/);
  });

  it('re-importing the same folder imports nothing new and says how many were unchanged', async () => {
    await importPaths([seedDir]);
    const again = await importPaths([seedDir]);
    expect(again).toMatchObject({ imported: 0, unchanged: 5 });
    expect((store.db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n).toBe(5);
  });

  it('flags exact and near duplicates without dropping any', async () => {
    const src = fs.readFileSync(path.join(seedDir, '001_6eedfd3423a29a8e.txt'), 'utf8');
    const folder = path.join(dir, 'wire');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'a.txt'), src);
    fs.writeFileSync(path.join(folder, 'b-copy.txt'), `${src}\n`); // same cleaned text
    fs.writeFileSync(path.join(folder, 'c-edited.txt'), src.replace('significant step', 'major step').replace('highly productive', 'very productive'));
    fs.copyFileSync(path.join(seedDir, '002_74a40bdd0df97d7e.txt'), path.join(folder, 'd-other.txt'));
    const summary = await importPaths([folder]);
    expect(summary.imported).toBe(4);
    expect(summary.duplicates).toEqual({ exact: 1, near: 1 });
    const a = docByFile('/a.txt');
    expect(a.duplicateGroupId).not.toBeNull();
    expect(a.isPrimary).toBe(true);
    expect(a.duplicates.map((d) => d.id).sort()).toEqual([docByFile('b-copy.txt').id, docByFile('c-edited.txt').id].sort());
    // Each copy says which file it is (copies usually share the title).
    expect(a.duplicates.map((d) => path.basename(d.path)).sort()).toEqual(['b-copy.txt', 'c-edited.txt']);
    expect(docByFile('c-edited.txt').isPrimary).toBe(false);
    expect(docByFile('d-other.txt').duplicateGroupId).toBeNull();
  });

  it('lists each JSON record without text in the report, and imports the file’s other records', async () => {
    const folder = path.join(dir, 'json');
    fs.mkdirSync(folder);
    fs.copyFileSync(path.join(fixtures, 'articles.json'), path.join(folder, 'articles.json'));
    const summary = await importPaths([folder]);
    const file = path.join(folder, 'articles.json');
    expect(summary.imported).toBe((store.db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n);
    expect(summary.imported).toBeGreaterThan(0);
    expect(summary.skipped).toEqual([
      {
        path: `${file} (record 2)`,
        code: 'no-text',
        reason: expect.stringMatching(/^Record 2 has no article text \(looked for a field named .*\); the file's other records were imported\.$/),
      },
    ]);
  });

  it('reports every bad file with its own reason and imports the rest', async () => {
    const folder = path.join(dir, 'mixed');
    fs.mkdirSync(folder);
    for (const f of ['article.html', 'article.pdf', 'article.docx', 'article.eml', 'articles.jsonl', 'cp1256-arabic.txt', 'encrypted.pdf', 'broken.docx', 'broken.pdf', 'empty.txt', 'binary-junk.txt', 'malformed.jsonl']) {
      fs.copyFileSync(path.join(fixtures, f), path.join(folder, f));
    }
    fs.writeFileSync(path.join(folder, 'photo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    fs.writeFileSync(path.join(folder, 'huge.txt'), 'x'.repeat(5000));
    const outside = path.join(dir, 'outside.txt');
    fs.writeFileSync(outside, 'A file outside the imported folder.');
    fs.symlinkSync(outside, path.join(folder, 'link.txt'));
    const before = (store.db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
    const summary = await importPaths([folder], { maxFileBytes: 4096 });
    const reasons = Object.fromEntries([...summary.skipped, ...summary.failed].map((s) => [path.basename(s.path), s.code]));
    expect(reasons).toMatchObject({
      'photo.png': 'unsupported',
      'huge.txt': 'too-large',
      'link.txt': 'symlink-outside',
      'encrypted.pdf': 'encrypted-pdf',
      'broken.docx': 'broken-docx',
      'broken.pdf': 'broken-pdf',
      'empty.txt': 'empty',
      'binary-junk.txt': 'binary',
      'malformed.jsonl': 'bad-json',
    });
    for (const s of [...summary.skipped, ...summary.failed]) expect(s.reason.length).toBeGreaterThan(10);
    const formats = (store.db.prepare('SELECT DISTINCT format FROM documents ORDER BY format').all() as { format: string }[]).map((r) => r.format);
    expect(formats).toEqual(['docx', 'eml', 'html', 'jsonl', 'pdf', 'txt']);
    const arabic = docByFile('cp1256-arabic.txt');
    expect(arabic.encoding).toBe('windows-1256');
    expect(arabic.text).not.toContain('\uFFFD');
    expect(before).toBe(0);
  });

  it('a cancelled import keeps what it committed, and the next import continues', async () => {
    const folder = path.join(dir, 'many');
    fs.mkdirSync(folder);
    const base = fs.readFileSync(path.join(seedDir, '002_74a40bdd0df97d7e.txt'), 'utf8');
    for (let i = 0; i < 300; i++) fs.writeFileSync(path.join(folder, `f${String(i).padStart(3, '0')}.txt`), `Title ${i}\n\n${base} Unique ${i} ${'word '.repeat(i)}`);
    const controller = new AbortController();
    let seen = 0;
    const summary = await runImport(store, [folder], DEFAULT_IMPORT_OPTIONS, coderId, {
      workers: 1,
      signal: controller.signal,
      onProgress: (p) => {
        seen = p.done;
        if (p.done >= 10) controller.abort();
      },
    });
    expect(summary.status).toBe('cancelled');
    // Progress comes at most every 100 ms: enough files that the import cannot finish first.
    expect(summary.imported).toBeLessThan(300);
    expect(seen).toBeGreaterThanOrEqual(10);
    const kept = (store.db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
    expect(kept).toBe(summary.imported);
    // Every kept document is whole: its search row exists.
    expect((store.db.prepare('SELECT count(*) AS n FROM documents_fts').get() as { n: number }).n).toBe(kept);
    const rest = await importPaths([folder]);
    expect(rest.unchanged).toBe(kept);
    expect(rest.imported).toBe(300 - kept);
  });

  it('pages the library in SQL with keyset cursors', async () => {
    await importPaths([seedDir]);
    const first = listDocuments(ctx(), { limit: 2, cursor: null, sort: 'title', direction: 'asc' });
    expect(first.total).toBe(5);
    expect(first.rows).toHaveLength(2);
    const second = listDocuments(ctx(), { limit: 2, cursor: first.nextCursor, sort: 'title', direction: 'asc' });
    const third = listDocuments(ctx(), { limit: 2, cursor: second.nextCursor, sort: 'title', direction: 'asc' });
    expect(third.nextCursor).toBeNull();
    const titles = [...first.rows, ...second.rows, ...third.rows].map((r) => r.title ?? '');
    expect(titles).toEqual([...titles].sort());
    expect(new Set(titles).size).toBe(5);
  });

  it('a project reopened after a kill mid-import marks the batch interrupted', async () => {
    store.db.prepare("INSERT INTO import_batches (id, seq, started_at, status, sources_json, options_json, coder_id) VALUES ('b1', 1, '2026-01-01', 'running', '[]', '{}', ?)").run(coderId);
    store.close();
    const { open } = await import('../projects');
    const c: AppContext = { mode: 'browser', version: 'test', userDataDir: dir, store: null, emit: () => {} };
    open(c, { path: path.join(dir, 'p.liaison') });
    store = c.store!;
    expect((store.db.prepare("SELECT status FROM import_batches WHERE id = 'b1'").get() as { status: string }).status).toBe('interrupted');
    void openProject;
  });
});
