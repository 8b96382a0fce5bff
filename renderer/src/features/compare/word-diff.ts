/**
 * Word-level comparison of two documents, pure (no DOM), run in a Web Worker (diff-worker.ts).
 *
 * Each text is cut into tokens (words, each punctuation mark on its own) with their offsets in
 * the immutable text; tokens inside boilerplate and repeated passages are set aside (dimmed,
 * not compared), as search sets them aside. The tokens are compared with jsdiff's `diffArrays`
 * (Myers' algorithm). Myers' algorithm costs (n + m) × edits: two unrelated 100,000-character articles take seconds
 * in one word-level pass. So, as in Git's patience diff, a long stretch is first split at words
 * that occur exactly once on each side (names, numbers, rare words) and in the same order; only
 * the short pieces between them go to Myers, each with an edit budget. What cannot be aligned
 * within the budget is marked changed whole (`coarse`): that only happens where the two texts
 * have little in common anyway.
 */
import { diffArrays } from 'diff';
import type { TextRange } from '../../../../shared/model/document';
import { displaySegments } from '../../../../shared/text/segments';

export interface CompareSide {
  text: string;
  ranges: readonly TextRange[];
}

/** Where the two texts differ, in UTF-16 offsets of each text. */
export interface WordDiff {
  /** Changed runs of A: [start, end, hunk] triples (words only in A). */
  marksA: Int32Array;
  /** Changed runs of B: [start, end, hunk] triples (words only in B). */
  marksB: Int32Array;
  /** Where words only in B would go in A: [offset, hunk] pairs (a difference with nothing on A's side). */
  gapsA: Int32Array;
  /** Where words only in A would go in B: [offset, hunk] pairs. */
  gapsB: Int32Array;
  /** One [aOffset, bOffset] pair per difference: where it is (or would be) in each text. */
  hunks: Int32Array;
  /** Points known to correspond, as [aOffset, bOffset] pairs, ascending on both sides. */
  anchors: Int32Array;
  stats: DiffStats;
}

export interface DiffStats {
  /** Words compared in each text (punctuation and set-aside passages not counted). */
  wordsA: number;
  wordsB: number;
  /** Words the two texts share in the same order. */
  commonWords: number;
  /** 2 × common / (wordsA + wordsB): 1 for the same words, 0 for nothing in common. */
  ratio: number;
  /** Distinct words (case folded) in both over distinct words in either. */
  jaccard: number;
  /** Some stretch was too different to compare word by word and is marked changed whole. */
  coarse: boolean;
  elapsedMs: number;
}

