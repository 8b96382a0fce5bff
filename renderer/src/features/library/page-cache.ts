import type { ListedDocument } from '../../../../shared/model/library';

/** Rows per page asked of documents.list. */
export const PAGE_ROWS = 100;
/** Pages kept on each side of the pages in view; farther ones are dropped. */
export const KEEP_PAGES = 2;
/** Pages asked for at once: a scrollbar dragged across the list must not queue a request per page passed. */
const MAX_IN_FLIGHT = 2;

export interface PageAnswer {
  rows: ListedDocument[];
  total: number;
  nextCursor: string | null;
}
/** One page: by the keyset cursor the previous page ended with, or by offset when there is none. */
export type FetchPage = (at: { cursor: string | null; offset: number; limit: number }) => Promise<PageAnswer>;

/**
 * The library's rows by position, a window of pages around the rows in view: the renderer never
 * holds a whole library. Pages are loaded by their keyset cursor when the page before has been
 * seen (the cursors, a few bytes each, are all kept), else by offset (a jump: a dragged
 * scrollbar, End); pages more than KEEP_PAGES from the view are dropped and loaded again when
 * scrolled back to. Every change bumps `version` and tells the subscribers.
 */
export class PageCache {
  total = 0;
  /** The first page (or a page in view, for a refresh) has been answered. */
  ready = false;
  error: (Error & { code?: string }) | null = null;
  version = 0;
  private readonly pages = new Map<number, ListedDocument[]>();
  private readonly cursors = new Map<number, string>();
  private readonly inFlight = new Set<number>();
  /** Pages whose call failed: not asked again by this cache (a refresh or new params make a new one). */
  private readonly failed = new Set<number>();
  private readonly waiting = new Map<number, (() => void)[]>();
  private view = { first: 0, last: 0 };
  private readonly listeners = new Set<() => void>();
  private closed = false;

  constructor(private readonly fetchPage: FetchPage) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  getVersion = (): number => this.version;

  /** Stop loading and telling: the list moved on to other params, or a refresh replaced this cache. */
  close(): void {
    this.closed = true;
    this.listeners.clear();
  }

  rowAt(index: number): ListedDocument | undefined {
    return this.pages.get(Math.floor(index / PAGE_ROWS))?.[index % PAGE_ROWS];
  }

  /** Where a row is, among the rows held; -1 when it is not held. */
  indexOf(id: string): number {
    for (const [page, rows] of this.pages) {
      const at = rows.findIndex((r) => r.id === id);
      if (at >= 0) return page * PAGE_ROWS + at;
    }
    return -1;
  }

  /** Rows held now (at most the pages in view plus KEEP_PAGES on each side). */
  get heldRows(): number {
    let n = 0;
    for (const rows of this.pages.values()) n += rows.length;
    return n;
  }

  /** Every row held, in no particular order. */
  *held(): Iterable<ListedDocument> {
    for (const rows of this.pages.values()) yield* rows;
  }

  get loading(): boolean {
    return this.inFlight.size > 0;
  }

  /** The rows last said to be in view (a refresh loads the same ones). */
  wanted = { first: 0, last: PAGE_ROWS - 1 };

  /** The rows from `first` to `last` are in view: load their pages (and one each side), drop far ones. */
  want(first: number, last: number): void {
    this.wanted = { first, last };
    const view = { first: Math.max(0, Math.floor(first / PAGE_ROWS)), last: Math.max(0, Math.floor(last / PAGE_ROWS)) };
    if (view.first === this.view.first && view.last === this.view.last && this.pages.size > 0) {
      this.pump();
      return;
    }
    this.view = view;
    let dropped = false;
    for (const page of [...this.pages.keys()]) {
      if (!this.keeps(page)) {
        this.pages.delete(page);
        dropped = true;
      }
    }
    if (dropped) this.notify();
    this.pump();
  }

  /** The row at `index`, loading its page if need be (j/k past the rows held). */
  async row(index: number): Promise<ListedDocument | undefined> {
    if (index < 0 || (this.ready && index >= this.total)) return undefined;
    const page = Math.floor(index / PAGE_ROWS);
    if (this.failed.has(page)) return undefined;
    if (!this.pages.has(page)) {
      await new Promise<void>((resolve) => {
        this.waiting.set(page, [...(this.waiting.get(page) ?? []), resolve]);
        this.pump(page);
      });
    }
    return this.rowAt(index);
  }

  private keeps(page: number): boolean {
    return page >= this.view.first - KEEP_PAGES && page <= this.view.last + KEEP_PAGES || this.waiting.has(page);
  }

  /** Ask for the missing pages nearest the view, a few at a time. */
  private pump(extra?: number): void {
    if (this.closed) return;
    const wanted: number[] = extra !== undefined ? [extra] : [];
    // The pages in view first, then one ahead and one behind (rows there come into view next).
    for (let p = this.view.first; p <= this.view.last; p++) wanted.push(p);
    wanted.push(this.view.last + 1, this.view.first - 1);
    for (const page of this.waiting.keys()) wanted.push(page);
    for (const page of wanted) {
      if (this.inFlight.size >= MAX_IN_FLIGHT) return;
      if (page < 0 || (this.ready && page * PAGE_ROWS >= this.total) || this.pages.has(page) || this.inFlight.has(page) || this.failed.has(page)) continue;
      this.load(page);
    }
  }

  private load(page: number): void {
    this.inFlight.add(page);
    const cursor = page === 0 ? null : (this.cursors.get(page) ?? null);
    this.fetchPage({ cursor, offset: page === 0 || cursor ? 0 : page * PAGE_ROWS, limit: PAGE_ROWS }).then(
      (answer) => {
        if (this.closed) return;
        this.inFlight.delete(page);
        if (answer.nextCursor) this.cursors.set(page + 1, answer.nextCursor);
        this.total = answer.total;
        this.ready = true;
        this.error = null;
        // A page scrolled past while it was on its way is not kept.
        if (this.keeps(page)) this.pages.set(page, answer.rows);
        this.settle(page);
        this.notify();
        this.pump();
      },
      (error: Error) => {
        if (this.closed) return;
        this.inFlight.delete(page);
        this.failed.add(page);
        this.ready = true;
        this.error = error;
        this.settle(page);
        this.notify();
      },
    );
  }

  private settle(page: number): void {
    const waiters = this.waiting.get(page);
    this.waiting.delete(page);
    for (const resolve of waiters ?? []) resolve();
  }

  private notify(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }
}
