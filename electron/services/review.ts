import { randomUUID } from 'node:crypto';
import type { Comment, DoubleCoded, HistoryEntry, QueueItem, ReviewStart } from '../../shared/contract-agreement';
import type { CodingCommand, EngagementInput } from '../../shared/contract-coding';
import { AppError } from '../../shared/errors';
import type { Engagement } from '../../shared/model/engagement';
import type { AgreementRow } from '../../shared/review/agreement';
import { agreementRows, differingFields } from '../../shared/review/agreement';
import { agreementCsv } from '../../shared/review/csv';
import { matchEngagements } from '../../shared/review/match';
import type { Db } from '../store/open';
import { prepared } from '../store/prepared';
import { resolveActorId } from '../store/repos/actors';
import { appendAudit } from '../store/repos/audit';
import { getEngagement, toInput } from '../store/repos/engagements';
import { currentCoderId } from './coders';
import { saveEngagement } from './coding/engagements';
import { type AppContext, requireStore, requireWritable } from './context';

export function assign(ctx: AppContext, args: { documentIds: string[]; coderIds: string[] }): { assigned: number } {
  const { db } = requireWritable(ctx);
  const by = currentCoderId(ctx);
  const coders = new Set(args.coderIds);
  if (coders.size !== args.coderIds.length) throw new AppError('invalid-input', 'review.assign: the two coders must be different people.');
  for (const c of coders) if (!prepared<[string], { id: string }>(db, 'SELECT id FROM coders WHERE id = ?').get(c)) throw new AppError('not-found', `There is no coder ${c}.`);
  const now = new Date().toISOString();
  db.transaction(() => {
    for (const d of args.documentIds) {
      if (!prepared<[string], { id: string }>(db, 'SELECT id FROM documents WHERE id = ?').get(d)) throw new AppError('not-found', `There is no document ${d}.`);
      prepared(db, 'DELETE FROM assignments WHERE document_id = ?').run(d);
      for (const c of coders) prepared(db, 'INSERT INTO assignments (document_id, coder_id, assigned_at, assigned_by) VALUES (?, ?, ?, ?)').run(d, c, now, by);
      appendAudit(db, { coderId: by, entity: 'assignment', entityId: d, action: 'assign', after: { coders: [...coders] } });
    }
  })();
  ctx.emit('db.changed', { tables: ['assignments'] });
  return { assigned: args.documentIds.length };
}

export function queue(ctx: AppContext, args: { coderId?: string }): QueueItem[] {
  const { db } = requireStore(ctx);
  const coder = args.coderId ?? currentCoderId(ctx);
  const rows = prepared<[string], { document_id: string; title: string | null }>(
    db,
    `SELECT a.document_id, d.title FROM assignments a JOIN documents d ON d.id = a.document_id
     WHERE a.coder_id = ? AND d.excluded = 0 ORDER BY d.rowid`,
  ).all(coder);
  return rows.map((r) => ({
    documentId: r.document_id,
    title: r.title,
    coders: prepared<[string], { id: string; name: string }>(db, 'SELECT c.id, c.name FROM assignments a JOIN coders c ON c.id = a.coder_id WHERE a.document_id = ? ORDER BY c.name').all(r.document_id),
    mine: prepared<[string, string], { n: number }>(
      db,
      `SELECT count(*) AS n FROM engagement_sources s JOIN engagements e ON e.id = s.engagement_id
       WHERE s.document_id = ? AND e.coder_id = ? AND e.deleted_at IS NULL`,
    ).get(r.document_id, coder)!.n,
  }));
}

function engagementsOf(db: Db, documentId: string, coderId: string): Engagement[] {
  return prepared<[string, string], { id: string }>(
    db,
    `SELECT e.id FROM engagement_sources s JOIN engagements e ON e.id = s.engagement_id
     WHERE s.document_id = ? AND e.coder_id = ? AND e.deleted_at IS NULL ORDER BY e.created_at`,
  )
    .all(documentId, coderId)
    .map((r) => getEngagement(db, r.id)!);
}

