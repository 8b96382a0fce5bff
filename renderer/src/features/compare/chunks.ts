/**
 * A long article cut into blocks for the comparison panes: each block is a few paragraphs, so
 * the panes can mount a text of any length a few blocks per frame (the window keeps answering)
 * and map a scroll position to a text offset through the blocks' data-start/data-end.
 */
import type { TextRange } from '../../../../shared/model/document';
import type { TextHit } from '../../../../shared/model/library';
import type { SegmentKind } from '../../../../shared/text/segments';
import { type PaintRun, paint } from '../reader/paint';

export interface Piece {
  kind: SegmentKind;
  label?: string;
  start: number;
  end: number;
  runs: PaintRun[];
  /** Show a space after this piece (the end of a segment that has glueAfter). */
  glueAfter: boolean;
}

export interface Chunk {
  start: number;
  end: number;
  pieces: Piece[];
}

/** Same as the reader's: two or more line breaks, with blanks between, are one paragraph break. */
const PARAGRAPH_BREAK = /[ \t]*\n(?:[ \t]*\n)+[ \t]*/g;

/**
 * Where blocks end: after the first paragraph break past `targetChars`; in a text with no
 * paragraph breaks for three times that, after a line break. Decided on the text alone, so the
 * blocks stay the same when the differences arrive and nothing jumps.
 */
export function chunkBounds(text: string, targetChars: number): number[] {
  const bounds: number[] = [];
  let from = 0;
  PARAGRAPH_BREAK.lastIndex = 0;
  for (let m = PARAGRAPH_BREAK.exec(text); m; m = PARAGRAPH_BREAK.exec(text)) {
    const end = m.index + m[0].length;
    while (m.index - from > 3 * targetChars) {
      const nl = text.indexOf('\n', from + 2 * targetChars);
      if (nl < 0 || nl >= m.index) break;
      bounds.push(nl + 1);
      from = nl + 1;
    }
    if (end - from >= targetChars && end < text.length) {
      bounds.push(end);
      from = end;
    }
  }
  for (let nl = text.indexOf('\n', from + 2 * targetChars); text.length - from > 3 * targetChars && nl >= 0 && nl + 1 < text.length; nl = text.indexOf('\n', from + 2 * targetChars)) {
    bounds.push(nl + 1);
    from = nl + 1;
  }
  return bounds;
}

/** The painted text (dimmed passages, glue, marks as hits) cut into blocks at chunkBounds. */
export function chunkText(text: string, ranges: readonly TextRange[], marks: readonly TextHit[], targetChars = 900): Chunk[] {
  const bounds = chunkBounds(text, targetChars);
  const chunks: Chunk[] = [];
  let b = 0;
  let current: Chunk = { start: 0, end: 0, pieces: [] };
  const closeChunk = (at: number) => {
    current.end = at;
    if (current.pieces.length) chunks.push(current);
    current = { start: at, end: at, pieces: [] };
  };
  for (const seg of paint(text, ranges, marks)) {
    let piece: Piece | null = null;
    const pieceFor = (start: number): Piece => {
      if (!piece) {
        piece = { kind: seg.kind, ...(seg.label !== undefined ? { label: seg.label } : {}), start, end: start, runs: [], glueAfter: false };
        current.pieces.push(piece);
      }
      return piece;
    };
    for (const run of seg.runs) {
      let start = run.start;
      while (b < bounds.length && bounds[b] <= start) b++;
      while (b < bounds.length && bounds[b] < run.end) {
        const cut = bounds[b];
        if (cut > start) {
          const p = pieceFor(start);
          p.runs.push({ start, end: cut, kind: run.kind });
          p.end = cut;
        }
        piece = null;
        closeChunk(cut);
        start = cut;
        b++;
      }
      const p = pieceFor(start);
      p.runs.push({ start, end: run.end, kind: run.kind });
      p.end = run.end;
      // A run ending exactly on a bound closes its block.
      if (b < bounds.length && bounds[b] === run.end) {
        piece = null;
        closeChunk(run.end);
        b++;
      }
    }
    const last = current.pieces.at(-1);
    if (last && last.end === seg.end && seg.glueAfter) last.glueAfter = true;
  }
  closeChunk(text.length);
  return chunks;
}
