/**
 * How the reader paints a document: its immutable text cut into segments by the marked ranges
 * (boilerplate, repeats, glue points). Pure, so main (import, search) and the renderer (reader)
 * share one definition. electron/services/import/clean/derived.ts re-exports it.
 */
import type { TextRange, TextRangeKind } from '../model/document';

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

const PRIORITY: Record<TextRangeKind, number> = { glue: 0, repeat: 1, boilerplate: 2 };
const WORD_CHAR = /[\p{L}\p{N}]/u;

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
