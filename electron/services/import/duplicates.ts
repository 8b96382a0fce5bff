import { randomUUID } from 'node:crypto';
import type { Db } from '../../store/open';
import { prepared } from '../../store/prepared';
import { NearDuplicateIndex, signatureFromBytes } from './clean';

interface SigRow {
  rowid: number;
  id: string;
  minhash: Uint8Array | null;
  shingles: number;
  clean_hash: string;
}

/** Documents compared per write transaction when catching up; small enough to keep each short. */
const CHUNK = 250;

/**
 * Finds the duplicates of documents as they are stored: exact (same cleaned text) through the
 * clean_hash index, near (estimated Jaccard ≥ threshold) through MinHash LSH over every stored
 * signature. Groups are merged in SQL; the earliest imported is the primary. Nothing is
 * deleted: duplicates stay, flagged.
 *
 * Each document is compared, in import order, against everything stored before it, inside the
 * transaction that stores it (so its links and its `dup_checked` commit with it, and no pass over
 * the whole batch is left for the end). Documents a crashed import left unchecked are caught up
 * first, in short transactions.
 */
export class DuplicateFinder {
  exact = 0;
  near = 0;
  private readonly index: NearDuplicateIndex;

  private constructor(
    private readonly db: Db,
    threshold: number,
  ) {
    this.index = new NearDuplicateIndex({ threshold });
  }

  /** Index every checked document, then check those left unchecked (pausing between chunks). */
  static async open(db: Db, threshold: number, pause: () => Promise<void> = async () => {}): Promise<DuplicateFinder> {
    const finder = new DuplicateFinder(db, threshold);
    const firstPending = prepared<[], { rowid: number }>(db, 'SELECT rowid FROM documents WHERE dup_checked = 0 ORDER BY rowid LIMIT 1').get()?.rowid;
    const earlier = db.prepare('SELECT rowid, id, minhash, shingles FROM documents WHERE rowid < ? AND minhash IS NOT NULL').iterate(firstPending ?? Number.MAX_SAFE_INTEGER) as IterableIterator<SigRow>;
    finder.index.load((function* () {
      for (const r of earlier) yield toIndexed(r);
    })());
    if (firstPending === undefined) return finder;
    const chunkOf = prepared<[number, number], SigRow>(db, 'SELECT rowid, id, minhash, shingles, clean_hash FROM documents WHERE dup_checked = 0 AND rowid >= ? ORDER BY rowid LIMIT ?');
    const mark = prepared(db, 'UPDATE documents SET dup_checked = 1 WHERE rowid = ?');
    for (let from = firstPending; ; ) {
      const pending = chunkOf.all(from, CHUNK);
      if (pending.length === 0) break;
      from = pending[pending.length - 1].rowid + 1;
      db.transaction(() => {
        for (const r of pending) {
          finder.check(r);
          mark.run(r.rowid);
        }
      })();
      if (pending.length < CHUNK) break;
      await pause();
    }
    return finder;
  }

  /**
   * Compare one stored document with everything before it and link it to its duplicates. Call
   * inside the transaction that stores it, in import order.
   */
  check(r: SigRow): void {
    const original = prepared<[string, number], { id: string }>(this.db, 'SELECT id FROM documents WHERE clean_hash = ? AND rowid < ? ORDER BY rowid LIMIT 1').get(
      r.clean_hash,
      r.rowid,
    );
    if (original) {
      link(this.db, original.id, r.id, 'exact', 1);
      this.exact++;
    }
    // Without a signature (no words) a document is never near anything, nor indexed.
    const pairs = r.minhash && r.shingles > 0 ? this.index.add([toIndexed(r)]) : [];
    if (original || pairs.length === 0) return;
    for (const p of pairs) link(this.db, p.a, p.b, 'near', p.jaccard);
    this.near++;
  }
}

const toIndexed = (r: Pick<SigRow, 'rowid' | 'id' | 'minhash' | 'shingles'>) => ({
  id: r.id,
  signature: signatureFromBytes(r.minhash!),
  length: r.shingles,
  importedOrder: r.rowid,
});

const groupOf = (db: Db, id: string) => prepared<[string], { g: string | null; rowid: number }>(db, 'SELECT duplicate_group_id AS g, rowid FROM documents WHERE id = ?').get(id)!;

/** Put a and b in one group (merging groups when both have one). */
function link(db: Db, a: string, b: string, kind: 'exact' | 'near', similarity: number): void {
  const ga = groupOf(db, a);
  const gb = groupOf(db, b);
  let group = ga.g ?? gb.g;
  if (!group) {
    group = randomUUID();
    prepared(db, 'INSERT INTO duplicate_groups (id, kind, primary_document_id, created_at) VALUES (?, ?, ?, ?)').run(group, kind, a, new Date().toISOString());
  }
  if (ga.g && gb.g && ga.g !== gb.g) {
    // A group is exact only while every link in it is exact: merging a near group makes it near.
    prepared(db, "UPDATE duplicate_groups SET kind = 'near' WHERE id = ? AND (SELECT kind FROM duplicate_groups WHERE id = ?) = 'near'").run(group, gb.g);
    prepared(db, 'UPDATE documents SET duplicate_group_id = ? WHERE duplicate_group_id = ?').run(group, gb.g);
    prepared(db, 'DELETE FROM duplicate_groups WHERE id = ?').run(gb.g);
  }
  prepared(db, 'UPDATE documents SET duplicate_group_id = ? WHERE id IN (?, ?)').run(group, a, b);
  prepared(db, 'UPDATE documents SET duplicate_similarity = ? WHERE id = ? AND (duplicate_similarity IS NULL OR duplicate_similarity < ?)').run(similarity, b, similarity);
  // A group is exact only while every link in it is exact; the earliest member is the primary.
  if (kind === 'near') prepared(db, "UPDATE duplicate_groups SET kind = 'near' WHERE id = ?").run(group);
  prepared(
    db,
    'UPDATE duplicate_groups SET primary_document_id = (SELECT id FROM documents WHERE duplicate_group_id = $g ORDER BY rowid LIMIT 1) WHERE id = $g',
  ).run({ g: group });
}
