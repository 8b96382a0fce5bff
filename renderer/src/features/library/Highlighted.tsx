import { Fragment, memo } from 'react';
import { HIGHLIGHT_CLOSE, HIGHLIGHT_OPEN } from '../../../../shared/model/library';

/** Split a string marked with HIGHLIGHT_OPEN ... HIGHLIGHT_CLOSE into plain and matched runs. */
export function splitHighlights(marked: string): { text: string; hit: boolean }[] {
  const out: { text: string; hit: boolean }[] = [];
  let hit = false;
  let run = '';
  for (const ch of marked) {
    if (ch === HIGHLIGHT_OPEN || ch === HIGHLIGHT_CLOSE) {
      if (run) out.push({ text: run, hit });
      run = '';
      hit = ch === HIGHLIGHT_OPEN;
    } else run += ch;
  }
  if (run) out.push({ text: run, hit });
  return out;
}

/**
 * A snippet starting near its first match: FTS5 may open a snippet well before it, and a one-line
 * cell would then cut the match off.
 */
export function focusSnippet(marked: string, leadChars = 60): string {
  const at = marked.indexOf(HIGHLIGHT_OPEN);
  if (at <= leadChars) return marked;
  const space = marked.indexOf(' ', at - leadChars);
  const from = space >= 0 && space < at ? space + 1 : at - leadChars;
  return `…${marked.slice(from)}`;
}

/** Text with search matches as <mark>: React text nodes only, never innerHTML. */
export const Highlighted = memo(function Highlighted({ marked }: { marked: string }) {
  return (
    <>
      {splitHighlights(marked).map((p, i) =>
        p.hit ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: runs of one fixed string, never reordered
          <mark key={i} className="hit">
            {p.text}
          </mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: runs of one fixed string, never reordered
          <Fragment key={i}>{p.text}</Fragment>
        ),
      )}
    </>
  );
});
