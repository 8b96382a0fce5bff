import { HIGHLIGHT_CLOSE, HIGHLIGHT_OPEN } from '../../shared/model/library';

/**
 * Hits and snippets for very long articles, found in one pass over the text.
 *
 * FTS5's snippet() and highlight() take time that grows with the square of the matches in the
 * document: on one article of 400,000 words, `s*` took 38 s for its snippet and 10 s to highlight
 * in the reader, and the whole app waited meanwhile. Ranking and counting are not affected (they
 * read the index, not the text), so only the marks are built here: every word of the text that is
 * one of the query's words, or starts with one of its prefixes, folded as the index folds them
 * (lower case, diacritics removed). The words of a phrase or a NEAR group are each marked wherever
 * they occur, so such a search may mark more words than FTS5 would have; words after NOT are not
 * marked.
 */

/** Articles with more words than this get their marks from here rather than from FTS5. */
export const LONG_TEXT_WORDS = 10_000;

/** Tokens as FTS5's unicode61 tokenizer cuts them: runs of letters, numbers and private-use characters. */
const TOKEN = /[\p{L}\p{N}\p{Co}]+/gu;

/** Lower case without diacritics, as `remove_diacritics 2` folds. */
export function fold(word: string): string {
  // Most words of most articles are plain ASCII: nothing to take off but the case.
  return NOT_ASCII.test(word) ? word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase() : word.toLowerCase();
}
const NOT_ASCII = /[^ -~]/;

export interface QueryWords {
  words: Set<string>;
  prefixes: string[];
}

/**
 * The words the analyst's query looks for (its FTS5 syntax read as toFtsQuery reads it), folded.
 * Operators, parentheses and NEAR's distances are not words; an operand of NOT is left out.
 */
export function queryWords(input: string): QueryWords {
  const words = new Set<string>();
  const prefixes: string[] = [];
  const tokens = input.trim().match(/"[^"]*"\*?|[(),]|[^\s"(),]+/g) ?? [];
  /** Depth of parentheses below which the words belong to a NOT, while skipping one. */
  let skipDepth = -1;
  let depth = 0;
  let negate = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t === '(') {
      if (negate && skipDepth < 0) skipDepth = depth;
      negate = false;
      depth++;
      continue;
    }
    if (t === ')') {
      depth--;
      if (depth === skipDepth) skipDepth = -1;
      continue;
    }
    if (t === ',' || t === 'AND' || t === 'OR' || (t === 'NEAR' && tokens[i + 1] === '(') || (/^\d+$/.test(t) && tokens[i - 1] === ',')) continue;
    if (t === 'NOT') {
      negate = true;
      continue;
    }
    const skip = negate || skipDepth >= 0;
    negate = false;
    if (skip) continue;
    const prefix = t.endsWith('*');
    const body = (prefix ? t.slice(0, -1) : t).replace(/"/g, '');
    const parts = body.match(TOKEN) ?? [];
    parts.forEach((part, k) => {
      const folded = fold(part);
      // Only the last word of `secur*` or `"border secur"*` is a prefix.
      if (prefix && k === parts.length - 1) prefixes.push(folded);
      else words.add(folded);
    });
  }
  return { words, prefixes };
}

interface Token {
  start: number;
  end: number;
  /** Which of the query's words (then its prefixes) it is; -1 for none. */
  which: number;
}

/** Every word of `text`, each with the query word it matches, if any. */
function tokensOf(text: string, q: QueryWords): Token[] {
  const out: Token[] = [];
  const words = [...q.words];
  const index = new Map(words.map((w, i) => [w, i]));
  const any = words.length > 0 || q.prefixes.length > 0;
  for (const m of text.matchAll(TOKEN)) {
    let which = -1;
    if (any) {
      const w = fold(m[0]);
      which = index.get(w) ?? -1;
      if (which < 0) {
        const p = q.prefixes.findIndex((prefix) => w.startsWith(prefix));
        if (p >= 0) which = words.length + p;
      }
    }
    out.push({ start: m.index, end: m.index + m[0].length, which });
  }
  return out;
}

/** Where the query's words are in `text`: [start, end) offsets of each marked word, in order. */
export function wordHits(text: string, q: QueryWords): { start: number; end: number }[] {
  return tokensOf(text, q)
    .filter((t) => t.which >= 0)
    .map(({ start, end }) => ({ start, end }));
}

/**
 * A snippet of `text` in FTS5's form (`…` where the text is cut, the marks around each hit): the
 * stretch of `tokens` words holding the most of the query's different words, then the most hits,
 * as FTS5 prefers; the start of the text when nothing matches.
 */
export function longTextSnippet(text: string, q: QueryWords, tokens = 24): string {
  const all = tokensOf(text, q);
  if (all.length === 0) return '';
  // A sliding window [i - tokens + 1, i]: how often each query word is in it.
  const inWindow = new Map<number, number>();
  const enter = (t: Token, by: number) => {
    if (t.which < 0) return;
    const n = (inWindow.get(t.which) ?? 0) + by;
    if (n === 0) inWindow.delete(t.which);
    else inWindow.set(t.which, n);
  };
  let hits = 0;
  let best = 0;
  let bestScore = -1;
  for (let i = 0; i < all.length; i++) {
    enter(all[i], 1);
    if (all[i].which >= 0) hits++;
    if (i >= tokens) {
      enter(all[i - tokens], -1);
      if (all[i - tokens].which >= 0) hits--;
    }
    if (i < Math.min(tokens, all.length) - 1) continue;
    const score = inWindow.size * (tokens + 1) + hits;
    if (score > bestScore) {
      bestScore = score;
      best = Math.max(0, i - tokens + 1);
    }
  }
  const last = Math.min(all.length, best + tokens) - 1;
  let out = best > 0 ? '…' : '';
  let at = all[best].start;
  for (let i = best; i <= last; i++) {
    out += text.slice(at, all[i].start);
    const word = text.slice(all[i].start, all[i].end);
    out += all[i].which >= 0 ? `${HIGHLIGHT_OPEN}${word}${HIGHLIGHT_CLOSE}` : word;
    at = all[i].end;
  }
  return last < all.length - 1 ? `${out}…` : out;
}