/** Documents where exactly two coders have coded (the two with the most engagements when more). */
function doubleCoded(db: Db): DoubleCoded[] {
  const rows = prepared<[], { document_id: string; title: string | null; coder_id: string; name: string; n: number }>(
    db,
    `SELECT s.document_id, d.title, e.coder_id, c.name, count(*) AS n
     FROM engagement_sources s JOIN engagements e ON e.id = s.engagement_id JOIN coders c ON c.id = e.coder_id JOIN documents d ON d.id = s.document_id
     WHERE e.deleted_at IS NULL GROUP BY s.document_id, e.coder_id ORDER BY d.rowid, n DESC, c.name`,
  ).all();
  const byDoc = new Map<string, typeof rows>();
  for (const r of rows) byDoc.set(r.document_id, [...(byDoc.get(r.document_id) ?? []), r]);
  const out: DoubleCoded[] = [];
  for (const [documentId, list] of byDoc) {
    if (list.length < 2) continue;
    const [a, b] = list;
    out.push({ documentId, title: a.title, coderA: { id: a.coder_id, name: a.name, engagements: a.n }, coderB: { id: b.coder_id, name: b.name, engagements: b.n } });
  }
  return out;
}

export function agreement(ctx: AppContext): { documents: DoubleCoded[]; rows: AgreementRow[] } {
  const { db } = requireStore(ctx);
  const documents = doubleCoded(db);
  const resolveActor = (id: string) => resolveActorId(db, id);
  const matches = documents.map((d) => ({
    documentId: d.documentId,
    match: matchEngagements(engagementsOf(db, d.documentId, d.coderA.id), engagementsOf(db, d.documentId, d.coderB.id), { resolveActor }),
  }));
  return { documents, rows: documents.length ? agreementRows(matches, { resolveActor }) : [] };
}

export function agreementCsvFile(ctx: AppContext): { fileName: string; csv: string } {
  return { fileName: `agreement-${new Date().toISOString().slice(0, 10)}.csv`, csv: agreementCsv(agreement(ctx).rows) };
}

export function compare(ctx: AppContext, args: { documentId: string; coderA: string; coderB: string }): { a: Engagement[]; b: Engagement[] } {
  const { db } = requireStore(ctx);
  return { a: engagementsOf(db, args.documentId, args.coderA), b: engagementsOf(db, args.documentId, args.coderB) };
}

export function history(ctx: AppContext, args: { id: string }): HistoryEntry[] {
  const { db } = requireStore(ctx);
  const rows = prepared<[string], { seq: number; at: string; coder_id: string; name: string | null; color: string | null; action: string; before_json: string | null; after_json: string | null }>(
    db,
    `SELECT a.seq, a.at, a.coder_id, c.name, c.color, a.action, a.before_json, a.after_json
     FROM audit_log a LEFT JOIN coders c ON c.id = a.coder_id WHERE a.entity = 'engagement' AND a.entity_id = ? ORDER BY a.seq`,
  ).all(args.id);
  if (rows.length === 0) throw new AppError('not-found', `There is no recorded history for engagement ${args.id}.`);
  return rows.map((r) => ({
    seq: r.seq,
    at: r.at,
    coder: { id: r.coder_id, name: r.name ?? r.coder_id, color: r.color ?? '#888888' },
    action: r.action,
    snapshot: r.action === 'delete' ? null : r.after_json ? (JSON.parse(r.after_json) as EngagementInput & { id: string }) : null,
  }));
}

export function restore(ctx: AppContext, args: { id: string; seq: number }): { engagement: Engagement; inverse: CodingCommand } {
  const entry = history(ctx, { id: args.id }).find((h) => h.seq === args.seq);
  if (!entry?.snapshot) throw new AppError('invalid-input', `Entry ${args.seq} is not a version of engagement ${args.id} that can be restored.`);
  const { engagement, inverse } = saveEngagement(ctx, entry.snapshot, `restore:${args.seq}`);
  return { engagement, inverse };
}

/**
 * Start (or refresh) the review of a document. Its coded engagements move to "in review"; on a
 * document two coders coded, an engagement goes to "disputed" instead when its counterpart differs
 * on any coded field, or when the other coder has no counterpart. Drafts, final and adjudicated
 * records, and originals already adjudicated, are left as they are. Each change is a saved version
 * under the reviewer (audit action `review`), so the history shows who sent what to review.
 */
