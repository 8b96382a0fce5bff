/**
 * Sentence-ish units for repeat detection. Units only need to be cut the same way every time the
 * same words occur, not to be linguistically right: "the U.S." splitting early is harmless because
 * both copies of a repeated passage split identically.
 */
import type { Span } from './text-lines';
import { trimSpan } from './text-lines';

/** A stop (with closing quotes/brackets) followed by whitespace ends a unit. */
const SENTENCE_END = /[.!?…]+["”’)\]]*(?=\s)/g;

/**
 * Trimmed units of `text`: each line is cut at sentence stops and at the given glue points
 * (sentences glued without a space, from findGlue). Ordered, non-overlapping, never blank.
 */
export function sentenceSpans(text: string, gluePoints: readonly number[] = []): Span[] {
  const cuts: number[] = [];
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(text); m; m = SENTENCE_END.exec(text)) cuts.push(m.index + m[0].length);
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) cuts.push(i);
  for (const g of gluePoints) cuts.push(g);
  cuts.push(text.length);
  cuts.sort((a, b) => a - b);

  const out: Span[] = [];
  let from = 0;
  for (const cut of cuts) {
    if (cut <= from) continue;
    const span = trimSpan(text, from, cut);
    if (span) out.push(span);
    from = cut;
  }
  return out;
}
