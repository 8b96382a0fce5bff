import { randomUUID } from 'node:crypto';
import { validateEngagement } from '../../../shared/codebook';
import type { CodingCommand, EngagementInput, EngagementSummary } from '../../../shared/contract-coding';
import { AppError } from '../../../shared/errors';
import type { Engagement } from '../../../shared/model/engagement';
import type { Db } from '../../store/open';
import { prepared } from '../../store/prepared';
import { blindCoderFor } from '../../store/repos/assignments';
import { appendAudit } from '../../store/repos/audit';
import { engagementsForDocument, getEngagement, isDeleted, markDeleted, toInput, writeEngagement } from '../../store/repos/engagements';
import { currentCoderId } from '../coders';
import { type AppContext, requireStore, requireWritable } from '../context';
import { activeCodebook, codebookFor } from './codebooks';

type Issue = { field: string; message: string; severity: 'error' | 'warning' };

/**
 * Evidence must quote its document exactly: a span that does not match the immutable text is
 * refused (it would otherwise show the analyst words the article does not contain).
 */
function checkEvidence(db: Db, input: EngagementInput): void {
  const textOf = prepared<[string], { text: string }>(db, 'SELECT text FROM documents WHERE id = ?');
  const cache = new Map<string, string | null>();
  for (const s of input.sources) {
    if (!cache.has(s.documentId)) cache.set(s.documentId, textOf.get(s.documentId)?.text ?? null);
    if (cache.get(s.documentId) === null) throw new AppError('not-found', `Source document ${s.documentId} is not in this project.`);
  }
  for (const e of input.evidence) {
    if (!cache.has(e.documentId)) cache.set(e.documentId, textOf.get(e.documentId)?.text ?? null);
    const text = cache.get(e.documentId);
    if (text == null) throw new AppError('not-found', `Evidence points to document ${e.documentId}, which is not in this project.`);
    if (!input.sources.some((s) => s.documentId === e.documentId)) {
      throw new AppError('invalid-input', `Evidence "${e.quote.slice(0, 40)}" comes from an article that is not a source of this engagement; add the article as a source first.`);
    }
    if (e.end > text.length || text.slice(e.start, e.end) !== e.quote) {
      throw new AppError('invalid-input', `Evidence "${e.quote.slice(0, 40)}" does not match the article's text at ${e.start}–${e.end}; select the passage again.`);
    }
  }
  const actorExists = prepared<[string], { id: string }>(db, 'SELECT id FROM actors WHERE id = ?');
  for (const p of input.participants) {
    if (!actorExists.get(p.actorId)) throw new AppError('not-found', `Participant actor ${p.actorId} does not exist; create the actor first.`);
    if (p.sideId && !actorExists.get(p.sideId)) throw new AppError('not-found', `Side ${p.sideId} does not exist; create the country or organisation first.`);
  }
}

/** Save (create or update) and answer the inverse. Runs in one transaction with its audit entry. */
export function saveEngagement(ctx: AppContext, input: EngagementInput, auditAction?: string): { engagement: Engagement; inverse: CodingCommand; issues: Issue[] } {
  const { db } = requireWritable(ctx);
  const coderId = currentCoderId(ctx);
  const id = input.id ?? randomUUID();
  const withId = { ...input, id, participants: input.participants.map((p) => ({ ...p, id: p.id ?? randomUUID() })), evidence: input.evidence.map((e) => ({ ...e, id: e.id ?? randomUUID() })) };
  const before = getEngagement(db, id, { includeDeleted: true });
  const codebook = before ? (codebookFor(db, before.codebookId, before.codebookVersion) ?? activeCodebook(ctx)) : activeCodebook(ctx);
  checkEvidence(db, withId);
  // The record keeps its author (blind double coding and agreement are per author); who made each
  // change is in the audit log.
  const authorId = before?.coderId ?? coderId;
  const draft: Engagement = {
    ...withId,
    codebookId: codebook.id,
    codebookVersion: codebook.version,
    coderId: authorId,
    createdAt: before?.createdAt ?? new Date().toISOString(),
    updatedAt: new Date().toISOString(),
    revision: (before?.revision ?? 0) + 1,
    participants: withId.participants as Engagement['participants'],
    evidence: withId.evidence as Engagement['evidence'],
    date: withId.date as Engagement['date'],
  };
  const issues = validateEngagement(draft, codebook);
  const errors = issues.filter((i) => i.severity === 'error');
  if (input.status !== 'draft' && errors.length > 0) {
    throw new AppError('invalid-input', `Cannot mark as ${input.status}: ${errors.map((e) => e.message).join(' ')} Save it as a draft to finish later.`);
  }
  const wasDeleted = before ? isDeleted(db, id) : false;
  db.transaction(() => {
    writeEngagement(db, withId, { codebookId: codebook.id, codebookVersion: codebook.version, coderId: authorId, createdAt: draft.createdAt, revision: draft.revision });
    appendAudit(db, { coderId, entity: 'engagement', entityId: id, action: auditAction ?? (before && !wasDeleted ? 'update' : before ? 'restore' : 'create'), before: before && !wasDeleted ? toInput(before) : undefined, after: toInput(draft) });
  })();
  ctx.emit('db.changed', { tables: ['engagements'] });
  const engagement = getEngagement(db, id)!;
  const inverse: CodingCommand = before && !wasDeleted ? { op: 'engagement.save', engagement: toInput(before) } : { op: 'engagement.delete', id };
  return { engagement, inverse, issues };
}

