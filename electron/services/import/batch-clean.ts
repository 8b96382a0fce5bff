import type { TextRange } from '../../../shared/model/document';
import type { Db } from '../../store/open';
import { prepared } from '../../store/prepared';
import { insertRanges, insertSearchRow, rangesOf, setWords, textOf } from '../../store/repos/documents';
import { groupRepeats, type LineTable, lineTable, searchableText } from './clean';
import { countWords } from './prepare';

/** Larger outlet groups are counted in slices of this many documents, to bound memory. */
export const GROUP_SLICE = 2000;

/** A stored document waiting for the batch pass: its outlet and the table of its lines. */
export interface PendingDoc {
  rowid: number;
  outlet: string | null;
  lines: LineTable;
  /** Its ranges from the per-document pass, as stored (sorted by start, then end). */
  ranges: TextRange[];
}

interface Slice {
  docs: PendingDoc[];
  /** Batch-repeat ranges per document, once counted. */
  extra?: (TextRange[] | null)[];
  next: number;
}

/**
 * The batch pass. Lines an outlet prints on every page are found only across the batch: each
 * outlet's documents are counted in slices of GROUP_SLICE (in import order), a slice as soon as it
 * is full, the rest at the end. A document's search row is written once, here, after its lines are
 * known, instead of being written at insert and rewritten here (an FTS5 update costs a delete and an
 * insert, and re-reads the old row). The text is never touched.
 *
 * Documents stored but not yet through this pass have no search row; a batch cut short by a crash
 * gets its pass when the project is next opened (finishInterruptedBatches).
 */
export class BatchPass {
  private readonly open = new Map<string | null, PendingDoc[]>();
  private readonly ready: Slice[] = [];
  changed = 0;

  constructor(private readonly db: Db) {}

  add(doc: PendingDoc): void {
    let docs = this.open.get(doc.outlet);
    if (!docs) {
      docs = [];
      this.open.set(doc.outlet, docs);
    }
    docs.push(doc);
    if (docs.length >= GROUP_SLICE) {
      this.ready.push({ docs, next: 0 });
      this.open.delete(doc.outlet);
    }
  }

  get hasReady(): boolean {
    return this.ready.length > 0;
  }

  /** Documents in ready slices not yet through the pass. */
  get readyDocs(): number {
    let n = 0;
    for (const slice of this.ready) n += slice.docs.length - slice.next;
    return n;
  }

  /** The partial slices become ready: nothing more will be added. */
  close(): void {
    for (const docs of this.open.values()) this.ready.push({ docs, next: 0 });
    this.open.clear();
  }

  /**
   * One write transaction of at most about `maxMs` (so other calls get answered in between);
   * false when no ready work is left.
   *
   * The ready slices (one per outlet, filled in import order) are gone through together, in rowid
   * order: their documents interleave, and writing the search rows slice after slice would insert
   * each one between rows written before it, so SQLite would rewrite the same pages in many
   * transactions (measured at 20k: 2.7 page writes per page of the search table, against 1.4 in
   * order). A slice's lines are counted once, before its first document.
   */
  step(maxMs = 30): boolean {
    if (this.ready.length === 0) return false;
    const started = performance.now();
    for (const slice of this.ready) {
      if (slice.extra) continue;
      slice.extra = groupRepeats(slice.docs.map((d) => d.lines));
      // Counting a large slice takes a while: leave the writes to the next step.
      if (performance.now() - started >= maxMs) return true;
    }
    this.db.transaction(() => {
      do {
        let slice = this.ready[0];
        for (const s of this.ready) if (s.docs[s.next].rowid < slice.docs[slice.next].rowid) slice = s;
        this.finishDoc(slice.docs[slice.next], slice.extra![slice.next]);
        slice.next++;
        if (slice.next >= slice.docs.length) this.ready.splice(this.ready.indexOf(slice), 1);
      } while (this.ready.length > 0 && performance.now() - started < maxMs);
    })();
    return this.ready.length > 0;
  }

  private finishDoc(doc: PendingDoc, extra: TextRange[] | null): void {
    const { text, title } = textOf(this.db, doc.rowid);
    let ranges = doc.ranges;
    if (extra) {
      // The per-document pass already found repeats and glue; the batch's lines only add
      // boilerplate, which wins over a repeat wherever they overlap (displaySegments).
      // Only the new ranges are written: the stored ones stay (readers sort them by offset).
      ranges = [...ranges, ...extra].sort((a, b) => a.start - b.start || a.end - b.end);
      insertRanges(this.db, doc.rowid, extra);
    }
    const searchable = searchableText(text, ranges);
    // The duplicate fingerprints (clean hash, MinHash) stay those of the per-document pass: they
    // must not depend on which batch a copy arrived in, or copies of one article imported in
    // different batches would stop matching.
    if (extra) {
      setWords(this.db, doc.rowid, countWords(searchable));
      this.changed++;
    }
    insertSearchRow(this.db, doc.rowid, title, searchable);
  }
}

/**
 * Documents of batches cut short (a crash, a kill: marked 'interrupted') that never got their batch
 * pass, and so have no search row: give them that pass now, per batch, as a cancel would have.
 */
export function finishInterruptedBatches(db: Db): number {
  const rows = prepared<[], { rowid: number; batch_id: string; outlet: string | null }>(
    db,
    `SELECT d.rowid, d.batch_id, d.outlet FROM import_batches b JOIN documents d ON d.batch_id = b.id
     WHERE b.status = 'interrupted' AND NOT EXISTS (SELECT 1 FROM documents_fts f WHERE f.rowid = d.rowid) ORDER BY d.rowid`,
  ).all();
  const passes = new Map<string, BatchPass>();
  for (const r of rows) {
    let pass = passes.get(r.batch_id);
    if (!pass) {
      pass = new BatchPass(db);
      passes.set(r.batch_id, pass);
    }
    pass.add({ rowid: r.rowid, outlet: r.outlet, lines: lineTable(textOf(db, r.rowid).text), ranges: rangesOf(db, r.rowid) });
  }
  let n = 0;
  for (const pass of passes.values()) {
    pass.close();
    while (pass.step());
    n += pass.changed;
  }
  return n;
}
