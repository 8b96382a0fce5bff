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
  it('reads words, prefixes and phrases, folded, and leaves out operators and what NOT excludes', () => {
    const q = queryWords('Sécurité AND secur* OR "border talks" NOT Tehran NEAR(mission Araji, 5) NOT (x OR y) al-Araji');
    expect([...q.words].sort()).toEqual(['al', 'araji', 'border', 'mission', 'securite', 'talks']);
    expect(q.prefixes).toEqual(['secur']);
    expect(queryWords('"border secur"*').prefixes).toEqual(['secur']);
    expect(fold('ÉTAT')).toBe('etat');
  });

  it('marks each word of the text the query looks for, by its offsets', () => {
    const text = 'The Minister met ministers; security, SECURITY and Sécurité. Tehran';
    const hits = wordHits(text, queryWords('minister secur* sécurité NOT Tehran'));
    expect(hits.map((h) => text.slice(h.start, h.end))).toEqual(['Minister', 'security', 'SECURITY', 'Sécurité']);
  });

  it('snips the stretch with the most hits, cut with … as FTS5 does', () => {
    const words = Array.from({ length: 200 }, (_, i) => `w${i}`);
    words[150] = 'border';
    words[152] = 'talks';
    words[20] = 'border';
    const snippet = longTextSnippet(words.join(' '), queryWords('"border talks"'), 10);
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(marked(snippet)).toEqual(['border', 'talks']);
    expect(snippet.split(HIGHLIGHT_OPEN).join('').split(HIGHLIGHT_CLOSE).join('').replace('…', '').replace(/…$/, '').split(' ')).toHaveLength(10);
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
    // The words of a phrase are each marked wherever they are (FTS5 would mark the phrase only):
    // the sign that these marks came from here, not from FTS5's highlight().
    const phrase = getDocument(ctx(), { id: doc('A very long report').id, query: '"Qatari delegation"' });
    expect(phrase.hits!.map((h) => phrase.text.slice(h.start, h.end))).toEqual(['delegation', 'Qatari', 'delegation']);
  });
});