export function beginReview(ctx: AppContext, args: { documentId: string }): ReviewStart {
  const { db } = requireWritable(ctx);
  const doc = prepared<[string], { id: string }>(db, 'SELECT id FROM documents WHERE id = ?').get(args.documentId);
  if (!doc) throw new AppError('not-found', `There is no document ${args.documentId}.`);
  const pair = doubleCoded(db).find((d) => d.documentId === args.documentId);
  const coders = pair ? [pair.coderA.id, pair.coderB.id] : [...new Set(prepared<[string], { coder_id: string }>(db, 'SELECT e.coder_id FROM engagement_sources s JOIN engagements e ON e.id = s.engagement_id WHERE s.document_id = ? AND e.deleted_at IS NULL').all(args.documentId).map((r) => r.coder_id))];
  const adjudicated = new Set(
    prepared<[string], { a: string | null; b: string | null }>(db, 'SELECT a_engagement_id AS a, b_engagement_id AS b FROM adjudications WHERE document_id = ?')
      .all(args.documentId)
      .flatMap((r) => [r.a, r.b])
      .filter((x): x is string => Boolean(x)),
  );
  const target = new Map<string, { status: 'in-review' | 'disputed'; fields: string[] }>();
  if (pair) {
    const resolveActor = (id: string) => resolveActorId(db, id);
    const m = matchEngagements(engagementsOf(db, args.documentId, pair.coderA.id), engagementsOf(db, args.documentId, pair.coderB.id), { resolveActor });
    for (const p of m.pairs) {
      const fields = differingFields(p.a, p.b, { resolveActor });
      for (const e of [p.a, p.b]) target.set(e.id, { status: fields.length ? 'disputed' : 'in-review', fields });
    }
    for (const e of [...m.onlyA, ...m.onlyB]) target.set(e.id, { status: 'disputed', fields: ['unmatched'] });
  } else {
    for (const c of coders) for (const e of engagementsOf(db, args.documentId, c)) target.set(e.id, { status: 'in-review', fields: [] });
  }
  const result: ReviewStart = { inReview: 0, disputed: 0, unchanged: 0, drafts: 0, changes: [] };
  db.transaction(() => {
    for (const [id, t] of target) {
      const e = getEngagement(db, id)!;
      if (e.status === 'draft') result.drafts++;
      if (e.status === 'draft' || e.status === 'final' || e.status === 'adjudicated' || adjudicated.has(id) || e.status === t.status) {
        result.unchanged++;
        continue;
      }
      saveEngagement(ctx, { ...toInput(e), status: t.status }, 'review');
      result.changes.push({ engagementId: id, from: e.status, to: t.status, fields: t.fields });
      if (t.status === 'disputed') result.disputed++;
      else result.inReview++;
    }
  })();
  return result;
}

type Field = 'type' | 'mode' | 'date' | 'place' | 'participants' | 'topics' | 'outcomes';

/**
 * The final record takes each field from coder A or B (evidence follows the fields it backs),
 * is saved as a new engagement with status adjudicated under the reviewer, and is linked to both
 * originals, which stay as they were.
 */