export function deleteEngagement(ctx: AppContext, args: { id: string }): { inverse: CodingCommand } {
  const { db } = requireWritable(ctx);
  const before = getEngagement(db, args.id);
  if (!before) throw new AppError('not-found', `There is no engagement ${args.id} (it may already be deleted).`);
  const coderId = currentCoderId(ctx);
  db.transaction(() => {
    markDeleted(db, args.id, before.coderId);
    appendAudit(db, { coderId, entity: 'engagement', entityId: args.id, action: 'delete', before: toInput(before) });
  })();
  ctx.emit('db.changed', { tables: ['engagements'] });
  return { inverse: { op: 'engagement.save', engagement: toInput(before) } };
}

export function get(ctx: AppContext, args: { id: string }): Engagement {
  const found = getEngagement(requireStore(ctx).db, args.id);
  if (!found) throw new AppError('not-found', `There is no engagement ${args.id} in this project.`);
  return found;
}

export function forDocument(ctx: AppContext, args: { documentId: string }): Engagement[] {
  const { db } = requireStore(ctx);
  const all = engagementsForDocument(db, args.documentId);
  const only = blindCoderFor(db, args.documentId, currentCoderId(ctx));
  return only ? all.filter((e) => e.coderId === only) : all;
}

export function list(ctx: AppContext, args: { limit: number; cursor: string | null }): { rows: EngagementSummary[]; total: number; nextCursor: string | null } {
  const { db } = requireStore(ctx);
  const [afterAt, afterId] = args.cursor ? (JSON.parse(Buffer.from(args.cursor, 'base64url').toString()) as [string, string]) : [null, null];
  const rows = prepared<[Record<string, unknown>], { id: string; updated_at: string }>(
    db,
    `SELECT id, updated_at FROM engagements WHERE deleted_at IS NULL
       AND ($afterAt IS NULL OR updated_at < $afterAt OR (updated_at = $afterAt AND id < $afterId))
     ORDER BY updated_at DESC, id DESC LIMIT $limit`,
  ).all({ afterAt, afterId, limit: args.limit + 1 });
  const more = rows.length > args.limit;
  const page = rows.slice(0, args.limit);
  const names = prepared<[string], { name: string }>(db, 'SELECT name FROM actors WHERE id = ?');
  const summaries = page.map((r): EngagementSummary => {
    const e = getEngagement(db, r.id)!;
    return {
      id: e.id,
      type: e.type,
      mode: e.mode,
      date: e.date,
      place: e.place,
      status: e.status,
      participants: e.participants.map((p) => ({ id: p.id, actorId: p.actorId, name: names.get(p.actorId)?.name ?? '?', role: p.role, title: p.title, side: p.sideId ? (names.get(p.sideId)?.name ?? null) : null })),
      documentIds: e.sources.map((s) => s.documentId),
      coderId: e.coderId,
      updatedAt: e.updatedAt,
    };
  });
  const total = prepared<[], { n: number }>(db, 'SELECT count(*) AS n FROM engagements WHERE deleted_at IS NULL').get()!.n;
  const last = page.at(-1);
  return { rows: summaries, total, nextCursor: more && last ? Buffer.from(JSON.stringify([last.updated_at, last.id])).toString('base64url') : null };
}
