import { memo, useMemo, useState } from 'react';
import type { TextRange } from '../../../../shared/model/document';
import type { TextHit } from '../../../../shared/model/library';
import { type PaintedSegment, type PaintRun, paint } from './paint';

export function passageTitle(seg: Pick<PaintedSegment, 'kind' | 'label'>): string {
  if (seg.kind === 'boilerplate') return `Boilerplate (${(seg.label ?? '').replace(/-/g, ' ')}): dimmed, left out of search`;
  return 'Repeated passage: the same words appear earlier in this article; dimmed, left out of search';
}

function Runs({ text, runs }: { text: string; runs: PaintRun[] }) {
  return runs.map((r) => {
    const s = text.slice(r.start, r.end);
    if (r.kind === 'hit')
      return (
        <mark key={r.start} className="hit" data-testid="reader-hit">
          {s}
        </mark>
      );
    if (r.kind === 'break')
      return (
        <span key={r.start} className="para-break">
          {'\n\n'}
        </span>
      );
    return s;
  });
}

interface Props {
  text: string;
  ranges: TextRange[];
  hits: TextHit[] | undefined;
  /** Boilerplate and repeats folded to a one-line stub each (a click opens one). */
  collapsed: boolean;
}

/**
 * The article as it reads best: boilerplate and repeated passages dimmed (or folded), glued
 * sentences shown apart, search hits marked. Every piece carries its offsets in the original
 * text (data-start/data-end), which never changes.
 */
export const ArticleText = memo(function ArticleText({ text, ranges, hits, collapsed }: Props) {
  const segments = useMemo(() => paint(text, ranges, hits), [text, ranges, hits]);
  const [opened, setOpened] = useState<Set<number>>(() => new Set());
  return (
    <div className="article-text" data-testid="reader-text">
      {segments.map((seg) => {
        const glue = seg.glueAfter ? (
          <span className="glue" title="Sentences run together in the file; shown apart here">
            {' '}
          </span>
        ) : null;
        if (seg.kind === 'text') {
          return (
            <span key={seg.start} data-start={seg.start} data-end={seg.end}>
              <Runs text={text} runs={seg.runs} />
              {glue}
            </span>
          );
        }
        if (collapsed && !opened.has(seg.start)) {
          return (
            <span key={seg.start} data-start={seg.start} data-end={seg.end}>
              <button type="button" className={`passage-stub passage-stub--${seg.kind}`} data-testid="collapsed-passage" title={passageTitle(seg)} onClick={() => setOpened(new Set(opened).add(seg.start))}>
                {seg.kind === 'boilerplate' ? 'boilerplate' : 'repeat'} · {(seg.end - seg.start).toLocaleString()} characters
              </button>
              {glue}
            </span>
          );
        }
        return (
          <span key={seg.start} className={`passage passage--${seg.kind}`} data-testid={`passage-${seg.kind}`} data-start={seg.start} data-end={seg.end} title={passageTitle(seg)}>
            <Runs text={text} runs={seg.runs} />
            {glue}
          </span>
        );
      })}
    </div>
  );
});
