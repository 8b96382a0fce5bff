import type { Database } from 'better-sqlite3';
import { cleanText, documentFingerprint, searchableText, signatureToBytes } from '../../services/import/clean';

/**
 * Near-duplicate signatures of format 2 (one permutation MinHash with 16-bit values, a 128th of the
 * hashing and half the memory: near-duplicates.ts) replace format 1 (classic MinHash, 32-bit
 * values); the two do not compare. Each stored signature is computed again from its document's
 * text exactly as the import computes it (prepareArticle: the document's own cleaning, never the
 * batch's lines), so the pairs found before are found again; the shingle count does not change.
 * Pure text functions only: nothing here depends on a parser. About 0.2 ms a document, once, after
 * the pre-upgrade backup.
 */
export default function minhashV2(db: Database): void {
  const rowids = db.prepare('SELECT rowid FROM documents WHERE minhash IS NOT NULL ORDER BY rowid').pluck().all() as number[];
  const textOf = db.prepare('SELECT text FROM documents WHERE rowid = ?').pluck();
  const update = db.prepare('UPDATE documents SET minhash = ? WHERE rowid = ?');
  for (const rowid of rowids) {
    const text = textOf.get(rowid) as string;
    const { signature } = documentFingerprint(searchableText(text, cleanText(text)));
    update.run(signatureToBytes(signature), rowid);
  }
}
