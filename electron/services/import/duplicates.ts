import { randomUUID } from 'node:crypto';
import type { Db } from '../../store/open';
import { prepared } from '../../store/prepared';
import { NearDuplicateIndex, signatureFromBytes } from './clean';

interface SigRow {
  rowid: number;
  id: string;
  minhash: Buffer | null;
  shingles: number;
  clean_hash: string;
  dup_checked: number;
}

/** Documents compared per write transaction; small enough to keep each one short. */
const CHUNK = 250;

/**
 * Finds the duplicates of every document not yet compared: exact (same cleaned text) through the
 * clean_hash index, near (estimated Jaccard ≥ threshold) through MinHash LSH over every stored
 * signature. Groups are merged in SQL; the earliest imported is the primary. Nothing is
 * deleted: duplicates stay, flagged.
 *
 * Pending documents are read, compared and marked in chunks, in import order, each chunk's links
 * and marks in one short transaction, pausing between chunks so other calls get answered. A chunk
 * compares against everything before it, so the pairs are those of one pass over all of them.
 */
export async function findDuplicates(db: Db, threshold: number, pause: () => Promise<void> = async () => {}): Promise<{ exact: number; near: number }> {
  const firstPending = prepared<[], { rowid: number }>(db, 'SELECT rowid FROM documents WHERE dup_checked = 0 ORDER BY rowid LIMIT 1').get()?.rowid;
  if (firstPending === undefined) return { exact: 0, near: 0 };
  const index = new NearDuplicateIndex({ threshold });
  const earlier = db.prepare('SELECT rowid, id, minhash, shingles FROM documents WHERE rowid < ? AND minhash IS NOT NULL').iterate(firstPending) as IterableIterator<SigRow>;
  const toIndexed = (r: SigRow) => ({ id: r.id, signature: signatureFromBytes(r.minhash!), length: r.shingles, importedOrder: r.rowid });
  index.load((function* () {
    for (const r of earlier) yield toIndexed(r);
  })());

  const chunkOf = prepared<[number, number], SigRow>(
    db,
    'SELECT rowid, id, minhash, shingles, clean_hash, dup_checked FROM documents WHERE dup_checked = 0 AND rowid >= ? ORDER BY rowid LIMIT ?',
  );
  const firstWithHash = prepared<[string, number], { id: string }>(db, 'SELECT id FROM documents WHERE clean_hash = ? AND rowid < ? ORDER BY rowid LIMIT 1');
  const mark = prepared(db, 'UPDATE documents SET dup_checked = 1 WHERE rowid = ?');
  let exact = 0;
  let near = 0;
  for (let from = firstPending; ; ) {
    const pending = chunkOf.all(from, CHUNK);
    if (pending.length === 0) break;
    from = pending[pending.length - 1].rowid + 1;
    const exactPairs: { a: string; b: string }[] = [];
    const exactIds = new Set<string>();
    for (const r of pending) {
      const original = firstWithHash.get(r.clean_hash, r.rowid);
      if (original) {
        exactPairs.push({ a: original.id, b: r.id });
        exactIds.add(r.id);
      }
    }
    const nearPairs = index
      .add(pending.filter((r) => r.minhash && r.shingles > 0).map(toIndexed))
      .filter((p) => !exactIds.has(p.b));
    exact += exactIds.size;
    near += new Set(nearPairs.map((p) => p.b)).size;
    db.transaction(() => {
      for (const p of exactPairs) link(db, p.a, p.b, 'exact', 1);
      for (const p of nearPairs) link(db, p.a, p.b, 'near', p.jaccard);
      for (const r of pending) mark.run(r.rowid);
    })();
    if (pending.length < CHUNK) break;
    await pause();
  }
  return { exact, near };
}

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
