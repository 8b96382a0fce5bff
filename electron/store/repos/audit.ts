import { createHash } from 'node:crypto';
import type { Db } from '../open';
import { prepared } from '../prepared';

export interface AuditEntry {
  coderId: string;
  entity: string;
  entityId: string;
  action: string;
  before?: unknown;
  after?: unknown;
}

/** One row of audit_log as stored. */
export interface AuditRow {
  seq: number;
  at: string;
  coder_id: string;
  entity: string;
  entity_id: string;
  action: string;
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/** The hash covers every field of the row and the previous hash, so editing any row breaks the chain. */
export function auditHash(row: Omit<AuditRow, 'seq' | 'hash'>): string {
  const canonical = JSON.stringify([row.prev_hash, row.at, row.coder_id, row.entity, row.entity_id, row.action, row.before_json, row.after_json]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** Append one entry. Call inside the transaction that makes the change it records. */
export function appendAudit(db: Db, entry: AuditEntry): void {
  const last = prepared<[], { hash: string }>(db, 'SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1').get();
  const row = {
    at: new Date().toISOString(),
    coder_id: entry.coderId,
    entity: entry.entity,
    entity_id: entry.entityId,
    action: entry.action,
    before_json: entry.before === undefined ? null : JSON.stringify(entry.before),
    after_json: entry.after === undefined ? null : JSON.stringify(entry.after),
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  prepared(
    db,
    `INSERT INTO audit_log (at, coder_id, entity, entity_id, action, before_json, after_json, prev_hash, hash)
     VALUES ($at, $coder_id, $entity, $entity_id, $action, $before_json, $after_json, $prev_hash, $hash)`,
  ).run({ ...row, hash: auditHash(row) });
}

export interface ChainBreak {
  seq: number;
  reason: string;
}

/** Walk the chain from the start; report every row whose links or hash do not hold. */
export function verifyAuditChain(db: Db): { entries: number; breaks: ChainBreak[] } {
  const breaks: ChainBreak[] = [];
  let prev = GENESIS_HASH;
  let entries = 0;
  for (const row of db.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as IterableIterator<AuditRow>) {
    entries++;
    if (row.prev_hash !== prev) breaks.push({ seq: row.seq, reason: 'its link to the previous entry does not match' });
    if (auditHash(row) !== row.hash) breaks.push({ seq: row.seq, reason: 'its content does not match its hash (edited after it was written)' });
    prev = row.hash;
  }
  return { entries, breaks };
}
