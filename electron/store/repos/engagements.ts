import { randomUUID } from 'node:crypto';
import type { EngagementInput } from '../../../shared/contract-coding';
import { codedFields, type Engagement, type EngagementStatus, type EvidenceSpan, type Participant } from '../../../shared/model/engagement';
import type { Db } from '../open';
import { prepared } from '../prepared';

interface EngagementRow {
  id: string;
  codebook_id: string;
  codebook_version: number;
  type: string;
  mode: string | null;
  date_value: string | null;
  date_precision: Engagement['date']['precision'];
  date_inferred: number;
  date_basis: string | null;
  place: string | null;
  country_code: string | null;
  notes: string;
  confidence: Engagement['confidence'];
  status: EngagementStatus;
  coder_id: string;
  created_at: string;
  updated_at: string;
  revision: number;
  deleted_at: string | null;
}

function assemble(db: Db, r: EngagementRow): Engagement {
  const participants = prepared<[string], { id: string; actor_id: string; role: string; title: string | null; side_id: string | null }>(
    db,
    'SELECT id, actor_id, role, title, side_id FROM engagement_participants WHERE engagement_id = ? ORDER BY position',
  )
    .all(r.id)
    .map((p): Participant => ({ id: p.id, actorId: p.actor_id, role: p.role, title: p.title, sideId: p.side_id }));
  const values = prepared<[string], { list: 'topics' | 'outcomes'; value: string }>(db, 'SELECT list, value FROM engagement_values WHERE engagement_id = ? ORDER BY list, position').all(r.id);
  const sources = prepared<[string], { document_id: string; is_primary: number }>(db, 'SELECT document_id, is_primary FROM engagement_sources WHERE engagement_id = ? ORDER BY is_primary DESC, rowid').all(r.id);
  const evidence = prepared<[string], { id: string; document_id: string; field: string; start: number; end: number; quote: string }>(
    db,
    'SELECT id, document_id, field, start, end, quote FROM evidence WHERE engagement_id = ? ORDER BY document_id, start',
  )
    .all(r.id)
    .map((e): EvidenceSpan => ({ id: e.id, documentId: e.document_id, field: e.field as EvidenceSpan['field'], start: e.start, end: e.end, quote: e.quote }));
  return {
    id: r.id,
    codebookId: r.codebook_id,
    codebookVersion: r.codebook_version,
    type: r.type,
    mode: r.mode,
    date: { value: r.date_value, precision: r.date_precision, inferred: r.date_inferred === 1, ...(r.date_basis ? { basis: r.date_basis } : {}) },
    place: r.place,
    countryCode: r.country_code,
    participants,
    topics: values.filter((v) => v.list === 'topics').map((v) => v.value),
    outcomes: values.filter((v) => v.list === 'outcomes').map((v) => v.value),
    notes: r.notes,
    confidence: r.confidence,
    status: r.status,
    coderId: r.coder_id,
    sources: sources.map((s) => ({ documentId: s.document_id, primary: s.is_primary === 1 })),
    evidence,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    revision: r.revision,
  };
}

export function getEngagement(db: Db, id: string, opts: { includeDeleted?: boolean } = {}): Engagement | null {
  const r = prepared<[string], EngagementRow>(db, 'SELECT * FROM engagements WHERE id = ?').get(id);
  if (!r || (r.deleted_at && !opts.includeDeleted)) return null;
  return assemble(db, r);
}

export function isDeleted(db: Db, id: string): boolean {
  return prepared<[string], { d: string | null }>(db, 'SELECT deleted_at AS d FROM engagements WHERE id = ?').get(id)?.d != null;
}

export function engagementsForDocument(db: Db, documentId: string): Engagement[] {
  return prepared<[string], EngagementRow>(
    db,
    `SELECT e.* FROM engagement_sources s JOIN engagements e ON e.id = s.engagement_id
     WHERE s.document_id = ? AND e.deleted_at IS NULL ORDER BY e.created_at, e.id`,
  )
    .all(documentId)
    .map((r) => assemble(db, r));
}

