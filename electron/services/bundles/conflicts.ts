/**
 * The conflict report: records changed on both sides, kept with both versions until a reviewer
 * takes one. Taking the incoming version writes it through the store's write functions; keeping
 * the local one teaches this project the incoming state, so the same bundle is skipped next time
 * and the other machine fast-forwards to our version when it imports one of ours.
 */
import { randomUUID } from 'node:crypto';
import type { BundleConflict } from '../../../shared/contract-bundles';
import { AppError } from '../../../shared/errors';
import type { Actor } from '../../../shared/model/actor';
import type { Codebook } from '../../../shared/model/codebook';
import type { Engagement } from '../../../shared/model/engagement';
import type { Db } from '../../store/open';
import { prepared } from '../../store/prepared';
import { getActor } from '../../store/repos/actors';
import { appendAudit } from '../../store/repos/audit';
import { getCoder } from '../../store/repos/coders';
import { type ActorRecord, type EngagementRecord, localEngagement, setIncomingMerge, writeIncomingActorContent, writeIncomingEngagement } from './apply';
import { actorFullState, actorState, engagementState, localDocKeys, rememberLineage } from './lineage';

interface ConflictRow {
  id: string;
  import_id: string;
  entity: 'engagement' | 'actor' | 'codebook';
  entity_id: string;
  label: string;
  reason: string;
  local_json: string;
  incoming_json: string;
  local_state: string;
  incoming_state: string;
  incoming_lineage_json: string;
  status: 'open' | 'resolved';
  created_at: string;
  resolution: 'local' | 'incoming' | null;
  resolved_at: string | null;
  resolved_by: string | null;
}

function rowToConflict(r: ConflictRow): BundleConflict {
  const common = {
    id: r.id,
    importId: r.import_id,
    entityId: r.entity_id,
    label: r.label,
    reason: r.reason,
    status: r.status,
    createdAt: r.created_at,
    resolution: r.resolution,
    resolvedAt: r.resolved_at,
    resolvedBy: r.resolved_by,
  };
  if (r.entity === 'engagement') {
    type E = Engagement & { deletedAt: string | null };
    return { ...common, entity: 'engagement', local: JSON.parse(r.local_json) as E, incoming: JSON.parse(r.incoming_json) as E };
  }
  if (r.entity === 'actor') return { ...common, entity: 'actor', local: JSON.parse(r.local_json) as Actor, incoming: JSON.parse(r.incoming_json) as Actor };
  return { ...common, entity: 'codebook', local: JSON.parse(r.local_json) as Codebook, incoming: JSON.parse(r.incoming_json) as Codebook };
}

export function engagementLabel(e: { type: string; date: { value: string | null }; place: string | null }): string {
  return `${e.type} ${e.date.value ?? 'undated'}${e.place ? ` (${e.place})` : ''}`;
}

export interface NewConflict {
  importId: string;
  entity: ConflictRow['entity'];
  entityId: string;
  label: string;
  reason: string;
  local: unknown;
  incoming: unknown;
  localState: string;
  incomingState: string;
  incomingLineage: string[];
}

/**
 * Record a conflict, unless this exact pair of versions was met before: still open, it is
 * answered again (not duplicated); already resolved, the reviewer's answer stands (null).
 */
export function recordConflict(db: Db, c: NewConflict, now: string): BundleConflict | null {
  const earlier = prepared<[string, string, string, string], ConflictRow>(
    db,
    `SELECT * FROM bundle_conflicts WHERE entity = ? AND entity_id = ? AND local_state = ? AND incoming_state = ?
     ORDER BY status = 'open' DESC, created_at DESC LIMIT 1`,
  ).get(c.entity, c.entityId, c.localState, c.incomingState);
  if (earlier) return earlier.status === 'open' ? rowToConflict(earlier) : null;
  const id = randomUUID();
  prepared(
    db,
    `INSERT INTO bundle_conflicts (id, import_id, entity, entity_id, label, reason, local_json, incoming_json, local_state, incoming_state,
       incoming_lineage_json, status, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?)`,
  ).run(id, c.importId, c.entity, c.entityId, c.label, c.reason, JSON.stringify(c.local), JSON.stringify(c.incoming), c.localState, c.incomingState, JSON.stringify(c.incomingLineage), now);
  return getConflict(db, id);
}

