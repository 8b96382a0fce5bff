/**
 * Views derived from the immutable text plus its marked ranges: what search indexes, what the
 * reader paints, and the hash that finds exact duplicates. None of these is stored as the truth;
 * they can always be rebuilt from (text, ranges).
 */
import { createHash } from 'node:crypto';
import type { TextRange, TextRangeKind } from '../../../../shared/model/document';

export type SegmentKind = 'text' | 'boilerplate' | 'repeat';

export interface DisplaySegment {
  start: number;
  end: number;
  kind: SegmentKind;
  /** The winning range's label, for a tooltip ("why is this dimmed"). Absent on text. */
  label?: string;
  /** Show a space after this segment (display only: the text has none here). */
  glueAfter?: boolean;
}

/** One run of the searchable text and the original offset it starts at. */
export interface SearchablePiece {
  /** Offset in the searchable text. */
  at: number;
  /** Offset in the original text where this piece is copied from; -1 for an inserted separator. */
  from: number;
  length: number;
}

export interface Searchable {
  text: string;
  pieces: SearchablePiece[];
}

const PRIORITY: Record<TextRangeKind, number> = { glue: 0, repeat: 1, boilerplate: 2 };
const WORD_CHAR = /[\p{L}\p{N}]/u;

function hiddenIntervals(ranges: readonly TextRange[]): { start: number; end: number }[] {
  const sorted = ranges
    .filter((r) => r.kind !== 'glue' && r.end > r.start)
    .map((r) => ({ start: r.start, end: r.end }))
    .sort((a, b) => a.start - b.start);
  const out: { start: number; end: number }[] = [];
  for (const r of sorted) {
    const last = out.at(-1);
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push(r);
  }
  return out;
}

/**
 * The searchable text with a map back to original offsets, so a search hit can become an evidence
 * span on the real text. Hidden ranges become one separator ("\n" if they spanned a line break,
 * else " ") so the words on either side never join; glue points get a space.
 */
export function buildSearchable(text: string, ranges: readonly TextRange[]): Searchable {
  const hidden = hiddenIntervals(ranges);
  const glue = ranges
    .filter((r) => r.kind === 'glue')
    .map((r) => r.start)
    .sort((a, b) => a - b);
  const parts: string[] = [];
  const pieces: SearchablePiece[] = [];
  let at = 0;
  const copy = (from: number, to: number) => {
    if (to <= from) return;
    parts.push(text.slice(from, to));
    pieces.push({ at, from, length: to - from });
    at += to - from;
  };
  const separator = (s: string) => {
    parts.push(s);
    pieces.push({ at, from: -1, length: s.length });
    at += s.length;
  };

  let pos = 0;
  let g = 0;
  const copyWithGlue = (to: number) => {
    while (g < glue.length && glue[g] <= to) {
      const point = glue[g++];
      if (point < pos || point <= 0 || point >= text.length) continue;
      copy(pos, point);
      separator(' ');
      pos = point;
    }
    copy(pos, to);
    pos = to;
  };
  for (const h of hidden) {
    copyWithGlue(h.start);
    separator(text.slice(h.start, h.end).includes('\n') ? '\n' : ' ');
    pos = h.end;
    // Glue points inside a hidden range are moot: the separator already splits.
    while (g < glue.length && glue[g] <= h.end) g++;
  }
  copyWithGlue(text.length);
  return { text: parts.join(''), pieces };
}

/** The text full-text search and snippets see: hidden ranges dropped, glue points spaced. */
export function searchableText(text: string, ranges: readonly TextRange[]): string {
  return buildSearchable(text, ranges).text;
}

/**
 * Original offset of a searchable-text offset (binary search over pieces). An offset inside an
 * inserted separator maps to the original offset where the next copied piece starts.
 */
export function toOriginalOffset(searchable: Searchable, offset: number): number {
  const { pieces } = searchable;
  let lo = 0;
  let hi = pieces.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (pieces[mid].at <= offset) lo = mid;
    else hi = mid - 1;
  }
  const p = pieces[lo];
  if (!p) return 0;
  if (p.from >= 0) return p.from + Math.min(offset - p.at, p.length);
  for (let i = lo + 1; i < pieces.length; i++) if (pieces[i].from >= 0) return pieces[i].from;
  for (let i = lo - 1; i >= 0; i--) if (pieces[i].from >= 0) return pieces[i].from + pieces[i].length;
  return 0;
}

/**
 * Ordered segments covering the whole text exactly once. Where ranges overlap, boilerplate wins
 * over repeat. A segment ends at every glue point (glueAfter) and at every change of kind or label.
 * Where a dimmed segment meets text between two word characters ("chief|Defense"), glueAfter is
 * set too: once dimmed, the two words would otherwise read as one.
 */
export function displaySegments(text: string, ranges: readonly TextRange[]): DisplaySegment[] {
  const n = text.length;
  if (n === 0) return [];
  const marked = ranges.filter((r) => r.kind !== 'glue' && r.end > r.start && r.start < n);
  const gluePoints = new Set(ranges.filter((r) => r.kind === 'glue' && r.start > 0 && r.start < n).map((r) => r.start));

  const cuts = new Set<number>([0, n, ...gluePoints]);
  for (const r of marked) {
    cuts.add(Math.max(0, r.start));
    cuts.add(Math.min(n, r.end));
  }
  const bounds = [...cuts].sort((a, b) => a - b);

  // Sweep: ranges sorted by start enter the active list as the sweep passes them.
  const byStart = [...marked].sort((a, b) => a.start - b.start);
  let next = 0;
  let active: TextRange[] = [];
  const out: DisplaySegment[] = [];
  for (let b = 0; b + 1 < bounds.length; b++) {
    const start = bounds[b];
    const end = bounds[b + 1];
    while (next < byStart.length && byStart[next].start <= start) active.push(byStart[next++]);
    active = active.filter((r) => r.end > start);
    let win: TextRange | undefined;
    for (const r of active) {
      if (!win || PRIORITY[r.kind] > PRIORITY[win.kind] || (r.kind === win.kind && r.start < win.start)) win = r;
    }
    const kind: SegmentKind = !win ? 'text' : win.kind === 'boilerplate' ? 'boilerplate' : 'repeat';
    const label = win?.label;
    const last = out.at(-1);
    if (last && last.kind === kind && last.label === label && !gluePoints.has(start)) last.end = end;
    else out.push(label === undefined ? { start, end, kind } : { start, end, kind, label });
  }

  for (let i = 0; i < out.length; i++) {
    const seg = out[i];
    const nextSeg = out[i + 1];
    const wordJoin =
      nextSeg !== undefined &&
      nextSeg.kind !== seg.kind &&
      WORD_CHAR.test(text[seg.end - 1]) &&
      WORD_CHAR.test(text[seg.end]);
    if (gluePoints.has(seg.end) || wordJoin) seg.glueAfter = true;
  }
  return out;
}

/**
 * SHA-256 (hex) of the searchable text, lower-cased with whitespace runs collapsed: equal for two
 * documents that differ only in boilerplate, repeats, glue or spacing.
 */
export function cleanHash(text: string, ranges: readonly TextRange[]): string {
  const normal = searchableText(text, ranges).toLowerCase().replace(/\s+/gu, ' ').trim();
  return createHash('sha256').update(normal, 'utf8').digest('hex');
}
