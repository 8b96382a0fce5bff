import { HIGHLIGHT_CLOSE, HIGHLIGHT_OPEN } from '../../shared/model/library';
import { QUERY_TOKENS, toFtsQuery } from './search-query';

/**
 * Hits and snippets for very long articles, found in one pass over the text.
 *
 * FTS5's snippet() and highlight() take time that grows with the square of the matches in the
 * document: on one article of 400,000 words, `s*` took 38 s for its snippet and 10 s to highlight
 * in the reader, and the whole app waited meanwhile. Ranking and counting are not affected (they
 * read the index, not the text), so only the marks are built here, from the query as toFtsQuery
 * reads it, folded as the index folds (lower case, diacritics removed): each of its words, each
 * word starting with one of its prefixes, and each run of words that is one of its phrases
 * (`"border security"`, and words FTS5 cuts in pieces: `al-Araji`, `U.S.`). The words of a NEAR
 * group are each marked wherever they occur, so such a search may mark more than FTS5 would;
 * operands of NOT are not marked.
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

/** A run of words to find in a row, the last one a prefix when `prefix`. */
export interface QueryPhrase {
  words: string[];
  prefix: boolean;
}

/**
 * What the analyst's query looks for, as phrases of one or more folded words (a bare word is a
 * phrase of one). Operators, parentheses, columns and NEAR's distances are not words; operands of
 * NOT are left out. A query FTS5 could not read looks for nothing.
 */
export function queryWords(input: string): QueryPhrase[] {
  let fts: string;
  try {
    fts = toFtsQuery(input);
  } catch {
    return [];
  }
  const out: QueryPhrase[] = [];
  const tokens = fts.match(QUERY_TOKENS) ?? [];
  /** Depth of parentheses below which the words belong to a NOT, while skipping one. */
  let skipDepth = -1;
  let depth = 0;
  let negate = false;
  let inNear = false;
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
      inNear = false;
      continue;
    }
    if (t === 'NEAR' && tokens[i + 1] === '(') {
      inNear = true;
      continue;
    }
    if (t === ',' || t === 'AND' || t === 'OR' || (/^\d+$/.test(t) && tokens[i - 1] === ',')) continue;
    if (t === 'NOT') {
      negate = true;
      continue;
    }
    const skip = negate || skipDepth >= 0;
    negate = false;
    if (skip) continue;
    const body = t.replace(/^[A-Za-z]+:(?=["\p{L}\p{N}])/u, '');
    const prefix = body.endsWith('*');
    const words = (body.match(TOKEN) ?? []).map(fold);
    if (words.length === 0) continue;
    // Inside NEAR each word stands alone; elsewhere a quoted run is a phrase.
    if (!inNear) out.push({ words, prefix });
    else for (let k = 0; k < words.length; k++) out.push({ words: [words[k]], prefix: prefix && k === words.length - 1 });
  }
  return out;
}

interface Token {
  start: number;
  end: number;
  /** Which of the query's phrases it is part of; -1 for none. */
  which: number;
  /** The first word of a match, or one that runs on from the word before. */
  continues: boolean;
}

/** Every word of `text`, each with the query phrase it is part of, if any. */
function tokensOf(text: string, phrases: QueryPhrase[]): Token[] {
  const out: Token[] = [];
  const folded: string[] = [];
  for (const m of text.matchAll(TOKEN)) {
    out.push({ start: m.index, end: m.index + m[0].length, which: -1, continues: false });
    folded.push(phrases.length > 0 ? fold(m[0]) : '');
  }
  if (phrases.length === 0) return out;
  const single = new Map<string, number>();
  phrases.forEach((p, i) => {
    if (p.words.length === 1 && !p.prefix && !single.has(p.words[0])) single.set(p.words[0], i);
  });
  const matches = (w: string, q: string, prefix: boolean) => (prefix ? w.startsWith(q) : w === q);
  for (let i = 0; i < out.length; i++) {
    if (out[i].which >= 0) continue;
    let which = single.get(folded[i]) ?? -1;
    let length = 1;
    if (which < 0) {
      for (let p = 0; p < phrases.length; p++) {
        const { words, prefix } = phrases[p];
        if (i + words.length > out.length) continue;
        let k = 0;
        while (k < words.length && matches(folded[i + k], words[k], prefix && k === words.length - 1)) k++;
        if (k === words.length) {
          which = p;
          length = words.length;
          break;
        }
      }
    }
    if (which < 0) continue;
    for (let k = 0; k < length; k++) {
      out[i + k].which = which;
      out[i + k].continues = k > 0;
    }
  }
  return out;
}

/** The marked spans of `tokens` from..to: a phrase's words (with what joins them) are one span. */
function spansOf(tokens: Token[], from = 0, to = tokens.length - 1): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  for (let i = from; i <= to; i++) {
    const t = tokens[i];
    if (t.which < 0) continue;
    const last = spans.at(-1);
    if (t.continues && last && i > from) last.end = t.end;
    else spans.push({ start: t.start, end: t.end });
  }
  return spans;
}

/** Where the query's matches are in `text`: [start, end) offsets of each marked word or phrase, in order. */
export function wordHits(text: string, phrases: QueryPhrase[]): { start: number; end: number }[] {
  return spansOf(tokensOf(text, phrases));
}

/**
 * A snippet of `text` in FTS5's form (`…` where the text is cut, the marks around each match): the
 * stretch of `tokens` words holding the most of the query's different phrases, then the most
 * matches, as FTS5 prefers, with its matches moved toward the middle so there is context on both
 * sides; the start of the text when nothing matches.
 */
export function longTextSnippet(text: string, phrases: QueryPhrase[], tokens = 24): string {
  const all = tokensOf(text, phrases);
  if (all.length === 0) return '';
  // A sliding window [i - tokens + 1, i]: how often each query phrase is in it.
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
  let last = Math.min(all.length, best + tokens) - 1;
  // Centre the matches: as many words of context before the first as after the last.
  let first = -1;
  let lastHit = -1;
  for (let i = best; i <= last; i++) {
    if (all[i].which < 0) continue;
    if (first < 0) first = i;
    lastHit = i;
  }
  if (first >= 0) {
    const slack = last - best - (lastHit - first);
    best = Math.max(0, Math.min(first - Math.floor(slack / 2), all.length - tokens));
    last = Math.min(all.length, best + tokens) - 1;
  }
  let out = best > 0 ? '…' : '';
  let at = all[best].start;
  for (const span of spansOf(all, best, last)) {
    out += `${text.slice(at, span.start)}${HIGHLIGHT_OPEN}${text.slice(span.start, span.end)}${HIGHLIGHT_CLOSE}`;
    at = span.end;
  }
  out += text.slice(at, all[last].end);
  return last < all.length - 1 ? `${out}…` : out;
}
