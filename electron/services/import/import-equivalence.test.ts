import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TextRange } from '../../../shared/model/document';
import { DEFAULT_IMPORT_OPTIONS } from '../../../shared/model/library';
import { createProject, type Store } from '../../store/open';
import { rangesOf } from '../../store/repos/documents';
import type { AppContext } from '../context';
import { cleanHash, cleanText, documentFingerprint, findBatchRepeats, groupDuplicates, NearDuplicateIndex, searchableText, signatureToBytes } from './clean';
import { runImport } from './import-service';
import { countWords } from './prepare';

/**
 * The import streams its batch pass (search rows written once, per outlet slice) and compares
 * duplicates as each document is stored. These tests hold the stored result to the definitions
 * computed the plain way, from the stored texts alone: per-document cleaning, batch repeats over
 * each outlet's documents, the search row and word count of what is left, and duplicate groups
 * from one pass over every signature.
 */
let dir: string;
let store: Store;
let coderId: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-import-eq-'));
  store = createProject(path.join(dir, 'p.liaison'));
  coderId = (store.db.prepare('SELECT id FROM coders').get() as { id: string }).id;
});
afterEach(() => {
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const WORDS = 'security cooperation ministers discussed bilateral relations strengthen partnership regional stability delegation visit meeting officials agreement training exchange'.split(' ');

/** Two outlets with their own chrome, a few exact and near copies, one outlet-less file. */
function writeCorpus(folder: string, count: number): void {
  fs.mkdirSync(folder, { recursive: true });
  let seed = 11;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  let previous = '';
  let previousText = '';
  for (let i = 0; i < count; i++) {
    const outlet = i % 3 === 0 ? 'Shafaq News' : 'Mogadishu24';
    let body: string;
    if (previous && i % 11 === 5) body = previous;
    else if (previous && i % 13 === 7) body = previous.replace(/security/, 'safety');
    else {
      const paragraphs = Array.from({ length: 3 + (i % 4) }, (_, p) => `${Array.from({ length: 40 + ((i * 7 + p) % 30) }, () => WORDS[Math.floor(rnd() * WORDS.length)]).join(' ')} ref${i}x${p}.`);
      body = `Baghdad(${outlet})- Officials met on Monday.\n\n${paragraphs.join('\n\n')}`;
      previous = body;
    }
    const text =
      i % 17 === 3 && previousText
        ? previousText // a wire copy, byte for byte: an exact duplicate
        : `Facebook Twitter (X) Instagram ${outlet}\nOfficials discuss cooperation (${i})\n\n2023/01/1${i % 10} | 19:04 - Source: ${outlet}\n\n${body}\n\nFollow ${outlet} on our channels for the latest news\nBack to top button\n`;
    fs.writeFileSync(path.join(folder, `a${String(i).padStart(3, '0')}.txt`), text);
    previousText = text;
  }
  fs.writeFileSync(path.join(folder, 'zz-no-outlet.txt'), 'A note without an outlet\n\nIt says little about anything at all, but it says it plainly.\n');
}

interface Stored {
  rowid: number;
  id: string;
  outlet: string | null;
  text: string;
  words: number;
  clean_hash: string;
  minhash: Buffer | null;
  shingles: number;
  dup_checked: number;
  duplicate_group_id: string | null;
  body: string | null;
}

const stored = (): Stored[] =>
  store.db
    .prepare(
      `SELECT d.rowid, d.id, d.outlet, d.text, d.words, d.clean_hash, d.minhash, d.shingles, d.dup_checked, d.duplicate_group_id, f.body
       FROM documents d LEFT JOIN documents_fts f ON f.rowid = d.rowid ORDER BY d.rowid`,
    )
    .all() as Stored[];

const byStartEnd = (a: TextRange, b: TextRange) => a.start - b.start || a.end - b.end;
const plain = (r: TextRange) => ({ kind: r.kind, start: r.start, end: r.end, label: r.label });

describe('the streamed import stores what the plain definitions give', () => {
  it('ranges, search rows, words, fingerprints and duplicate groups', async () => {
    const folder = path.join(dir, 'corpus');
    writeCorpus(folder, 90);
    const summary = await runImport(store, [folder], DEFAULT_IMPORT_OPTIONS, coderId, { workers: 2 });
    expect(summary.imported).toBe(91);
    const docs = stored();

    const batch = findBatchRepeats(docs.map((d) => ({ id: d.id, text: d.text, ...(d.outlet ? { outlet: d.outlet } : {}) })));
    expect(batch.size).toBeGreaterThan(80);
    for (const d of docs) {
      const own = cleanText(d.text);
      const all = [...own, ...(batch.get(d.id) ?? [])].sort(byStartEnd);
      expect(rangesOf(store.db, d.rowid).map(plain)).toEqual(all.map(plain));
      const searchable = searchableText(d.text, all);
      expect(d.body).toBe(searchable);
      expect(d.words).toBe(countWords(searchable));
      // Fingerprints are those of the per-document pass, whatever the batch found.
      const ownSearchable = searchableText(d.text, own);
      expect(d.clean_hash).toBe(cleanHash(d.text, own));
      const fp = documentFingerprint(ownSearchable);
      expect(d.shingles).toBe(fp.length);
      expect(d.minhash ? new Uint8Array(d.minhash) : null).toEqual(fp.length > 0 ? signatureToBytes(fp.signature) : null);
      expect(d.dup_checked).toBe(1);
    }

    // Duplicate groups: one pass over all documents in import order.
    const index = new NearDuplicateIndex({ threshold: DEFAULT_IMPORT_OPTIONS.nearThreshold });
    const firstByHash = new Map<string, string>();
    const pairs: { a: string; b: string; jaccard: number }[] = [];
    for (const d of docs) {
      const original = firstByHash.get(d.clean_hash);
      if (original) pairs.push({ a: original, b: d.id, jaccard: 1 });
      else firstByHash.set(d.clean_hash, d.id);
      if (d.minhash && d.shingles > 0) pairs.push(...index.add([{ id: d.id, signature: documentFingerprint(searchableText(d.text, cleanText(d.text))).signature, length: d.shingles, importedOrder: d.rowid }]));
    }
    const order = new Map(docs.map((d) => [d.id, d.rowid]));
    const expected = groupDuplicates(pairs, (id) => order.get(id)!);
    expect(expected.length).toBeGreaterThan(3);
    expect(summary.duplicates.exact).toBeGreaterThan(0);
    expect(summary.duplicates.near).toBeGreaterThan(0);
    const actual = new Map<string, string[]>();
    for (const d of docs) if (d.duplicate_group_id) actual.set(d.duplicate_group_id, [...(actual.get(d.duplicate_group_id) ?? []), d.id]);
    expect([...actual.values()].sort((x, y) => order.get(x[0])! - order.get(y[0])!)).toEqual(expected);
    const primaries = store.db.prepare('SELECT primary_document_id AS p FROM duplicate_groups').all() as { p: string }[];
    expect(primaries.map((r) => r.p).sort()).toEqual(expected.map((g) => g[0]).sort());
  });

  it('the batch pass goes through the outlets together, in import order, and the WAL setting is put back', async () => {
    const folder = path.join(dir, 'corpus');
    writeCorpus(folder, 60);
    expect(store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    await runImport(store, [folder], DEFAULT_IMPORT_OPTIONS, coderId, { workers: 2 });
    // The two outlets' documents interleave; their batch-repeat ranges (and search rows, written in
    // the same step) were written in rowid order, not one outlet after the other.
    const written = (store.db.prepare("SELECT document_rowid AS r FROM text_ranges WHERE label = 'batch-repeat' ORDER BY rowid").all() as { r: number }[]).map((x) => x.r);
    const outlets = new Set((store.db.prepare('SELECT DISTINCT outlet AS o FROM documents d JOIN text_ranges t ON t.document_rowid = d.rowid WHERE t.label = \'batch-repeat\'').all() as { o: string }[]).map((x) => x.o));
    expect(outlets.size).toBe(2);
    expect(written.length).toBeGreaterThan(100);
    expect(written).toEqual([...written].sort((a, b) => a - b));
    expect(store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
  });

  it('a batch cut short before its batch pass gets it when the project is next opened', async () => {
    const folder = path.join(dir, 'corpus');
    writeCorpus(folder, 40);
    await runImport(store, [folder], DEFAULT_IMPORT_OPTIONS, coderId, { workers: 1 });
    const whole = stored();
    const wholeRanges = whole.map((d) => rangesOf(store.db, d.rowid));
    // What a kill between storing the documents and their batch pass leaves: documents with their
    // own ranges and fingerprints, no batch-repeat ranges, no search rows, the batch 'running'.
    store.db.exec(`
      DELETE FROM text_ranges WHERE label = 'batch-repeat';
      DELETE FROM documents_fts;
      UPDATE import_batches SET status = 'running';
    `);
    const setWords = store.db.prepare('UPDATE documents SET words = ? WHERE rowid = ?');
    for (const d of whole) setWords.run(countWords(searchableText(d.text, cleanText(d.text))), d.rowid);
    store.close();
    const { open } = await import('../projects');
    const ctx: AppContext = { mode: 'browser', version: 'test', userDataDir: dir, store: null, emit: () => {} };
    open(ctx, { path: path.join(dir, 'p.liaison') });
    store = ctx.store!;
    expect((store.db.prepare('SELECT status FROM import_batches').get() as { status: string }).status).toBe('interrupted');
    const repaired = stored();
    expect(repaired.map((d) => [d.body, d.words])).toEqual(whole.map((d) => [d.body, d.words]));
    expect(repaired.map((d) => rangesOf(store.db, d.rowid))).toEqual(wholeRanges);
  });
});
