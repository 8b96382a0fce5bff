import { useCallback, useEffect, useRef, useState } from 'react';
import { useDocument } from '../reader/use-document';
import { ComparePane } from './ComparePane';
import { mapOffset, offsetAtY, yOfOffset } from './sync-scroll';
import { useWordDiff } from './use-word-diff';
import type { DiffStats, WordDiff } from './word-diff';

interface Props {
  a: string;
  b: string;
  onBack: () => void;
  onSwap: () => void;
  /** Read one of the two in the reader. */
  onOpen: (id: string) => void;
}

/**
 * Below this similarity nearly every word is marked: the marks are drawn fainter, since they then
 * say "different text" rather than point at a change.
 */
const DISTANT_RATIO = 0.3;

/** Where in a pane the two texts are lined up: a third of the way down, where the eye reads. */
const READING_LINE = 1 / 3;

export function formatSimilarity(ratio: number): string {
  if (ratio >= 1) return '100%';
  if (ratio > 0 && ratio < 0.005) return '<1%';
  // 99.6% is not 100%: near-duplicates deserve the decimal.
  if (ratio >= 0.99) return `${(Math.floor(ratio * 1000) / 10).toFixed(1)}%`;
  return `${Math.round(ratio * 100)}%`;
}

function Figure({ stats, hunks }: { stats: DiffStats; hunks: number }) {
  const explain = `${stats.commonWords.toLocaleString()} words appear in both, in the same order, out of ${stats.wordsA.toLocaleString()} + ${stats.wordsB.toLocaleString()}: similarity = 2 × common ÷ (A + B). Word-set Jaccard (distinct words in both ÷ in either): ${stats.jaccard.toFixed(2)}. Boilerplate and repeated passages are left out.`;
  return (
    <div className="cmp-figure" data-testid="compare-similarity" data-ratio={stats.ratio.toFixed(4)} title={explain}>
      <span className="cmp-figure__value" data-testid="compare-similarity-value">
        {formatSimilarity(stats.ratio)}
      </span>
      <span className="cmp-figure__label">words in common</span>
      <span className="cmp-figure__detail">
        {stats.commonWords.toLocaleString()} in the same order · Jaccard {stats.jaccard.toFixed(2)} · {hunks === 0 ? 'no differences' : `${hunks.toLocaleString()} ${hunks === 1 ? 'difference' : 'differences'}`}
        {stats.ratio < DISTANT_RATIO && ' · mostly different texts'}
        {stats.coarse && ' · some passages too different to align word by word are marked whole'}
      </span>
    </div>
  );
}

/**
 * Two documents side by side, differences marked word by word (computed in a worker), the two
 * texts scrolling together: whichever pane scrolls, the other brings the corresponding passage to
 * the same height, through the alignment's anchors. Keys: j/k (or n/p) next/previous difference,
 * s swap sides, Esc back.
 */
