import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_IMPORT_OPTIONS, HIGHLIGHT_CLOSE, HIGHLIGHT_OPEN } from '../../shared/model/library';
import { createProject, type Store } from '../store/open';
import type { AppContext } from './context';
import { runImport } from './import/import-service';
import { getDocument, listDocuments, searchDocuments } from './library';
import { fold, LONG_TEXT_WORDS, longTextSnippet, queryWords, wordHits } from './long-text-hits';

const marked = (s: string) => [...s.matchAll(new RegExp(`${HIGHLIGHT_OPEN}([^${HIGHLIGHT_CLOSE}]*)${HIGHLIGHT_CLOSE}`, 'g'))].map((m) => m[1]);

describe('the words of a query', () => {
  it('reads words, prefixes and phrases as toFtsQuery reads the query, folded, and leaves out what NOT excludes', () => {
    const q = queryWords('Sécurité AND secur* OR "border talks" NOT Tehran NEAR(mission Araji, 5) -(x OR y) al-Araji title:U.S.');
    expect(q).toEqual([
      { words: ['securite'], prefix: false },
      { words: ['secur'], prefix: true },
      { words: ['border', 'talks'], prefix: false },
      { words: ['mission'], prefix: false },
      { words: ['araji'], prefix: false },
      { words: ['al', 'araji'], prefix: false },
      { words: ['u', 's'], prefix: false },
    ]);
    expect(queryWords('"border secur"*')).toEqual([{ words: ['border', 'secur'], prefix: true }]);
    expect(queryWords('Iraq not Somalia -Iran')).toEqual([{ words: ['iraq'], prefix: false }]);
    // A query FTS5 could not read looks for nothing.
    expect(queryWords('"unclosed')).toEqual([]);
    expect(fold('ÉTAT')).toBe('etat');
  });

  it('marks words, prefixes and whole phrases (their joins included), by their offsets', () => {
    const text = 'The Minister met ministers; security, SECURITY and Sécurité. Tehran. Al-Araji met the U.N. and the U.S. envoy; Al said';
    const hits = wordHits(text, queryWords('minister secur* sécurité al-Araji U.S. NOT Tehran'));
    expect(hits.map((h) => text.slice(h.start, h.end))).toEqual(['Minister', 'security', 'SECURITY', 'Sécurité', 'Al-Araji', 'U.S']);
  });

  it('snips the stretch with the most hits, matches in the middle, cut with … as FTS5 does', () => {
    const words = Array.from({ length: 200 }, (_, i) => `w${i}`);
    words[150] = 'border';
    words[152] = 'talks';
    words[20] = 'border';
    const snippet = longTextSnippet(words.join(' '), queryWords('border talks'), 10);
    expect(snippet).toBe(`…w147 w148 w149 ${HIGHLIGHT_OPEN}border${HIGHLIGHT_CLOSE} w151 ${HIGHLIGHT_OPEN}talks${HIGHLIGHT_CLOSE} w153 w154 w155 w156…`);
    expect(marked(longTextSnippet('the deal of al-Araji was signed', queryWords('al-Araji')))).toEqual(['al-Araji']);
    // No hit: the start of the text.
    expect(longTextSnippet('one two three', queryWords('zzz'), 2)).toBe('one two…');
    expect(longTextSnippet('one two', queryWords('two'), 24)).toBe(`one ${HIGHLIGHT_OPEN}two${HIGHLIGHT_CLOSE}`);
  });
});

describe('search in a very long article', () => {
  let dir: string;
  let store: Store;
  const ctx = (): AppContext => ({ mode: 'browser', version: 'test', userDataDir: dir, store, emit: () => {} });

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-long-'));
    const folder = path.join(dir, 'articles');
    fs.mkdirSync(folder);
    // Far past LONG_TEXT_WORDS, with a prefix that matches thousands of its words: FTS5's own
    // snippet took minutes on this.
    const filler = ['security', 'sector', 'signed', 'state', 'talks', 'the', 'and', 'of', 'minister'];
    const paragraphs = Array.from({ length: 400 }, (_, p) => `${Array.from({ length: 60 }, (_, w) => filler[(p * 7 + w * 3) % filler.length]).join(" ")} ref${p}`);
    paragraphs[250] = 'The Somali delegation and the Qatari delegation met in Doha';
    fs.writeFileSync(path.join(folder, 'long.txt'), `A very long report\n\n${paragraphs.join('.\n\n')}.\n`);
    fs.writeFileSync(path.join(folder, 'short.txt'), 'A short note\n\nThe delegation met the minister in Doha on security.\n');
    store = createProject(path.join(dir, 'p.liaison'));
    const coderId = (store.db.prepare('SELECT id FROM coders').get() as { id: string }).id;
    await runImport(store, [folder], DEFAULT_IMPORT_OPTIONS, coderId, { workers: 1 });
  });
  afterAll(() => {
    store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const doc = (title: string) => listDocuments(ctx(), { limit: 10, cursor: null, direction: 'asc' }).rows.find((r) => r.title === title)!;

  it('gives the long article a snippet around its best stretch, and the short one FTS5’s', async () => {
    expect((store.db.prepare("SELECT words FROM documents WHERE title = 'A very long report'").get() as { words: number }).words).toBeGreaterThan(LONG_TEXT_WORDS);
    const { hits } = await searchDocuments(ctx(), { query: 'delegation s*', limit: 10, offset: 0 });
    expect(hits.map((h) => h.document.title).sort()).toEqual(['A short note', 'A very long report']);
    const long = hits.find((h) => h.document.title === 'A very long report')!;
    expect(marked(long.snippet)).toEqual(expect.arrayContaining(['delegation', 'Somali']));
    const short = hits.find((h) => h.document.title === 'A short note')!;
    // The short one's comes from FTS5 (its first line, the title, is part of its text).
    expect(marked(short.snippet)).toEqual(['short', 'delegation', 'security']);
    const page = listDocuments(ctx(), { query: 'Doha', limit: 10, cursor: null, direction: 'asc' });
    expect(marked(page.rows.find((r) => r.title === 'A very long report')!.snippet!)).toEqual(['Doha']);
  });

  it('marks every hit in the reader at the offsets of the stored text', () => {
    const detail = getDocument(ctx(), { id: doc('A very long report').id, query: 'Qatari OR minister' });
    const words = new Set(detail.hits!.map((h) => detail.text.slice(h.start, h.end)));
    expect(words).toEqual(new Set(['Qatari', 'minister']));
    expect(detail.hits!.length).toBe((detail.text.match(/\bminister\b/g) ?? []).length + 1);
    const phrase = getDocument(ctx(), { id: doc('A very long report').id, query: '"Qatari delegation"' });
    expect(phrase.hits!.map((h) => phrase.text.slice(h.start, h.end))).toEqual(['Qatari delegation']);
    // The words of a NEAR group are each marked wherever they are (FTS5 would mark only those
    // near each other): the sign that these marks came from here, not from FTS5's highlight().
    const near = getDocument(ctx(), { id: doc('A very long report').id, query: 'NEAR(Qatari Somali, 3)' });
    expect(near.hits!.map((h) => near.text.slice(h.start, h.end))).toEqual(['Somali', 'Qatari']);
  });
});
