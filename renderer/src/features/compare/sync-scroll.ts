import { lastAtOrBefore } from '../../../../shared/text/sorted';

/**
 * Scroll positions as text offsets and back (and from one text to the other), through the panes' blocks (elements with
 * data-chunk, data-start and data-end, positioned inside the scroller). Within a block the
 * offset is interpolated by height: blocks are a few paragraphs, so it is off by a line or two
 * at most, and exact at every block edge.
 */
function blocks(scroller: HTMLElement): HTMLElement[] {
  return Array.from(scroller.querySelectorAll<HTMLElement>('[data-chunk]'));
}

/** The text offset drawn at `y` (px from the top of the scroller's content), or null before any text. */
export function offsetAtY(scroller: HTMLElement, y: number): number | null {
  const list = blocks(scroller);
  if (list.length === 0) return null;
  const el = list[lastAtOrBefore(list.length, (i) => list[i].offsetTop, y)];
  const start = Number(el.dataset.start);
  const end = Number(el.dataset.end);
  const f = Math.min(1, Math.max(0, (y - el.offsetTop) / Math.max(1, el.offsetHeight)));
  return start + f * (end - start);
}

/** Where (px from the top of the scroller's content) the text offset is drawn, or null when its block is not mounted yet. */
export function yOfOffset(scroller: HTMLElement, offset: number): number | null {
  const list = blocks(scroller);
  if (list.length === 0) return null;
  const el = list[lastAtOrBefore(list.length, (i) => Number(list[i].dataset.start), offset)];
  const start = Number(el.dataset.start);
  const end = Number(el.dataset.end);
  if (offset > end) return null;
  return el.offsetTop + ((offset - start) / Math.max(1, end - start)) * el.offsetHeight;
}

/**
 * The offset on the other side that corresponds to `offset` on side `from`: exact at anchors,
 * interpolated between them (anchors ascend on both sides).
 */
export function mapOffset(anchors: Int32Array, offset: number, from: 'a' | 'b'): number {
  const src = from === 'a' ? 0 : 1;
  const dst = 1 - src;
  const pairs = anchors.length / 2;
  if (pairs === 0) return offset;
  // Last anchor at or before the offset.
  const lo = lastAtOrBefore(pairs, (i) => anchors[i * 2 + src], offset);
  const x0 = anchors[lo * 2 + src];
  const y0 = anchors[lo * 2 + dst];
  if (lo + 1 >= pairs || offset <= x0) return y0 + Math.max(0, offset - x0);
  const x1 = anchors[(lo + 1) * 2 + src];
  const y1 = anchors[(lo + 1) * 2 + dst];
  if (x1 === x0) return y1;
  return Math.round(y0 + ((offset - x0) * (y1 - y0)) / (x1 - x0));
}
