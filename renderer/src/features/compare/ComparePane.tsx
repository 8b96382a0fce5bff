import { forwardRef, memo, useEffect, useMemo, useState } from 'react';
import type { DocumentDetail, TextHit } from '../../../../shared/model/library';
import { lastAtOrBefore } from '../../../../shared/text/sorted';
import { passageTitle } from '../reader/ArticleText';
import { type Chunk, chunkText } from './chunks';

export type Side = 'a' | 'b';

/** Blocks mounted at once, then per frame: a 100,000-character article mounts in a few frames. */
const FIRST_BLOCKS = 12;
const BLOCKS_PER_FRAME = 16;

/** The hunk of the mark starting at or before `start` (marks are [start, end, hunk] triples, in order). */
function hunkAt(marks: Int32Array, start: number): number {
  return marks[lastAtOrBefore(marks.length / 3, (i) => marks[i * 3], start) * 3 + 2];
}

/** The hunks marked inside [start, end): [first, last], or [-1, -2] for none. */
function hunksIn(marks: Int32Array | null, start: number, end: number): [number, number] {
  if (!marks || marks.length === 0) return [-1, -2];
  let lo = 0;
  let hi = marks.length / 3;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (marks[mid * 3 + 1] <= start) lo = mid + 1;
    else hi = mid;
  }
  if (lo >= marks.length / 3 || marks[lo * 3] >= end) return [-1, -2];
  let last = lo;
  while (last + 1 < marks.length / 3 && marks[(last + 1) * 3] < end) last++;
  return [marks[lo * 3 + 2], marks[last * 3 + 2]];
}

/** A caret where the other text has words this one lacks. */
function Gap({ side, hunk, current }: { side: Side; hunk: number; current: number }) {
  return <span className={`diff-gap diff-gap--${side}${hunk === current ? ' diff-gap--current' : ''}`} data-hunk={hunk} data-testid="diff-gap" title={`Words only in ${side === 'a' ? 'B' : 'A'} go here`} />;
}

/** Text with the gap carets that fall in [from, to) put in place. */
function withGaps(text: string, from: number, to: number, gaps: Int32Array | null, side: Side, current: number, last: boolean) {
  if (!gaps || gaps.length === 0) return text.slice(from, to);
  const out: (string | ReturnType<typeof Gap>)[] = [];
  let at = from;
  for (let i = 0; i < gaps.length; i += 2) {
    const g = gaps[i];
    if (g < from || g > to || (g === to && !last)) continue;
    if (g > at) out.push(text.slice(at, g));
    out.push(<Gap key={`gap-${g}-${gaps[i + 1]}`} side={side} hunk={gaps[i + 1]} current={current} />);
    at = g;
  }
  if (out.length === 0) return text.slice(from, to);
  if (to > at) out.push(text.slice(at, to));
  return out;
}

interface BlockProps {
  chunk: Chunk;
  text: string;
  side: Side;
  marks: Int32Array | null;
  gaps: Int32Array | null;
  current: number;
}

/**
 * Blocks out of view are not laid out (content-visibility: auto); until a block has been drawn
 * once, the browser takes this guess at its height: lines of about 70 characters of 24 px, and a
 * blank line per paragraph break.
 */
function guessHeight(text: string, chunk: Chunk): number {
  let breaks = 0;
  for (let i = text.indexOf('\n\n', chunk.start); i >= 0 && i < chunk.end; i = text.indexOf('\n\n', i + 2)) breaks++;
  return Math.ceil((chunk.end - chunk.start) / 70) * 24 + breaks * 24;
}

const Block = memo(function Block({ chunk, text, side, marks, gaps, current }: BlockProps) {
  const lastEnd = text.length;
  return (
    <div className="cmp-block" data-chunk="" data-start={chunk.start} data-end={chunk.end} style={{ containIntrinsicSize: `auto ${guessHeight(text, chunk)}px` }}>
      {chunk.pieces.map((p) => {
        const runs = p.runs.map((r) => {
          const s = text.slice(r.start, r.end);
          if (r.kind === 'hit' && marks) {
            const hunk = hunkAt(marks, r.start);
            return (
              <mark key={r.start} className={`diff diff--${side}${hunk === current ? ' diff--current' : ''}`} data-hunk={hunk} data-testid="diff-mark">
                {s}
              </mark>
            );
          }
          if (r.kind === 'break') {
            // A caret just before a paragraph break goes with the break.
            return (
              <span key={r.start} className="para-break">
                {withGaps(text, r.start, r.start, gaps, side, current, true)}
                {'\n\n'}
              </span>
            );
          }
          const plain = withGaps(text, r.start, r.end, gaps, side, current, r.end === lastEnd);
          return typeof plain === 'string' ? plain : <span key={r.start}>{plain}</span>;
        });
        const glue = p.glueAfter ? (
          <span className="glue" title="Sentences run together in the file; shown apart here">
            {' '}
          </span>
        ) : null;
        if (p.kind === 'text') {
          return (
            <span key={p.start}>
              {runs}
              {glue}
            </span>
          );
        }
        return (
          <span key={p.start} className={`passage passage--${p.kind}`} data-testid={`compare-passage-${p.kind}`} title={`${passageTitle(p)}; not compared`}>
            {runs}
            {glue}
          </span>
        );
      })}
    </div>
  );
});

