import type { Db } from '../open';
import { prepared } from '../prepared';

/**
 * Blind double coding: while a document is assigned to two coders, each of them sees only their
 * own engagements for it (the answer is that coder's id). Anyone else, the reviewer, sees all (null).
 */
export function blindCoderFor(db: Db, documentId: string, coderId: string): string | null {
  const assigned = prepared<[string], { coder_id: string }>(db, 'SELECT coder_id FROM assignments WHERE document_id = ?').all(documentId).map((r) => r.coder_id);
  return assigned.length >= 2 && assigned.includes(coderId) ? coderId : null;
}
