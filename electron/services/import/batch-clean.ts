import type { Db } from '../../store/open';
import { prepared } from '../../store/prepared';
import { rangesOf, replaceRanges } from '../../store/repos/documents';
import { findBatchRepeats, searchableText } from './clean';
import { countWords } from './prepare';

/** Larger outlet groups are counted in slices of this many documents, to bound memory. */
const GROUP_SLICE = 5000;

/**
 * Lines an outlet prints on every page are found only across the batch, after its files are in.
 * Each affected document gets them added to its ranges and its search row refreshed. The text is
 * never touched.
 */
export function applyBatchRepeats(db: Db, batchId: string): number {
  const outlets = prepared<[string], { outlet: string | null }>(db, 'SELECT DISTINCT outlet FROM documents WHERE batch_id = ?').all(batchId);
  const byOutlet = prepared<[string, string | null, number, number], { rowid: number; id: string; text: string; outlet: string | null }>(
    db,
    'SELECT rowid, id, text, outlet FROM documents WHERE batch_id = ? AND outlet IS ? AND rowid > ? ORDER BY rowid LIMIT ?',
  );
  const update = prepared(db, 'UPDATE documents SET words = ? WHERE rowid = ?');
  // CAST: FTS5 ignores a REAL rowid constraint (JS numbers bind as REAL) and would update every row.
  const fts = prepared(db, 'UPDATE documents_fts SET body = ? WHERE rowid = CAST(? AS INTEGER)');
  let changed = 0;
  for (const { outlet } of outlets) {
    let after = 0;
    for (;;) {
      const docs = byOutlet.all(batchId, outlet, after, GROUP_SLICE);
      if (docs.length === 0) break;
      after = docs[docs.length - 1].rowid;
      const found = findBatchRepeats(docs.map((d) => ({ id: d.id, text: d.text, ...(d.outlet ? { outlet: d.outlet } : {}) })));
      if (found.size === 0) continue;
      db.transaction(() => {
        for (const d of docs) {
          const extra = found.get(d.id);
          if (!extra || extra.length === 0) continue;
          // The per-document pass already found repeats and glue; the batch's lines only add
          // boilerplate, which wins over a repeat wherever they overlap (displaySegments).
          const ranges = [...rangesOf(db, d.rowid), ...extra].sort((a, b) => a.start - b.start || a.end - b.end);
          const searchable = searchableText(d.text, ranges);
          replaceRanges(db, d.rowid, ranges);
          // The duplicate fingerprints (clean hash, MinHash) stay those of the per-document pass:
          // they must not depend on which batch a copy arrived in, or copies of one article
          // imported in different batches would stop matching.
          update.run(countWords(searchable), d.rowid);
          fts.run(searchable, d.rowid);
          changed++;
        }
      })();
      if (docs.length < GROUP_SLICE) break;
    }
  }
  return changed;
}
