/**
 * Export: a coder's work (or the whole project's) as one bundle file. Takes the engagements
 * touched (by the coder, since a time), every actor they reference (following sides, role
 * organisations and merges, so the bundle is self-contained), the codebook versions they were
 * coded under, the coders named, the audit entries of all of these, and the identities (never
 * the text) of their source documents. Comments go by the same filter (who wrote them, when),
 * with the comments they answer, and bring the engagements and documents they are on.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import type { Codebook } from '../../../shared/model/codebook';
import type { Db } from '../../store/open';
import { prepared } from '../../store/prepared';
import { getActor } from '../../store/repos/actors';
import type { AuditRow } from '../../store/repos/audit';
import { getCodebookVersion } from '../../store/repos/codebooks';
import { getCoder, getMeta } from '../../store/repos/coders';
import { getEngagement } from '../../store/repos/engagements';
import { packBundle } from './container';
import type { BundleActor, BundleAuditEntry, BundleCoder, BundleComment, BundleDocument, BundleEngagement, BundleManifest } from './format';
import { actorState, engagementState, localDocKeys, localLineage } from './lineage';

export interface ExportOptions {
  /** Only records this coder changed (by the audit log); also names the exporting coder. */
  coderId?: string;
  /** Only records changed at or after this time (ISO 8601). */
  since?: string;
}

export interface ExportedBundle {
  bytes: Buffer;
  manifest: BundleManifest;
  /** How many records of each kind the bundle holds (what the CLI reports). */
  counts: { engagements: number; actors: number; comments: number; documents: number; codebooks: number; coders: number; auditEntries: number };
}

function normaliseSince(since: string | undefined): string | null {
  if (since === undefined) return null;
  const t = new Date(since);
  if (Number.isNaN(t.getTime())) throw new AppError('invalid-input', `"${since}" is not a time; use ISO 8601 like 2024-05-01T00:00:00Z.`);
  // The audit log stores toISOString() text, so the bound must be in the same form to compare.
  return t.toISOString();
}

/** Ids of the records of one kind that the filter selects (all of them without a filter). */
function selectedIds(db: Db, entity: 'engagement' | 'actor', coderId: string | null, since: string | null): string[] {
  const table = entity === 'engagement' ? 'engagements' : 'actors';
  if (coderId === null && since === null) return prepared<[], { id: string }>(db, `SELECT id FROM ${table} ORDER BY created_at, id`).all().map((r) => r.id);
  return prepared<[Record<string, unknown>], { id: string }>(
    db,
    `SELECT t.id FROM ${table} t WHERE t.id IN (
       SELECT entity_id FROM audit_log WHERE entity = $entity
         AND ($coderId IS NULL OR coder_id = $coderId) AND ($since IS NULL OR at >= $since))
     ORDER BY t.created_at, t.id`,
  )
    .all({ entity, coderId, since })
    .map((r) => r.id);
}

/** A row of `comments` as stored. */
export interface CommentRow {
  id: string;
  entity: 'engagement' | 'document';
  entity_id: string;
  parent_id: string | null;
  coder_id: string;
  body: string;
  at: string;
}

/**
 * The comments the filter selects (written by the coder, at or after the time; all without a
 * filter) and every comment they answer, whatever its author or time: a reply never arrives
 * without the thread above it.
 */
function selectedComments(db: Db, coderId: string | null, since: string | null): BundleComment[] {
  const columns = 'id, entity, entity_id, parent_id, coder_id, body, at';
  const rows = prepared<[Record<string, unknown>], CommentRow>(
    db,
    `SELECT ${columns} FROM comments WHERE ($coderId IS NULL OR coder_id = $coderId) AND ($since IS NULL OR at >= $since) ORDER BY at, rowid`,
  ).all({ coderId, since });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const one = prepared<[string], CommentRow>(db, `SELECT ${columns} FROM comments WHERE id = ?`);
  for (const r of rows) {
    for (let p = r.parent_id; p && !byId.has(p); ) {
      const parent = one.get(p);
      if (!parent) break;
      byId.set(p, parent);
      p = parent.parent_id;
    }
  }
  // In the order written (the import does not depend on it: clocks of two machines can disagree).
  const byTime = (x: CommentRow, y: CommentRow) => (x.at < y.at ? -1 : x.at > y.at ? 1 : 0);
  return [...byId.values()].sort(byTime).map((r) => ({ id: r.id, entity: r.entity, entityId: r.entity_id, parentId: r.parent_id, coderId: r.coder_id, body: r.body, at: r.at }));
}

/** The bundle file of the project's work (filtered by coder and time). */
export async function exportBundle(db: Db, opts: ExportOptions = {}): Promise<Buffer> {
  return (await buildBundle(db, opts)).bytes;
}