/** A word (letters, digits, marks; inner hyphens and apostrophes kept: al-Araji, don't) or one other visible character. */
const TOKEN = /[\p{L}\p{N}\p{M}]+(?:['’\-‐][\p{L}\p{N}\p{M}]+)*|[^\s\p{L}\p{N}\p{M}]/gu;
const WORD_START = /[\p{L}\p{N}]/u;

interface Tokens {
  keys: string[];
  start: Int32Array;
  end: Int32Array;
  isWord: Uint8Array;
  words: number;
}

/** Typographic quotes compare equal to plain ones: two outlets' copies of a wire story differ in little else. */
function keyOf(token: string): string {
  return token.replace(/[’‘`]/g, "'").replace(/[“”]/g, '"');
}

export function tokenize(side: CompareSide): Tokens {
  const { text } = side;
  const keys: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const words: number[] = [];
  let wordCount = 0;
  for (const seg of displaySegments(text, side.ranges)) {
    if (seg.kind !== 'text') continue;
    TOKEN.lastIndex = 0;
    const slice = text.slice(seg.start, seg.end);
    for (let m = TOKEN.exec(slice); m; m = TOKEN.exec(slice)) {
      keys.push(keyOf(m[0]));
      starts.push(seg.start + m.index);
      ends.push(seg.start + m.index + m[0].length);
      const word = WORD_START.test(m[0]) ? 1 : 0;
      words.push(word);
      wordCount += word;
    }
  }
  return { keys, start: Int32Array.from(starts), end: Int32Array.from(ends), isWord: Uint8Array.from(words), words: wordCount };
}

/** One step of the alignment: a run of tokens common to both, or a run only in A or only in B. */
interface Op {
  kind: 'same' | 'a' | 'b';
  /** Token index ranges; the other side's range is empty for 'a' and 'b'. */
  a0: number;
  a1: number;
  b0: number;
  b1: number;
}

/** Stretches up to this many tokens (both sides) go straight to Myers; longer ones are split first. */
const SMALL_STRETCH = 4000;
/** Edits × tokens one Myers run may cost before giving up on it (about 100 ms of work). */
const STRETCH_BUDGET = 30_000_000;

interface AlignState {
  ka: string[];
  kb: string[];
  ops: Op[];
  deadline: number;
  coarse: boolean;
}

function myers(st: AlignState, a0: number, a1: number, b0: number, b1: number): boolean {
  const remaining = st.deadline - performance.now();
  if (remaining <= 0) return false;
  const maxEditLength = Math.max(16, Math.floor(STRETCH_BUDGET / (a1 - a0 + b1 - b0)));
  const changes = diffArrays(st.ka.slice(a0, a1), st.kb.slice(b0, b1), { maxEditLength, timeout: Math.max(1, remaining) });
  if (!changes) return false;
  let i = a0;
  let j = b0;
  for (const c of changes) {
    const k = c.count ?? c.value.length;
    if (c.added) {
      st.ops.push({ kind: 'b', a0: i, a1: i, b0: j, b1: j + k });
      j += k;
    } else if (c.removed) {
      st.ops.push({ kind: 'a', a0: i, a1: i + k, b0: j, b1: j });
      i += k;
    } else {
      st.ops.push({ kind: 'same', a0: i, a1: i + k, b0: j, b1: j + k });
      i += k;
      j += k;
    }
  }
  return true;
}

/**
 * Patience anchors: tokens that occur exactly once in each stretch, kept in the longest chain
 * that is in order on both sides (O(n log n)). Names, numbers and rare words make good anchors.
 */
function uniqueAnchors(st: AlignState, a0: number, a1: number, b0: number, b1: number): [number, number][] {
  const seen = new Map<string, { ca: number; cb: number; ia: number; ib: number }>();
  for (let i = a0; i < a1; i++) {
    const e = seen.get(st.ka[i]);
    if (e) e.ca++;
    else seen.set(st.ka[i], { ca: 1, cb: 0, ia: i, ib: -1 });
  }
  for (let j = b0; j < b1; j++) {
    const e = seen.get(st.kb[j]);
    if (e) {
      e.cb++;
      e.ib = j;
    }
  }
  const pairs: [number, number][] = [];
  for (const e of seen.values()) if (e.ca === 1 && e.cb === 1) pairs.push([e.ia, e.ib]);
  pairs.sort((x, y) => x[0] - y[0]);
  // Longest increasing subsequence on the B positions.
  const tails: number[] = [];
  const prev = new Int32Array(pairs.length).fill(-1);
  for (let k = 0; k < pairs.length; k++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[tails[mid]][1] < pairs[k][1]) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[k] = tails[lo - 1];
    tails[lo] = k;
  }
  const chain: [number, number][] = [];
  for (let k = tails.length ? tails[tails.length - 1] : -1; k >= 0; k = prev[k]) chain.push(pairs[k]);
  return chain.reverse();
}

/**
 * Align two token stretches: common prefix and suffix first (free); a short middle by Myers; a
 * long one split at patience anchors and each piece aligned the same way. What neither can
 * align within the budget is marked changed whole.
 */
function align(st: AlignState, a0: number, a1: number, b0: number, b1: number): void {
  const { ka, kb, ops } = st;
  let p = 0;
  while (a0 + p < a1 && b0 + p < b1 && ka[a0 + p] === kb[b0 + p]) p++;
  let s = 0;
  while (a1 - s > a0 + p && b1 - s > b0 + p && ka[a1 - 1 - s] === kb[b1 - 1 - s]) s++;
  if (p) ops.push({ kind: 'same', a0, a1: a0 + p, b0, b1: b0 + p });
  const ma0 = a0 + p;
  const ma1 = a1 - s;
  const mb0 = b0 + p;
  const mb1 = b1 - s;
  const n = ma1 - ma0;
  const m = mb1 - mb0;
  if (n > 0 && m > 0) {
    let done = n + m <= SMALL_STRETCH && myers(st, ma0, ma1, mb0, mb1);
    if (!done) {
      const anchors = uniqueAnchors(st, ma0, ma1, mb0, mb1);
      if (anchors.length > 0) {
        let i = ma0;
        let j = mb0;
        for (const [ia, ib] of anchors) {
          align(st, i, ia, j, ib);
          ops.push({ kind: 'same', a0: ia, a1: ia + 1, b0: ib, b1: ib + 1 });
          i = ia + 1;
          j = ib + 1;
        }
        align(st, i, ma1, j, mb1);
        done = true;
      } else if (n + m > SMALL_STRETCH) done = myers(st, ma0, ma1, mb0, mb1);
    }
    if (!done) {
      st.coarse = true;
      ops.push({ kind: 'a', a0: ma0, a1: ma1, b0: mb0, b1: mb0 });
      ops.push({ kind: 'b', a0: ma1, a1: ma1, b0: mb0, b1: mb1 });
    }
  } else if (n > 0) ops.push({ kind: 'a', a0: ma0, a1: ma1, b0: mb0, b1: mb0 });
  else if (m > 0) ops.push({ kind: 'b', a0: ma0, a1: ma0, b0: mb0, b1: mb1 });
  if (s) ops.push({ kind: 'same', a0: a1 - s, a1, b0: b1 - s, b1 });
}

/**
 * Readability: a common run of one or two tokens ("the", a comma) between two changes, where
 * the changes around it are longer, is shown as part of the change rather than as an island.
 */
function absorbIslands(ops: Op[]): Op[] {
  const out: Op[] = [];
  for (let k = 0; k < ops.length; k++) {
    const o = ops[k];
    const prev = out.at(-1);
    if (prev && prev.kind === o.kind) {
      prev.a1 = o.a1;
      prev.b1 = o.b1;
      continue;
    }
    out.push({ ...o });
  }
  const size = (o: Op | undefined) => (o && o.kind !== 'same' ? o.a1 - o.a0 + o.b1 - o.b0 : 0);
  const result: Op[] = [];
  for (let k = 0; k < out.length; k++) {
    const o = out[k];
    const len = o.a1 - o.a0;
    if (o.kind === 'same' && len <= 2 && k > 0 && k + 1 < out.length) {
      const before = size(out[k - 1]) + size(out[k - 2]?.kind === 'same' ? undefined : out[k - 2]);
      const after = size(out[k + 1]) + size(out[k + 2]?.kind === 'same' ? undefined : out[k + 2]);
      if (before >= 2 * len && after >= 2 * len) {
        result.push({ kind: 'a', a0: o.a0, a1: o.a1, b0: o.b0, b1: o.b0 }, { kind: 'b', a0: o.a1, a1: o.a1, b0: o.b0, b1: o.b1 });
        continue;
      }
    }
    result.push(o);
  }
  return result;
}

/** Total time the comparison may take before what is left is marked coarsely. */
const DEFAULT_DEADLINE_MS = 4000;

export function wordDiff(a: CompareSide, b: CompareSide, opts: { deadlineMs?: number } = {}): WordDiff {
  const started = performance.now();
  const ta = tokenize(a);
  const tb = tokenize(b);
  const st: AlignState = { ka: ta.keys, kb: tb.keys, ops: [], deadline: started + (opts.deadlineMs ?? DEFAULT_DEADLINE_MS), coarse: false };
  align(st, 0, ta.keys.length, 0, tb.keys.length);
  return collect(a, b, ta, tb, absorbIslands(st.ops), st.coarse, started);
}

/** Turn the token alignment into marks, hunks, anchors and figures. */
function collect(a: CompareSide, b: CompareSide, ta: Tokens, tb: Tokens, ops: Op[], coarse: boolean, started: number): WordDiff {
  const marksA: number[] = [];
  const marksB: number[] = [];
  const hunks: number[] = [];
  const gapsA: number[] = [];
  const gapsB: number[] = [];
  const anchors: number[] = [0, 0];
  let common = 0;

  /**
   * Marks for tokens [from, to) of one side: one run per stretch of tokens with only spaces
   * between (not line breaks: a mark never crosses a paragraph, so paragraphs stay paragraphs).
   */
  const mark = (t: Tokens, text: string, from: number, to: number, hunk: number, out: number[]) => {
    let runStart = -1;
    for (let i = from; i < to; i++) {
      if (runStart < 0) runStart = t.start[i];
      const joined = i + 1 < to && t.start[i + 1] >= t.end[i] && /^[^\S\n]*$/.test(text.slice(t.end[i], t.start[i + 1]));
      if (!joined) {
        out.push(runStart, t.end[i], hunk);
        runStart = -1;
      }
    }
  };
  const posA = (i: number) => (i < ta.keys.length ? ta.start[i] : i > 0 ? ta.end[i - 1] : 0);
  const posB = (j: number) => (j < tb.keys.length ? tb.start[j] : j > 0 ? tb.end[j - 1] : 0);
  /** Where a hunk with no tokens on a side sits on that side: just after the last common token. */
  const afterA = (i: number) => (i > 0 ? ta.end[i - 1] : posA(0));
  const afterB = (j: number) => (j > 0 ? tb.end[j - 1] : posB(0));

  let k = 0;
  while (k < ops.length) {
    const op = ops[k];
    if (op.kind === 'same') {
      if (op.a1 > op.a0) {
        for (let i = op.a0; i < op.a1; i++) common += ta.isWord[i];
        anchors.push(ta.start[op.a0], tb.start[op.b0], ta.end[op.a1 - 1], tb.end[op.b1 - 1]);
      }
      k++;
      continue;
    }
    // A hunk: every consecutive change up to the next common run.
    let a0 = Number.POSITIVE_INFINITY;
    let a1 = -1;
    let b0 = Number.POSITIVE_INFINITY;
    let b1 = -1;
    const first = op;
    for (; k < ops.length && ops[k].kind !== 'same'; k++) {
      const o = ops[k];
      if (o.a1 > o.a0) {
        a0 = Math.min(a0, o.a0);
        a1 = Math.max(a1, o.a1);
      }
      if (o.b1 > o.b0) {
        b0 = Math.min(b0, o.b0);
        b1 = Math.max(b1, o.b1);
      }
    }
    const hunk = hunks.length / 2;
    if (a1 > a0) mark(ta, a.text, a0, a1, hunk, marksA);
    else gapsA.push(afterA(first.a0), hunk);
    if (b1 > b0) mark(tb, b.text, b0, b1, hunk, marksB);
    else gapsB.push(afterB(first.b0), hunk);
    hunks.push(a1 > a0 ? ta.start[a0] : afterA(first.a0), b1 > b0 ? tb.start[b0] : afterB(first.b0));
  }
  anchors.push(a.text.length, b.text.length);

  const setOf = (t: Tokens) => {
    const s = new Set<string>();
    for (let i = 0; i < t.keys.length; i++) if (t.isWord[i]) s.add(t.keys[i].toLowerCase());
    return s;
  };
  const wa = setOf(ta);
  const wb = setOf(tb);
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  const union = wa.size + wb.size - shared;
  const total = ta.words + tb.words;
  return {
    marksA: Int32Array.from(marksA),
    marksB: Int32Array.from(marksB),
    gapsA: Int32Array.from(gapsA),
    gapsB: Int32Array.from(gapsB),
    hunks: Int32Array.from(hunks),
    anchors: Int32Array.from(anchors),
    stats: {
      wordsA: ta.words,
      wordsB: tb.words,
      commonWords: common,
      ratio: total === 0 ? 1 : (2 * common) / total,
      jaccard: union === 0 ? 1 : shared / union,
      coarse,
      elapsedMs: Math.round(performance.now() - started),
    },
  };
}

/** A comparison asked of diff-worker.ts, and its answer. */
export interface DiffRequest {
  id: number;
  a: CompareSide;
  b: CompareSide;
}
export type DiffResponse = { id: number; diff: WordDiff } | { id: number; error: string };
