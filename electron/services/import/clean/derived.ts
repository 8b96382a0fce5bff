/**
 * Views derived from the immutable text plus its marked ranges: what search indexes, what the
 * reader paints, and the hash that finds exact duplicates. None of these is stored as the truth;
 * they can always be rebuilt from (text, ranges).
 */
import { createHash } from 'node:crypto';
import type { TextRange } from '../../../../shared/model/document';
import { lastAtOrBefore } from '../../../../shared/text/sorted';

// The reader's segments are pure and shared with the renderer; they live in shared/text.
export { type DisplaySegment, displaySegments, type SegmentKind } from '../../../../shared/text/segments';

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
  const lo = lastAtOrBefore(pieces.length, (i) => pieces[i].at, offset);
  const p = pieces[lo];
  if (!p) return 0;
  if (p.from >= 0) return p.from + Math.min(offset - p.at, p.length);
  for (let i = lo + 1; i < pieces.length; i++) if (pieces[i].from >= 0) return pieces[i].from;
  for (let i = lo - 1; i >= 0; i--) if (pieces[i].from >= 0) return pieces[i].from + pieces[i].length;
  return 0;
}

/**
 * SHA-256 (hex) of the searchable text, lower-cased with whitespace runs collapsed: equal for two
 * documents that differ only in boilerplate, repeats, glue or spacing.
 */
export function cleanHash(text: string, ranges: readonly TextRange[]): string {
  return cleanHashOfSearchable(searchableText(text, ranges));
}

/** cleanHash for a searchable text already built (the import builds it once per document). */
export function cleanHashOfSearchable(searchable: string): string {
  const normal = searchable.toLowerCase().replace(/\s+/gu, ' ').trim();
  return createHash('sha256').update(normal, 'utf8').digest('hex');
}
