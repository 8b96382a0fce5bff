/**
 * Passages a scraper captured twice inside one article (a paragraph repeated after a glued
 * block, a heading printed twice). The later copy is marked `repeat` with the offset of the first
 * copy in its label, so a reader can jump to it and search counts it once.
 *
 * Units are sentences and lines (see sentences.ts). A unit starts a repeat only if it is long
 * enough to be a real sentence (short phrases like "he said." recur naturally); once a repeat is
 * running, it extends over following units, short or long, as long as they continue the original.
 * Everything is one pass with a hash map: linear in the text.
 */
import type { TextRange } from '../../../../shared/model/document';
import { findGlue } from './glue';
import { sentenceSpans } from './sentences';
import { isBlank, nonBlankLines, type Span } from './text-lines';

/** Shorter units never start a repeat: common phrases recur in honest prose. */
export const MIN_REPEAT_CHARS = 30;
/** Headings glued to the next paragraph are searched with indexOf: bound how many. */
const MAX_HEADINGS = 50;
const MAX_HEADING_CHARS = 300;
const WS_RUN = /\s+/gu;
const UPPER = /\p{Lu}/u;

function unitKey(text: string, s: Span): string {
  return text.slice(s.start, s.end).toLowerCase().replace(WS_RUN, ' ');
}

/** Sorted, merged intervals of the non-empty ranges to leave alone. */
function mergeIntervals(ranges: readonly TextRange[]): Span[] {
  const sorted = ranges.filter((r) => r.end > r.start).sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const r of sorted) {
    const last = out.at(-1);
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ start: r.start, end: r.end });
  }
  return out;
}

/** Pointer walk: units come in text order, so each interval is passed once. */
class IntervalCursor {
  private i = 0;
  constructor(private readonly spans: readonly Span[]) {}
  covers(s: Span): boolean {
    while (this.i < this.spans.length && this.spans[this.i].end <= s.start) this.i++;
    const cur = this.spans[this.i];
    return cur !== undefined && cur.start <= s.start && cur.end >= s.end;
  }
}

function overlapsAny(spans: readonly Span[], start: number, end: number): boolean {
  return spans.some((s) => s.start < end && s.end > start);
}

/**
 * A heading line that reappears glued to the start of a later paragraph:
 * "Defense chief" + "Defense Minister Hatami says ..." → "... Defense chiefDefense Minister ...".
 * Only the glued form counts (uppercase right after the copy), because a paragraph that merely
 * begins with the heading's words ("Iraq and Somalia sign ..." then "Iraq and Somalia sign a deal
 * on Tuesday") is honest prose.
 */
function gluedHeadingRepeats(text: string, taken: Span[], out: TextRange[]): void {
  const seen = new Set<string>();
  let searched = 0;
  for (const line of nonBlankLines(text)) {
    const len = line.end - line.start;
    if (len < MIN_REPEAT_CHARS || len > MAX_HEADING_CHARS) continue;
    const heading = text.slice(line.start, line.end);
    if (seen.has(heading)) continue;
    seen.add(heading);
    if (++searched > MAX_HEADINGS) break;
    for (let p = text.indexOf(heading, line.end); p !== -1; p = text.indexOf(heading, p + len)) {
      const after = text[p + len];
      const atLineStart = isBlank(text, text.lastIndexOf('\n', p - 1) + 1, p);
      if (!atLineStart || after === undefined || !UPPER.test(after)) continue;
      if (overlapsAny(taken, p, p + len)) continue;
      out.push({ kind: 'repeat', start: p, end: p + len, label: `repeat-of:${line.start}` });
      taken.push({ start: p, end: p + len });
    }
  }
}

/**
 * Later copies of repeated sentences, lines and paragraphs, as `repeat` ranges labelled
 * `repeat-of:<start of the first copy>`, sorted. Units wholly inside `exclude` (e.g. boilerplate)
 * are ignored, and a repeat never runs across them.
 */
export function findRepeats(text: string, exclude: readonly TextRange[] = []): TextRange[] {
  const skip = new IntervalCursor(mergeIntervals(exclude));
  const glue = findGlue(text).map((g) => g.start);
  const units = sentenceSpans(text, glue).filter((u) => !skip.covers(u));
  const keys = units.map((u) => unitKey(text, u));
  const first = new Map<string, number>();
  const out: TextRange[] = [];

  // The running repeat: units [runFrom, runTo] copy the original starting at unit `origFrom`;
  // `origNext` is the original unit the next copy unit must equal.
  let runFrom = -1;
  let runTo = -1;
  let origFrom = -1;
  let origNext = -1;
  const closeRun = () => {
    if (runFrom === -1) return;
    out.push({
      kind: 'repeat',
      start: units[runFrom].start,
      end: units[runTo].end,
      label: `repeat-of:${units[origFrom].start}`,
    });
    runFrom = -1;
  };

  for (let i = 0; i < units.length; i++) {
    const key = keys[i];
    if (
      runFrom !== -1 &&
      origNext < runFrom &&
      keys[origNext] === key &&
      isBlank(text, units[i - 1].end, units[i].start) &&
      isBlank(text, units[origNext - 1].end, units[origNext].start)
    ) {
      runTo = i;
      origNext++;
      continue;
    }
    closeRun();
    const k = first.get(key);
    if (k === undefined) first.set(key, i);
    else if (key.length >= MIN_REPEAT_CHARS) {
      runFrom = i;
      runTo = i;
      origFrom = k;
      origNext = k + 1;
    }
  }
  closeRun();

  const taken: Span[] = [...out, ...mergeIntervals(exclude)];
  gluedHeadingRepeats(text, taken, out);
  return out.sort((a, b) => a.start - b.start);
}