/** The bundle file and its manifest (for the caller that names the file and reports what it holds). */
export async function buildBundle(db: Db, opts: ExportOptions = {}): Promise<ExportedBundle> {
  const since = normaliseSince(opts.since);
  const exporterId = opts.coderId ?? getMeta(db, 'current_coder_id');
  const exporter = exporterId ? getCoder(db, exporterId) : null;
  if (!exporter) throw new AppError('not-found', `There is no coder ${exporterId ?? '(none)'} in this project.`);
  const projectId = getMeta(db, 'project_id');
  if (!projectId) throw new AppError('internal', 'This project has no id; it cannot exchange bundles.');
  const filterCoder = opts.coderId ?? null;
  const key = localDocKeys(db);

  // Read everything in one snapshot, so the parts agree with each other even while others write.
  const parts = db.transaction(() => {
    const engagements: BundleEngagement[] = [];
    const actorIds = new Set(selectedIds(db, 'actor', filterCoder, since));
    const codebookKeys = new Map<string, { id: string; version: number }>();
    const documentIds = new Set<string>();
    const coderIds = new Set<string>([exporter.id]);
    const deletedAt = prepared<[string], { deleted_at: string | null }>(db, 'SELECT deleted_at FROM engagements WHERE id = ?');
    const comments = selectedComments(db, filterCoder, since);
    for (const c of comments) {
      coderIds.add(c.coderId);
      if (c.entity === 'document') documentIds.add(c.entityId);
    }
    // An engagement commented on travels with its comments, so the importer can place them.
    const commented = comments.filter((c) => c.entity === 'engagement').map((c) => c.entityId);
    for (const id of new Set([...selectedIds(db, 'engagement', filterCoder, since), ...commented])) {
      const e = getEngagement(db, id, { includeDeleted: true });
      if (!e) continue;
      const gone = deletedAt.get(id)?.deleted_at ?? null;
      const current = engagementState(e, gone !== null, key);
      const lineage = [...localLineage(db, 'engagement', id, key)].filter((s) => s !== current);
      engagements.push({ ...e, deletedAt: gone, lineage });
      for (const p of e.participants) {
        actorIds.add(p.actorId);
        if (p.sideId) actorIds.add(p.sideId);
      }
      for (const s of e.sources) documentIds.add(s.documentId);
      for (const x of e.evidence) documentIds.add(x.documentId);
      codebookKeys.set(`${e.codebookId}@${e.codebookVersion}`, { id: e.codebookId, version: e.codebookVersion });
      coderIds.add(e.coderId);
    }

    // Follow references until closed: an imported actor must never point at one left behind.
    const actors: BundleActor[] = [];
    const actorCoder = prepared<[string], { coder_id: string }>(db, 'SELECT coder_id FROM actors WHERE id = ?');
    const queue = [...actorIds];
    const seen = new Set<string>();
    while (queue.length) {
      const id = queue.shift() as string;
      if (seen.has(id)) continue;
      seen.add(id);
      const a = getActor(db, id);
      if (!a) continue;
      const coderId = actorCoder.get(id)?.coder_id ?? exporter.id;
      coderIds.add(coderId);
      const current = actorState(a);
      const lineage = [...localLineage(db, 'actor', id, key)].filter((s) => s !== current);
      actors.push({ id: a.id, kind: a.kind, name: a.name, aliases: a.aliases.filter((x) => x !== a.name), countryCode: a.countryCode, roles: a.roles, notes: a.notes, mergedInto: a.mergedInto, coderId, lineage });
      if (a.mergedInto) queue.push(a.mergedInto);
      for (const r of a.roles) if (r.organisationId) queue.push(r.organisationId);
    }

    const codebooks: Codebook[] = [];
    for (const { id, version } of codebookKeys.values()) {
      const cb = getCodebookVersion(db, id, version);
      if (cb) codebooks.push(cb);
    }

    const docRow = prepared<[string], { id: string; sha256: string; record_index: number; title: string | null }>(db, 'SELECT id, sha256, record_index, title FROM documents WHERE id = ?');
    const documents: BundleDocument[] = [];
    for (const id of documentIds) {
      const d = docRow.get(id);
      if (d) documents.push({ id: d.id, sha256: d.sha256, recordIndex: d.record_index, title: d.title });
    }

    const audit: BundleAuditEntry[] = [];
    const auditOf = prepared<[string, string], AuditRow>(db, 'SELECT * FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY seq');
    const wanted: [string, Iterable<string>][] = [
      ['engagement', engagements.map((e) => e.id)],
      ['actor', actors.map((a) => a.id)],
      ['codebook', codebooks.map((c) => c.id)],
      ['coder', coderIds],
      ['comment', comments.map((c) => c.id)],
    ];
    const bySeq = new Map<number, AuditRow>();
    for (const [entity, ids] of wanted) for (const id of new Set(ids)) for (const row of auditOf.all(entity, id)) bySeq.set(row.seq, row);
    for (const row of [...bySeq.values()].sort((a, b) => a.seq - b.seq)) {
      coderIds.add(row.coder_id);
      audit.push({
        seq: row.seq,
        at: row.at,
        coderId: row.coder_id,
        entity: row.entity,
        entityId: row.entity_id,
        action: row.action,
        beforeJson: row.before_json,
        afterJson: row.after_json,
        prevHash: row.prev_hash,
        hash: row.hash,
      });
    }

    const coders: BundleCoder[] = [];
    for (const id of coderIds) {
      const c = getCoder(db, id);
      if (c) coders.push({ id: c.id, name: c.name, initials: c.initials, color: c.color, createdAt: c.createdAt });
    }
    return { parts: { engagements, actors, documents, codebooks, coders, audit, comments }, codebookKeys: [...codebookKeys.values()] };
  })();

  const head = {
    bundleId: randomUUID(),
    project: { id: projectId, name: getMeta(db, 'name') ?? '' },
    codebooks: parts.codebookKeys,
    exportedBy: { id: exporter.id, name: exporter.name, initials: exporter.initials },
    filter: { coderId: filterCoder, since },
    createdAt: new Date().toISOString(),
  };
  const p = parts.parts;
  const counts = {
    engagements: p.engagements.length,
    actors: p.actors.length,
    comments: p.comments.length,
    documents: p.documents.length,
    codebooks: p.codebooks.length,
    coders: p.coders.length,
    auditEntries: p.audit.length,
  };
  return { ...(await packBundle(head, p)), counts };
}