export function adjudicate(
  ctx: AppContext,
  args: { documentId: string; aId: string | null; bId: string | null; choices: Partial<Record<Field, 'a' | 'b'>>; reason: string },
): { engagement: Engagement } {
  const { db } = requireWritable(ctx);
  const a = args.aId ? getEngagement(db, args.aId) : null;
  const b = args.bId ? getEngagement(db, args.bId) : null;
  if (!a && !b) throw new AppError('invalid-input', 'review.adjudicate: name at least one of the two engagements.');
  for (const e of [a, b]) if (e && !e.sources.some((s) => s.documentId === args.documentId)) throw new AppError('invalid-input', `Engagement ${e.id} is not coded from this document.`);
  const pick = (f: Field): Engagement => {
    const side = args.choices[f] ?? (a ? 'a' : 'b');
    const chosen = side === 'a' ? a : b;
    if (!chosen) throw new AppError('invalid-input', `${f}: coder ${side.toUpperCase()} has no engagement to take it from.`);
    return chosen;
  };
  const base = pick('type');
  const fieldOfEvidence = (field: string): Field | null =>
    field === 'type' || field === 'mode' || field === 'date' || field === 'topics' || field === 'outcomes' ? field : field === 'place' ? 'place' : field.startsWith('participant:') ? 'participants' : null;
  // Participants get new ids (a participant row belongs to one engagement); their evidence follows.
  const fromP = pick('participants');
  const newIds = new Map(fromP.participants.map((p) => [p.id, randomUUID()]));
  const evidence = [a, b].flatMap((e) =>
    e
      ? e.evidence
          .filter((ev) => fieldOfEvidence(ev.field) && pick(fieldOfEvidence(ev.field)!) === e)
          .map(({ id: _id, ...ev }) => (ev.field.startsWith('participant:') ? { ...ev, field: `participant:${newIds.get(ev.field.slice(12))}` as typeof ev.field } : ev))
          .filter((ev) => !ev.field.endsWith(':undefined'))
      : [],
  );
  const input: EngagementInput = {
    type: base.type,
    mode: pick('mode').mode,
    date: pick('date').date,
    place: pick('place').place,
    countryCode: pick('place').countryCode,
    participants: fromP.participants.map((p) => ({ ...p, id: newIds.get(p.id)! })),
    topics: pick('topics').topics,
    outcomes: pick('outcomes').outcomes,
    notes: `Adjudicated: ${args.reason}`,
    confidence: base.confidence,
    status: 'adjudicated',
    sources: [...new Map([...(a?.sources ?? []), ...(b?.sources ?? [])].map((s) => [s.documentId, s])).values()],
    evidence,
  };
  const coderId = currentCoderId(ctx);
  const result = db.transaction(() => {
    const saved = saveEngagement(ctx, input, 'adjudicate');
    const adjId = randomUUID();
    prepared(
      db,
      'INSERT INTO adjudications (id, document_id, final_engagement_id, a_engagement_id, b_engagement_id, choices_json, reason, coder_id, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(adjId, args.documentId, saved.engagement.id, a?.id ?? null, b?.id ?? null, JSON.stringify(args.choices), args.reason, coderId, new Date().toISOString());
    appendAudit(db, { coderId, entity: 'adjudication', entityId: adjId, action: 'adjudicate', after: { final: saved.engagement.id, a: a?.id ?? null, b: b?.id ?? null, choices: args.choices, reason: args.reason } });
    return saved.engagement;
  })();
  ctx.emit('db.changed', { tables: ['engagements', 'adjudications'] });
  return { engagement: result };
}

export function adjudications(ctx: AppContext, args: { documentId: string }) {
  const { db } = requireStore(ctx);
  return prepared<[string], { id: string; finalId: string; aId: string | null; bId: string | null; reason: string; coder: string; at: string }>(
    db,
    `SELECT j.id, j.final_engagement_id AS finalId, j.a_engagement_id AS aId, j.b_engagement_id AS bId, j.reason, coalesce(c.name, j.coder_id) AS coder, j.at
     FROM adjudications j LEFT JOIN coders c ON c.id = j.coder_id WHERE j.document_id = ? ORDER BY j.at`,
  ).all(args.documentId);
}

interface CommentRow {
  id: string;
  parent_id: string | null;
  coder_id: string;
  name: string | null;
  color: string | null;
  body: string;
  at: string;
}
const toComment = (r: CommentRow): Comment => ({ id: r.id, parentId: r.parent_id, coder: { id: r.coder_id, name: r.name ?? r.coder_id, color: r.color ?? '#888888' }, body: r.body, at: r.at });

export function listComments(ctx: AppContext, args: { entity: 'engagement' | 'document'; entityId: string }): Comment[] {
  const { db } = requireStore(ctx);
  return prepared<[string, string], CommentRow>(
    db,
    'SELECT m.id, m.parent_id, m.coder_id, c.name, c.color, m.body, m.at FROM comments m LEFT JOIN coders c ON c.id = m.coder_id WHERE m.entity = ? AND m.entity_id = ? ORDER BY m.at, m.rowid',
  )
    .all(args.entity, args.entityId)
    .map(toComment);
}

export function addComment(ctx: AppContext, args: { entity: 'engagement' | 'document'; entityId: string; parentId: string | null; body: string }): Comment {
  const { db } = requireWritable(ctx);
  const table = args.entity === 'engagement' ? 'engagements' : 'documents';
  if (!prepared<[string], { id: string }>(db, `SELECT id FROM ${table} WHERE id = ?`).get(args.entityId)) throw new AppError('not-found', `There is no ${args.entity} ${args.entityId}.`);
  if (args.parentId) {
    const parent = prepared<[string], { entity_id: string }>(db, 'SELECT entity_id FROM comments WHERE id = ?').get(args.parentId);
    if (parent?.entity_id !== args.entityId) throw new AppError('invalid-input', 'A reply must answer a comment on the same record.');
  }
  const coderId = currentCoderId(ctx);
  const comment = { id: randomUUID(), at: new Date().toISOString() };
  db.transaction(() => {
    prepared(db, 'INSERT INTO comments (id, entity, entity_id, parent_id, coder_id, body, at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(comment.id, args.entity, args.entityId, args.parentId, coderId, args.body, comment.at);
    appendAudit(db, { coderId, entity: 'comment', entityId: comment.id, action: 'create', after: { on: `${args.entity}:${args.entityId}`, parentId: args.parentId, body: args.body } });
  })();
  ctx.emit('db.changed', { tables: ['comments'] });
  return listComments(ctx, args).find((c) => c.id === comment.id)!;
}