interface Props {
  side: Side;
  doc: DocumentDetail;
  /** This side's changed runs as [start, end, hunk] triples; null until the comparison is done. */
  marks: Int32Array | null;
  /** Where the other side has words this one lacks: [offset, hunk] pairs. */
  gaps: Int32Array | null;
  /** The difference being looked at (outlined), or -1, and where it is on this side. */
  current: number;
  currentAt: number;
  onOpen: (id: string) => void;
}

function Meta({ doc }: { doc: DocumentDetail }) {
  const parts = [doc.outlet, doc.publishedAt?.slice(0, 10), doc.place].filter(Boolean);
  return <span className="cmp-pane__meta">{parts.length ? parts.join(' · ') : 'No outlet, date or place found'}</span>;
}

/**
 * One side of the comparison: the article in blocks (mounted a few per frame), boilerplate and
 * repeats dimmed as in the reader and left out of the comparison, the words only this side has
 * marked. The scroller is the element the ref points to; CompareView keeps the two in step.
 */
export const ComparePane = memo(
  forwardRef<HTMLDivElement, Props>(function ComparePane({ side, doc, marks, gaps, current, currentAt, onOpen }, ref) {
    const hits = useMemo<TextHit[]>(() => {
      if (!marks) return [];
      const out: TextHit[] = [];
      for (let i = 0; i < marks.length; i += 3) out.push({ start: marks[i], end: marks[i + 1] });
      return out;
    }, [marks]);
    const chunks = useMemo(() => chunkText(doc.text, doc.ranges, hits), [doc.text, doc.ranges, hits]);
    const [shown, setShown] = useState(FIRST_BLOCKS);
    useEffect(() => {
      if (shown >= chunks.length) return;
      const frame = requestAnimationFrame(() => setShown((n) => n + BLOCKS_PER_FRAME));
      return () => cancelAnimationFrame(frame);
    }, [shown, chunks.length]);
    const complete = shown >= chunks.length;

    return (
      <section className={`cmp-pane cmp-pane--${side}`} aria-label={side === 'a' ? 'Left document' : 'Right document'} data-testid={`compare-pane-${side}`} data-id={doc.id}>
        <header className="cmp-pane__head">
          <span className={`cmp-pane__side cmp-pane__side--${side}`} aria-hidden="true">
            {side === 'a' ? 'A' : 'B'}
          </span>
          <div className="cmp-pane__titles">
            <h2 className="cmp-pane__title" title={doc.title ?? undefined} data-testid={`compare-title-${side}`}>
              {doc.title ?? 'Untitled'}
            </h2>
            <span className="cmp-pane__sub">
              <Meta doc={doc} />
              <span className="cmp-pane__words">{doc.words.toLocaleString()} words</span>
            </span>
          </div>
          <button type="button" className="btn btn--ghost btn--small" data-testid={`compare-open-${side}`} onClick={() => onOpen(doc.id)} title="Read this article">
            Open
          </button>
        </header>
        <div className="cmp-pane__scroll" ref={ref} data-testid={`compare-scroll-${side}`} data-complete={complete ? 'true' : 'false'} tabIndex={-1}>
          <article className={`cmp-pane__text${doc.excluded ? ' cmp-pane__text--excluded' : ''}`} lang={doc.language ?? undefined} data-testid={`compare-text-${side}`}>
            {chunks.slice(0, shown).map((c) => {
              // Only the blocks holding the current difference re-render when it moves.
              const [first, last] = hunksIn(marks, c.start, c.end);
              const holds = (current >= first && current <= last) || (currentAt >= c.start && (currentAt < c.end || (currentAt === c.end && c.end === doc.text.length)));
              return <Block key={c.start} chunk={c} text={doc.text} side={side} marks={marks} gaps={gaps} current={holds ? current : -1} />;
            })}
          </article>
        </div>
      </section>
    );
  }),
);