export function CompareView({ a, b, onBack, onSwap, onOpen }: Props) {
  const A = useDocument(a, '');
  const B = useDocument(b, '');
  const { diff, error } = useWordDiff(A.doc, B.doc);
  const refA = useRef<HTMLDivElement>(null);
  const refB = useRef<HTMLDivElement>(null);
  const [sync, setSync] = useState(true);
  const [current, setCurrent] = useState(-1);
  const hunkCount = diff ? diff.hunks.length / 2 : 0;

  // Scroll positions this view set itself: their scroll events must not be followed back.
  const expected = useRef(new Map<HTMLElement, number>());
  const state = useRef<{ diff: WordDiff | null; sync: boolean; lengths: [number, number] }>({ diff: null, sync: true, lengths: [0, 0] });
  state.current = { diff, sync, lengths: [A.doc?.text.length ?? 0, B.doc?.text.length ?? 0] };

  const setTop = useCallback((el: HTMLElement, top: number) => {
    const clamped = Math.max(0, Math.min(el.scrollHeight - el.clientHeight, top));
    if (Math.abs(el.scrollTop - clamped) < 1) return;
    el.scrollTop = clamped;
    expected.current.set(el, el.scrollTop);
  }, []);

  const bothLoaded = Boolean(A.doc && B.doc);
  useEffect(() => {
    const ea = refA.current;
    const eb = refB.current;
    if (!bothLoaded || !ea || !eb) return;
    const follow = (from: HTMLElement, to: HTMLElement, side: 'a' | 'b') => {
      const want = expected.current.get(from);
      expected.current.delete(from);
      if (want !== undefined && Math.abs(from.scrollTop - want) < 2) return;
      const { diff, sync, lengths } = state.current;
      if (!sync) return;
      const maxFrom = from.scrollHeight - from.clientHeight;
      if (from.scrollTop <= 0) return setTop(to, 0);
      if (from.scrollTop >= maxFrom - 1) return setTop(to, to.scrollHeight);
      const line = from.clientHeight * READING_LINE;
      const offset = offsetAtY(from, from.scrollTop + line);
      if (offset === null) return;
      const [la, lb] = side === 'a' ? lengths : [lengths[1], lengths[0]];
      // Before the comparison is done, keep the same share of each text in view.
      const mapped = diff ? mapOffset(diff.anchors, offset, side) : (offset / Math.max(1, la)) * lb;
      const y = yOfOffset(to, mapped);
      if (y !== null) setTop(to, y - to.clientHeight * READING_LINE);
    };
    const onA = () => follow(ea, eb, 'a');
    const onB = () => follow(eb, ea, 'b');
    ea.addEventListener('scroll', onA, { passive: true });
    eb.addEventListener('scroll', onB, { passive: true });
    ea.focus({ preventScroll: true });
    return () => {
      ea.removeEventListener('scroll', onA);
      eb.removeEventListener('scroll', onB);
    };
  }, [bothLoaded, setTop]);

  const goTo = useCallback(
    (index: number) => {
      if (!diff || hunkCount === 0) return;
      const k = ((index % hunkCount) + hunkCount) % hunkCount;
      setCurrent(k);
      for (const [el, pos] of [
        [refA.current, diff.hunks[k * 2]],
        [refB.current, diff.hunks[k * 2 + 1]],
      ] as const) {
        if (!el) continue;
        const y = yOfOffset(el, pos);
        if (y !== null) setTop(el, y - el.clientHeight * READING_LINE);
      }
    },
    [diff, hunkCount, setTop],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      const t = e.target as HTMLElement | null;
      if (t?.closest('input, textarea, select, [contenteditable="true"]') || document.querySelector('[role="dialog"][aria-modal="true"]')) return;
      const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
      if (key === 'Escape') {
        e.preventDefault();
        onBack();
      } else if (key === 'j' || key === 'n') {
        e.preventDefault();
        goTo(current + 1);
      } else if (key === 'k' || key === 'p') {
        e.preventDefault();
        goTo(current <= 0 ? hunkCount - 1 : current - 1);
      } else if (key === 's') {
        e.preventDefault();
        onSwap();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onBack, onSwap, goTo, current, hunkCount]);

  const loadError = A.error ?? B.error;
  const ready = Boolean(A.doc && B.doc && diff);
  return (
    <section className={`compare${diff && diff.stats.ratio < DISTANT_RATIO ? ' compare--distant' : ''}`} data-testid="compare" data-state={ready ? 'ready' : error || loadError ? 'error' : 'loading'} aria-label="Compare two documents">
      <header className="compare__bar">
        <button type="button" className="btn btn--ghost btn--small" data-testid="compare-back" onClick={onBack} title="Back (Esc)">
          ← Back
        </button>
        <h1 className="compare__title">Compare</h1>
        {diff ? (
          <Figure stats={diff.stats} hunks={hunkCount} />
        ) : (
          <span className="compare__pending muted" data-testid="compare-pending">
            {error ? '' : 'Comparing…'}
          </span>
        )}
        <span className="compare__spacer" />
        <div className="compare__nav">
          <button type="button" className="btn btn--small" data-testid="compare-prev" onClick={() => goTo(current <= 0 ? hunkCount - 1 : current - 1)} disabled={hunkCount === 0} title="Previous difference (k)">
            ↑ <kbd>k</kbd>
          </button>
          <span className="compare__pos" data-testid="compare-position">
            {hunkCount === 0 ? '' : `${current < 0 ? '–' : (current + 1).toLocaleString()} of ${hunkCount.toLocaleString()}`}
          </span>
          <button type="button" className="btn btn--small" data-testid="compare-next" onClick={() => goTo(current + 1)} disabled={hunkCount === 0} title="Next difference (j)">
            ↓ <kbd>j</kbd>
          </button>
        </div>
        <button type="button" className="btn btn--ghost btn--small" data-testid="compare-swap" onClick={onSwap} title="Swap sides (s)">
          ⇄ Swap
        </button>
        <label className="compare__sync" title="Scroll the two texts together">
          <input type="checkbox" checked={sync} onChange={(e) => setSync(e.target.checked)} data-testid="compare-sync" />
          Scroll together
        </label>
      </header>
      {(error || loadError) && (
        <p className="compare__error form-error" role="alert" data-testid="compare-error">
          {(loadError ?? error)?.message}
        </p>
      )}
      <div className="compare__panes">
        {A.doc ? (
          <ComparePane ref={refA} side="a" doc={A.doc} marks={diff?.marksA ?? null} gaps={diff?.gapsA ?? null} current={current} currentAt={diff && current >= 0 ? diff.hunks[current * 2] : -1} onOpen={onOpen} />
        ) : (
          <div className="cmp-pane" />
        )}
        {B.doc ? (
          <ComparePane ref={refB} side="b" doc={B.doc} marks={diff?.marksB ?? null} gaps={diff?.gapsB ?? null} current={current} currentAt={diff && current >= 0 ? diff.hunks[current * 2 + 1] : -1} onOpen={onOpen} />
        ) : (
          <div className="cmp-pane" />
        )}
      </div>
      <footer className="compare__legend muted">
        <span>
          <mark className="diff diff--a">only in A</mark> <mark className="diff diff--b">only in B</mark>
        </span>
        <span className="passage">Dimmed: boilerplate and repeated passages, left out of the comparison.</span>
      </footer>
    </section>
  );
}
