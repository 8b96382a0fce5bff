/**
 * Writing an incoming record over (or beside) the local one: through the store's own write
 * functions, each change with its audit entry under the coder doing the import or the
 * resolution. Run inside the caller's transaction.
 */
import { normaliseName } from '../../../shared/actors/names';
import type { ActorInput, EngagementInput } from '../../../shared/contract-coding';
import { AppError } from '../../../shared/errors';
import type { Actor } from '../../../shared/model/actor';
import type { Engagement } from '../../../shared/model/engagement';
import type { Db } from '../../store/open';
import { prepared } from '../../store/prepared';
import { resolveActorId, setMergedInto, toActorInput, writeActor } from '../../store/repos/actors';
import { appendAudit } from '../../store/repos/audit';
import { getEngagement, toInput, writeEngagement } from '../../store/repos/engagements';

/** An engagement as a bundle carries it: the record plus when (if) it was deleted. */
export type EngagementRecord = Omit<Engagement, 'participants' | 'evidence'> & {
  participants: (Omit<Engagement['participants'][number], 'id'> & { id?: string })[];
  evidence: (Omit<Engagement['evidence'][number], 'id' | 'field'> & { id?: string; field: string })[];
  deletedAt: string | null;
};

/** An actor as a bundle carries it: content, merge and its author. */
export type ActorRecord = ActorInput & { id: string; mergedInto: string | null; coderId: string };

export function recordToInput(e: EngagementRecord): EngagementInput & { id: string } {
  return {
    id: e.id,
    type: e.type,
    mode: e.mode,
    date: { value: e.date.value, precision: e.date.precision, inferred: e.date.inferred, ...(e.date.basis ? { basis: e.date.basis } : {}) },
    place: e.place,
    countryCode: e.countryCode,
    participants: e.participants,
    topics: e.topics,
    outcomes: e.outcomes,
    notes: e.notes,
    confidence: e.confidence,
    status: e.status,
    sources: e.sources,
    evidence: e.evidence,
  };
}

export function actorRecordToInput(a: ActorRecord): ActorInput & { id: string } {
  return { id: a.id, kind: a.kind, name: a.name, aliases: a.aliases, countryCode: a.countryCode, roles: a.roles, notes: a.notes };
}

export function deletedAtOf(db: Db, id: string): string | null {
  return prepared<[string], { d: string | null }>(db, 'SELECT deleted_at AS d FROM engagements WHERE id = ?').get(id)?.d ?? null;
}

/** The local engagement with its deletion time, or null when this project never had it. */
export function localEngagement(db: Db, id: string): (Engagement & { deletedAt: string | null }) | null {
  const e = getEngagement(db, id, { includeDeleted: true });
  return e ? { ...e, deletedAt: deletedAtOf(db, id) } : null;
}

/**
 * Make the local engagement equal to the incoming record (creating it when `local` is null).
 * The author (`coderId` of the record) is kept; the audit entries name who imported or resolved.
 * `action` is the verb for a content change ('bundle-create', 'bundle-update', 'bundle-resolve').
 */
export function writeIncomingEngagement(
  db: Db,
  incoming: EngagementRecord,
  local: (Engagement & { deletedAt: string | null }) | null,
  by: { coderId: string; action: string; contentChanged: boolean },
): void {
  const input = recordToInput(incoming);
  // Revisions are per machine (see lineage.ts); never let the local count go backwards.
  const revision = Math.max(incoming.revision, (local?.revision ?? 0) + 1);
  writeEngagement(db, input, { codebookId: incoming.codebookId, codebookVersion: incoming.codebookVersion, coderId: incoming.coderId, createdAt: incoming.createdAt, revision });
  prepared(db, 'UPDATE engagements SET deleted_at = ? WHERE id = ?').run(incoming.deletedAt, incoming.id);
  if (!local || by.contentChanged) {
    appendAudit(db, { coderId: by.coderId, entity: 'engagement', entityId: incoming.id, action: by.action, before: local ? toInput(local) : undefined, after: input });
  }
  const wasDeleted = local ? local.deletedAt !== null : false;
  const isDeleted = incoming.deletedAt !== null;
  if (isDeleted && !wasDeleted) appendAudit(db, { coderId: by.coderId, entity: 'engagement', entityId: incoming.id, action: 'bundle-delete', before: input });
  if (!isDeleted && wasDeleted) appendAudit(db, { coderId: by.coderId, entity: 'engagement', entityId: incoming.id, action: 'bundle-restore', after: input });
}

/**
 * Create an actor that this project does not have. The row goes in with its merge already set
 * (a duplicate country may only exist merged: one live actor per ISO code is a store rule).
 */
export function insertIncomingActor(db: Db, a: ActorRecord, mergedInto: string | null, coderId: string): void {
  const now = new Date().toISOString();
  prepared(
    db,
    `INSERT INTO actors (id, kind, name, country_code, notes, merged_into, created_at, updated_at, coder_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(a.id, a.kind, a.name, a.countryCode, a.notes, mergedInto, now, now, a.coderId);
  writeActor(db, actorRecordToInput(a), a.coderId, normaliseName);
  appendAudit(db, { coderId, entity: 'actor', entityId: a.id, action: 'bundle-create', after: actorRecordToInput(a) });
  if (mergedInto) appendAudit(db, { coderId, entity: 'actor', entityId: a.id, action: 'bundle-merge', before: { mergedInto: null }, after: { mergedInto } });
}

export function writeIncomingActorContent(db: Db, a: ActorRecord, local: Actor, by: { coderId: string; action: string }): void {
  writeActor(db, actorRecordToInput(a), a.coderId, normaliseName);
  appendAudit(db, { coderId: by.coderId, entity: 'actor', entityId: a.id, action: by.action, before: toActorInput(local), after: actorRecordToInput(a) });
}

/** Set or clear a merge, refusing one that would make a loop. */
export function setIncomingMerge(db: Db, actorId: string, from: string | null, to: string | null, coderId: string): void {
  if (to && resolveActorId(db, to) === actorId) throw new AppError('invalid-input', `Merging ${actorId} into ${to} would make a loop of merges.`);
  try {
    setMergedInto(db, actorId, to);
  } catch (err) {
    if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
      throw new AppError('exists', 'Another actor already stands for this country; merge one into the other instead.');
    }
    throw err;
  }
  appendAudit(db, { coderId, entity: 'actor', entityId: actorId, action: to ? 'bundle-merge' : 'bundle-unmerge', before: { mergedInto: from }, after: { mergedInto: to } });
}
