/**
 * Evidence spans are offsets into a document's immutable text plus the quote taken when they
 * were made. Before a span is shown it is checked: a span whose quote no longer matches is
 * reported, never silently highlighted somewhere else.
 */
export interface SpanLike {
  start: number;
  end: number;
  quote: string;
}

export type SpanCheck = { ok: true } | { ok: false; reason: string };

export function verifySpan(text: string, span: SpanLike): SpanCheck {
  if (!Number.isInteger(span.start) || !Number.isInteger(span.end) || span.start < 0 || span.end <= span.start) {
    return { ok: false, reason: `the offsets ${span.start}–${span.end} are not a range` };
  }
  if (span.end > text.length) return { ok: false, reason: `it ends at ${span.end}, past the end of the text (${text.length})` };
  const actual = text.slice(span.start, span.end);
  if (actual !== span.quote) return { ok: false, reason: `the text there reads "${actual.slice(0, 60)}", not "${span.quote.slice(0, 60)}"` };
  return { ok: true };
}

/** Trim a selection to its visible words: no leading or trailing whitespace in a quote. */
export function trimSelection(text: string, start: number, end: number): { start: number; end: number } | null {
  let s = Math.max(0, Math.min(start, end));
  let e = Math.min(text.length, Math.max(start, end));
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;
  return e > s ? { start: s, end: e } : null;
}
