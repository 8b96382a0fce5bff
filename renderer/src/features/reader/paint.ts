import type { TextRange } from '../../../../shared/model/document';
import type { TextHit } from '../../../../shared/model/library';
import { type DisplaySegment, displaySegments } from '../../../../shared/text/segments';

/** A run of one segment: plain text, a search hit, or a paragraph break shown at a fixed height. */
export interface PaintRun {
  start: number;
  end: number;
  kind: 'text' | 'hit' | 'break';
}

export interface PaintedSegment extends DisplaySegment {
  runs: PaintRun[];
}

/** Two or more line breaks (with any blanks between): shown as one empty line, whatever their number. */
const PARAGRAPH_BREAK = /[ \t]*\n(?:[ \t]*\n)+[ \t]*/g;

function mergeHits(hits: readonly TextHit[]): TextHit[] {
  const sorted = hits.filter((h) => h.end > h.start).sort((a, b) => a.start - b.start);
  const out: TextHit[] = [];
  for (const h of sorted) {
    const last = out.at(-1);
    if (last && h.start <= last.end) last.end = Math.max(last.end, h.end);
    else out.push({ ...h });
  }
  return out;
}

/**
 * What the reader draws: the text's display segments (boilerplate and repeats marked, glue
 * points spaced), each cut into runs at search hits and paragraph breaks. Offsets stay those of
 * the original text, so a selection can always be mapped back to a span.
 */
export function paint(text: string, ranges: readonly TextRange[], hits: readonly TextHit[] = []): PaintedSegment[] {
  const merged = mergeHits(hits);
  let h = 0;
  return displaySegments(text, ranges).map((seg) => {
    const runs: PaintRun[] = [];
    const plain = (from: number, to: number) => {
      PARAGRAPH_BREAK.lastIndex = 0;
      const slice = text.slice(from, to);
      let at = 0;
      for (let m = PARAGRAPH_BREAK.exec(slice); m; m = PARAGRAPH_BREAK.exec(slice)) {
        if (m.index > at) runs.push({ start: from + at, end: from + m.index, kind: 'text' });
        runs.push({ start: from + m.index, end: from + m.index + m[0].length, kind: 'break' });
        at = m.index + m[0].length;
      }
      if (at < slice.length) runs.push({ start: from + at, end: to, kind: 'text' });
    };
    let pos = seg.start;
    while (h < merged.length && merged[h].end <= seg.start) h++;
    for (let k = h; k < merged.length && merged[k].start < seg.end; k++) {
      const s = Math.max(seg.start, merged[k].start);
      const e = Math.min(seg.end, merged[k].end);
      if (s > pos) plain(pos, s);
      runs.push({ start: s, end: e, kind: 'hit' });
      pos = e;
    }
    if (pos < seg.end) plain(pos, seg.end);
    return { ...seg, runs };
  });
}