export function getConflict(db: Db, id: string): BundleConflict | null {
  const row = prepared<[string], ConflictRow>(db, 'SELECT * FROM bundle_conflicts WHERE id = ?').get(id);
  return row ? rowToConflict(row) : null;
}

export function listConflicts(db: Db, status: 'open' | 'resolved' | 'all' = 'open'): BundleConflict[] {
  return prepared<[{ status: string }], ConflictRow>(db, "SELECT * FROM bundle_conflicts WHERE ($status = 'all' OR status = $status) ORDER BY created_at, rowid")
    .all({ status })
    .map(rowToConflict);
}

function changedSince(what: string): AppError {
  return new AppError(
    'invalid-input',
    `The local ${what} was changed after this conflict was recorded, so taking the incoming version would overwrite an edit nobody compared. Keep the local version, then import the bundle again to compare it with the current one.`,
  );
}

/** Take the local or the incoming version of a conflicting record; recorded in the audit log. */
export function resolveConflict(db: Db, conflictId: string, take: 'local' | 'incoming', coderId: string): BundleConflict {
  const row = prepared<[string], ConflictRow>(db, 'SELECT * FROM bundle_conflicts WHERE id = ?').get(conflictId);
  if (!row) throw new AppError('not-found', `There is no bundle conflict ${conflictId} in this project.`);
  if (row.status === 'resolved') throw new AppError('invalid-input', `This conflict was already resolved (${row.resolution} version kept).`);
  if (!getCoder(db, coderId)) throw new AppError('not-found', `There is no coder ${coderId} in this project.`);
  const lineage = JSON.parse(row.incoming_lineage_json) as string[];
  const key = localDocKeys(db);
  db.transaction(() => {
    const now = new Date().toISOString();
    if (row.entity === 'engagement') {
      const incoming = JSON.parse(row.incoming_json) as EngagementRecord;
      if (take === 'incoming') {
        const local = localEngagement(db, row.entity_id);
        const localNow = local ? engagementState(local, local.deletedAt !== null, key) : '';
        if (!local || localNow !== row.local_state) throw changedSince('engagement');
        const contentChanged = engagementState(local, false, key) !== engagementState(incoming, false, key);
        writeIncomingEngagement(db, incoming, local, { coderId, action: 'bundle-resolve', contentChanged });
        rememberLineage(db, 'engagement', row.entity_id, [...lineage, row.local_state]);
      } else {
        rememberLineage(db, 'engagement', row.entity_id, [...lineage, row.incoming_state]);
      }
    } else if (row.entity === 'actor') {
      const incoming = JSON.parse(row.incoming_json) as ActorRecord;
      if (take === 'incoming') {
        const local = getActor(db, row.entity_id);
        if (!local || actorFullState(local) !== row.local_state) throw changedSince('actor');
        if (actorState(local) !== actorState(incoming)) writeIncomingActorContent(db, incoming, local, { coderId, action: 'bundle-resolve' });
        if (local.mergedInto !== incoming.mergedInto) setIncomingMerge(db, row.entity_id, local.mergedInto, incoming.mergedInto, coderId);
        rememberLineage(db, 'actor', row.entity_id, [...lineage, actorState(local)]);
      } else {
        rememberLineage(db, 'actor', row.entity_id, [...lineage, actorState(incoming)]);
      }
    } else if (take === 'incoming') {
      throw new AppError(
        'invalid-input',
        'Two different codebooks carry this id and version number, and one number cannot hold both. Keep the local version; if the incoming codebook is needed, import its JSON as a new codebook.',
      );
    }
    prepared(db, "UPDATE bundle_conflicts SET status = 'resolved', resolution = ?, resolved_at = ?, resolved_by = ? WHERE id = ?").run(take, now, coderId, conflictId);
    appendAudit(db, { coderId, entity: 'bundle-conflict', entityId: conflictId, action: 'resolve', after: { take, entity: row.entity, entityId: row.entity_id, importId: row.import_id } });
  })();
  return getConflict(db, conflictId) as BundleConflict;
}
