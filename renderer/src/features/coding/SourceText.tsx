import { forwardRef, type KeyboardEvent, type MouseEvent, type ReactNode, useEffect, useImperativeHandle, useMemo, useRef } from 'react';
import type { TextSuggestion } from '../../../../shared/model/actor';
import type { TextRange } from '../../../../shared/model/document';
import { displaySegments } from '../../../../shared/text/segments';
import { lastAtOrBefore } from '../../../../shared/text/sorted';
import { trimSelection } from '../../../../shared/text/spans';

export interface Highlight {
  start: number;
  end: number;
  /** `active`: evidence of the engagement being edited; `other`: of other engagements. */
  tone: 'active' | 'focus' | 'other';
  title: string;
}

export interface SourceTextHandle {
  /** The current selection inside the text as offsets into it, whitespace trimmed; null if none. */
  selection(): { start: number; end: number; quote: string } | null;
  scrollTo(offset: number): void;
}

interface Props {
  text: string;
  ranges: TextRange[];
  highlights: Highlight[];
  /** Where the search the article was opened from matches: underlined over the text, its pieces untouched. */
  searchHits?: { start: number; end: number }[];
  suggestions: TextSuggestion[];
  onSuggestion?: (s: TextSuggestion, anchor: DOMRect) => void;
  showBoilerplate: boolean;
}

/**
 * The article's immutable text, split into pieces at every boundary (boilerplate, repeats,
 * evidence, suggestions). Each piece is one <span data-o=offset> holding exactly the characters
 * [o, o + length) of the text, so a DOM selection maps back to offsets exactly. Display-only
 * spaces at glued sentences are CSS ::after content: never part of the selection.
 */
export const SourceText = forwardRef<SourceTextHandle, Props>(function SourceText({ text, ranges, highlights, searchHits, suggestions, onSuggestion, showBoilerplate }, ref) {
  const root = useRef<HTMLDivElement>(null);

  const pieces = useMemo(() => {
    const segments = displaySegments(text, ranges);
    const cuts = new Set<number>([0, text.length]);
    for (const s of segments) cuts.add(s.start).add(s.end);
    for (const h of highlights) cuts.add(Math.max(0, h.start)).add(Math.min(text.length, h.end));
    for (const s of suggestions) cuts.add(s.start).add(s.end);
    const points = [...cuts].sort((a, b) => a - b);
    const out: { start: number; end: number; kind: string; glueAfter: boolean; label?: string; hl: Highlight[]; sug: TextSuggestion | null }[] = [];
    let si = 0;
    for (let i = 0; i < points.length - 1; i++) {
      const start = points[i];
      const end = points[i + 1];
      if (end <= start) continue;
      while (si < segments.length - 1 && segments[si].end <= start) si++;
      const seg = segments[si];
      out.push({
        start,
        end,
        kind: seg.kind,
        glueAfter: Boolean(seg.glueAfter) && seg.end === end,
        label: seg.label,
        hl: highlights.filter((h) => h.start <= start && h.end >= end),
        sug: suggestions.find((s) => s.start <= start && s.end >= end) ?? null,
      });
    }
    return out;
  }, [text, ranges, highlights, suggestions]);
  useSearchHighlight(root, searchHits, pieces);

  useImperativeHandle(ref, () => ({
    selection() {
      const sel = window.getSelection();
      if (!sel || sel.rangeCount === 0 || sel.isCollapsed || !root.current) return null;
      const offsetOf = (node: Node, offset: number): number | null => {
        const el = (node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element))?.closest<HTMLElement>('[data-o]');
        if (!el || !root.current!.contains(el)) return null;
        const base = Number(el.dataset.o);
        return node.nodeType === Node.TEXT_NODE ? base + offset : base;
      };
      const a = offsetOf(sel.anchorNode!, sel.anchorOffset);
      const b = offsetOf(sel.focusNode!, sel.focusOffset);
      if (a === null || b === null) return null;
      const trimmed = trimSelection(text, a, b);
      return trimmed ? { ...trimmed, quote: text.slice(trimmed.start, trimmed.end) } : null;
    },
    scrollTo(offset) {
      const spans = root.current?.querySelectorAll<HTMLElement>('[data-o]') ?? [];
      for (const s of spans) {
        if (Number(s.dataset.o) >= offset) {
          s.scrollIntoView({ block: 'center', behavior: 'smooth' });
          return;
        }
      }
    },
  }));

  const nodes: ReactNode[] = pieces.map((p) => {
    const classes = ['st-piece'];
    if (p.kind !== 'text') classes.push(`st-${p.kind}`);
    if (p.kind === 'boilerplate' && !showBoilerplate) classes.push('st-hidden');
    if (p.glueAfter) classes.push('st-glue');
    const tone = p.hl.find((h) => h.tone === 'focus') ?? p.hl.find((h) => h.tone === 'active') ?? p.hl[0];
    if (tone) classes.push(`st-ev st-ev--${tone.tone}`);
    if (p.sug) classes.push('st-sug');
    const title = [p.hl.map((h) => h.title).join('\n'), p.kind !== 'text' ? `${p.kind}${p.label ? `: ${p.label}` : ''}` : '', p.sug ? suggestionTitle(p.sug) : ''].filter(Boolean).join('\n');
    return (
      <span
        key={p.start}
        data-o={p.start}
        className={classes.join(' ')}
        title={title || undefined}
        data-testid={p.sug ? 'suggestion' : tone ? 'evidence-mark' : undefined}
        data-suggestion-kind={p.sug?.kind}
        {...(p.sug && onSuggestion
          ? {
              role: 'button',
              tabIndex: 0,
              onClick: (e: MouseEvent<HTMLSpanElement>) => onSuggestion(p.sug!, e.currentTarget.getBoundingClientRect()),
              onKeyDown: (e: KeyboardEvent<HTMLSpanElement>) => {
                if (e.key === 'Enter') onSuggestion(p.sug!, e.currentTarget.getBoundingClientRect());
              },
            }
          : {})}
      >
        {text.slice(p.start, p.end)}
      </span>
    );
  });

  return (
    <div ref={root} className="source-text" data-testid="source-text">
      {nodes}
    </div>
  );
});

