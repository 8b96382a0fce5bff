import type { AgreementRow } from '../../shared/review/agreement';
import { agreementRows } from '../../shared/review/agreement';
import { agreementCsv } from '../../shared/review/csv';
import { matchEngagements } from '../../shared/review/match';
import type { CodingCommand, EngagementInput } from '../../shared/contract-coding';
import type { DoubleCoded, HistoryEntry, QueueItem } from '../../shared/contract-agreement';
import { AppError } from '../../shared/errors';
import type { Engagement } from '../../shared/model/engagement';
import type { Db } from '../store/open';
import { prepared } from '../store/prepared';
import { appendAudit } from '../store/repos/audit';
import { resolveActorId } from '../store/repos/actors';
import { getEngagement } from '../store/repos/engagements';
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