/**
 * Write an engagement whole: the row, then its participants, values, sources and evidence are
 * replaced. Run inside a transaction with the audit entry.
 */
export function writeEngagement(
  db: Db,
  input: EngagementInput & { id: string },
  meta: { codebookId: string; codebookVersion: number; coderId: string; createdAt: string; revision: number },
): void {
  const now = new Date().toISOString();
  prepared(
    db,
    `INSERT INTO engagements (id, codebook_id, codebook_version, type, mode, date_value, date_precision, date_inferred, date_basis,
       place, country_code, notes, confidence, status, coder_id, created_at, updated_at, revision, deleted_at)
     VALUES ($id, $codebookId, $codebookVersion, $type, $mode, $dateValue, $precision, $inferred, $basis,
       $place, $countryCode, $notes, $confidence, $status, $coderId, $createdAt, $updatedAt, $revision, NULL)
     ON CONFLICT(id) DO UPDATE SET codebook_id = excluded.codebook_id, codebook_version = excluded.codebook_version,
       type = excluded.type, mode = excluded.mode, date_value = excluded.date_value, date_precision = excluded.date_precision,
       date_inferred = excluded.date_inferred, date_basis = excluded.date_basis, place = excluded.place,
       country_code = excluded.country_code, notes = excluded.notes, confidence = excluded.confidence, status = excluded.status,
       coder_id = excluded.coder_id, updated_at = excluded.updated_at, revision = excluded.revision, deleted_at = NULL`,
  ).run({
    id: input.id,
    codebookId: meta.codebookId,
    codebookVersion: meta.codebookVersion,
    type: input.type,
    mode: input.mode,
    dateValue: input.date.value,
    precision: input.date.precision,
    inferred: input.date.inferred ? 1 : 0,
    basis: input.date.basis ?? null,
    place: input.place,
    countryCode: input.countryCode,
    notes: input.notes,
    confidence: input.confidence,
    status: input.status,
    coderId: meta.coderId,
    createdAt: meta.createdAt,
    updatedAt: now,
    revision: meta.revision,
  });
  for (const table of ['engagement_participants', 'engagement_values', 'engagement_sources', 'evidence']) {
    prepared(db, `DELETE FROM ${table} WHERE engagement_id = ?`).run(input.id);
  }
  const insP = prepared(db, 'INSERT INTO engagement_participants (id, engagement_id, actor_id, role, title, side_id, position) VALUES (?, ?, ?, ?, ?, ?, ?)');
  for (const [i, p] of input.participants.entries()) insP.run(p.id ?? randomUUID(), input.id, p.actorId, p.role, p.title, p.sideId, i);
  const insV = prepared(db, 'INSERT OR IGNORE INTO engagement_values (engagement_id, list, value, position) VALUES (?, ?, ?, ?)');
  for (const [i, v] of input.topics.entries()) insV.run(input.id, 'topics', v, i);
  for (const [i, v] of input.outcomes.entries()) insV.run(input.id, 'outcomes', v, i);
  const insS = prepared(db, 'INSERT OR IGNORE INTO engagement_sources (engagement_id, document_id, is_primary) VALUES (?, ?, ?)');
  for (const s of input.sources) insS.run(input.id, s.documentId, s.primary ? 1 : 0);
  const insE = prepared(db, 'INSERT INTO evidence (id, engagement_id, document_id, field, start, end, quote) VALUES (?, ?, ?, ?, ?, ?, ?)');
  for (const e of input.evidence) insE.run(e.id ?? randomUUID(), input.id, e.documentId, e.field, e.start, e.end, e.quote);
}

export function markDeleted(db: Db, id: string, coderId: string): void {
  prepared(db, 'UPDATE engagements SET deleted_at = ?, coder_id = ?, revision = revision + 1 WHERE id = ?').run(new Date().toISOString(), coderId, id);
}

/** A full engagement as the input that would recreate it exactly (for inverses). */
export function toInput(e: Engagement): EngagementInput & { id: string } {
  return codedFields(e);
}