export function suggestionTitle(s: TextSuggestion): string {
  switch (s.kind) {
    case 'person-with-title':
      return `Person: ${s.name ?? s.quote}${s.title ? `, ${s.title}` : ''}${s.countryCode ? ` (${s.countryCode})` : ''}`;
    case 'known-actor':
      return `Known actor: ${s.name ?? s.quote}`;
    case 'date':
      return `Date: ${s.date?.value ?? '?'}${s.date?.inferred ? ' (inferred)' : ''}`;
    default:
      return `${s.kind[0].toUpperCase()}${s.kind.slice(1)}: ${s.name ?? s.quote}${s.countryCode ? ` (${s.countryCode})` : ''}`;
  }
}

/** The CSS highlight that underlines search hits (styles.css: ::highlight(search-hits)). */
export const SEARCH_HIGHLIGHT = 'search-hits';

/**
 * Paints the hits with the CSS Custom Highlight API: DOM ranges over the text's pieces, so no
 * piece is cut (evidence and suggestions keep their spans whole, and the selection still maps to
 * offsets through them). Each piece holds exactly the characters [o, o + length).
 */
function useSearchHighlight(root: { current: HTMLDivElement | null }, hits: { start: number; end: number }[] | undefined, pieces: { start: number }[]): void {
  // Again whenever the pieces change: their text nodes are new then.
  useEffect(() => {
    const registry = (globalThis as { CSS?: { highlights?: Map<string, unknown> } }).CSS?.highlights;
    const el = root.current;
    if (!registry || !el || !hits || hits.length === 0) return;
    const nodes = [...el.querySelectorAll<HTMLElement>('[data-o]')].map((p) => p.firstChild);
    const at = (offset: number): { node: Node; offset: number } | null => {
      // The last piece starting at or before the offset (pieces are in order).
      const lo = lastAtOrBefore(pieces.length, (i) => pieces[i].start, offset);
      const node = nodes[lo];
      return node ? { node, offset: Math.min(offset - pieces[lo].start, node.textContent?.length ?? 0) } : null;
    };
    const ranges: Range[] = [];
    for (const h of hits) {
      const a = at(h.start);
      const b = at(h.end);
      if (!a || !b) continue;
      const r = document.createRange();
      r.setStart(a.node, a.offset);
      r.setEnd(b.node, b.offset);
      ranges.push(r);
    }
    registry.set(SEARCH_HIGHLIGHT, new (globalThis as unknown as { Highlight: new (...r: Range[]) => unknown }).Highlight(...ranges));
    return () => {
      registry.delete(SEARCH_HIGHLIGHT);
    };
  }, [root, hits, pieces]);
}
