import { verifySpan } from '../../shared/text/spans';
import type { Db } from '../store/open';
import { verifyAuditChain } from '../store/repos/audit';

export interface VerifyReport {
  auditEntries: number;
  chainBreaks: { seq: number; reason: string }[];
  evidenceChecked: number;
  evidenceBroken: { evidenceId: string; engagementId: string; documentId: string; reason: string }[];
  ok: boolean;
}

/**
 * Check a project's integrity: the audit log's hash chain from its first entry, and every evidence
 * span against the immutable text it quotes. Reports every break; changes nothing.
 */
export function verifyProject(db: Db): VerifyReport {
  const chain = verifyAuditChain(db);
  const broken: VerifyReport['evidenceBroken'] = [];
  let checked = 0;
  const rows = db
    .prepare(
      `SELECT e.id, e.engagement_id, e.document_id, e.start, e.end, e.quote, d.text
       FROM evidence e LEFT JOIN documents d ON d.id = e.document_id ORDER BY e.document_id`,
    )
    .iterate() as IterableIterator<{ id: string; engagement_id: string; document_id: string; start: number; end: number; quote: string; text: string | null }>;
  for (const r of rows) {
    checked++;
    if (r.text === null) {
      broken.push({ evidenceId: r.id, engagementId: r.engagement_id, documentId: r.document_id, reason: 'its document is missing from the project' });
      continue;
    }
    const check = verifySpan(r.text, r);
    if (!check.ok) broken.push({ evidenceId: r.id, engagementId: r.engagement_id, documentId: r.document_id, reason: check.reason });
  }
  return { auditEntries: chain.entries, chainBreaks: chain.breaks, evidenceChecked: checked, evidenceBroken: broken, ok: chain.breaks.length === 0 && broken.length === 0 };
}
