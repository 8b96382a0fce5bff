/**
 * Import: check the bundle (container.ts, prepare.ts), then merge it in ONE transaction:
 * coders and codebook versions the project lacks are added; actors and engagements are merged by
 * id with the rule in lineage.ts (new -> added, same or older -> skipped, built on ours ->
 * fast-forwarded, changed on both sides -> a conflict, the local record untouched); comments, which
 * never change, by id alone (new -> added, known -> skipped; see prepare.ts). The other
 * machine's audit entries go to `imported_audit`; the local chain gets one `bundle/import` entry.
 */
import { randomUUID } from 'node:crypto';
import { normaliseName } from '../../../shared/actors/names';
import type { BundleConflict, BundleCounts, BundleReport, BundleSummary, PossibleDuplicate } from '../../../shared/contract-bundles';
import { AppError } from '../../../shared/errors';
import type { Codebook } from '../../../shared/model/codebook';
import type { Db } from '../../store/open';
import { prepared } from '../../store/prepared';
import { countryActorId, getActor } from '../../store/repos/actors';
import { appendAudit } from '../../store/repos/audit';
import { getCodebookVersion } from '../../store/repos/codebooks';
import { getCoder } from '../../store/repos/coders';
import { type ActorRecord, actorRecordToInput, insertIncomingActor, localEngagement, setIncomingMerge, writeIncomingActorContent, writeIncomingEngagement } from './apply';
import { engagementLabel, recordConflict } from './conflicts';
import { type BundleContents, readBundle } from './container';
import { canonicalJson } from './format';
import { actorFullState, actorState, decide, decideMerge, engagementState, localDocKeys, localLineage, localUnmerges, rememberLineage, UNMERGE_ACTIONS, unmergeTargets } from './lineage';
import { checkProject, type PreparedBundle, prepareBundle } from './prepare';

export function summarize(c: BundleContents): BundleSummary {
  const m = c.manifest;
  return {
    bundleId: m.bundleId,
    formatVersion: m.formatVersion,
    project: m.project,
    exportedBy: m.exportedBy,
    createdAt: m.createdAt,
    filter: m.filter,
    codebooks: m.codebooks,
    counts: {
      engagements: c.engagements.length,
      actors: c.actors.length,
      codebooks: c.codebooks.length,
      coders: c.coders.length,
      comments: c.comments.length,
      documents: c.documents.length,
      auditEntries: c.audit.length,
    },
    fileSha256: c.fileSha256,
  };
}

/** Check a bundle file without a project: throws BundleRefused (damaged, altered, unknown format). */
export async function inspectBundle(bytes: Uint8Array): Promise<BundleSummary> {
  return summarize(await readBundle(bytes));
}

/** Check a bundle against a project too (refuses one from another project). */
export async function inspectBundleFor(db: Db, bytes: Uint8Array): Promise<BundleSummary> {
  const contents = await readBundle(bytes);
  checkProject(db, contents);
  return summarize(contents);
}

export async function importBundle(db: Db, bytes: Uint8Array, opts: { coderId: string }): Promise<BundleReport> {
  const contents = await readBundle(bytes);
  if (!getCoder(db, opts.coderId)) throw new AppError('not-found', `There is no coder ${opts.coderId} in this project.`);
  const checked = prepareBundle(db, contents);
  // Everything async is done: the merge itself is one synchronous transaction.
  return db.transaction(() => merge(db, checked, opts.coderId))();
}

const zero = (): BundleCounts => ({ engagements: 0, actors: 0, codebooks: 0, coders: 0, comments: 0 });

interface MergeState {
  importId: string;
  now: string;
  coderId: string;
  report: BundleReport;
}

function merge(db: Db, b: PreparedBundle, coderId: string): BundleReport {
  // Records of the bundle point at each other (roles, merges, sides): check references at commit.
  db.pragma('defer_foreign_keys = ON');
  const now = new Date().toISOString();
  const importId = randomUUID();
  const report: BundleReport = { importId, bundle: summarize(b), added: zero(), updated: zero(), skipped: zero(), conflicts: [], possibleDuplicates: [] };
  const st: MergeState = { importId, now, coderId, report };
  prepared(
    db,
    `INSERT INTO bundle_imports (id, bundle_id, file_sha256, exported_by, exported_at, imported_at, coder_id, report_json)
     VALUES (?, ?, ?, ?, ?, ?, ?, '{}')`,
  ).run(importId, b.manifest.bundleId, b.fileSha256, b.manifest.exportedBy.id, b.manifest.createdAt, now, coderId);

  mergeCoders(db, b, st);
  mergeCodebooks(db, b.codebooks, st);
  mergeActors(db, b, st);
  mergeEngagements(db, b, st);
  mergeComments(db, b, st);

  const putAudit = prepared(
    db,
    `INSERT OR IGNORE INTO imported_audit (hash, import_id, origin_seq, at, coder_id, entity, entity_id, action, before_json, after_json, prev_hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  let newAudit = 0;
  for (const e of b.audit) newAudit += putAudit.run(e.hash, importId, e.seq, e.at, e.coderId, e.entity, e.entityId, e.action, e.beforeJson, e.afterJson, e.prevHash).changes;

  appendAudit(db, {
    coderId,
    entity: 'bundle',
    entityId: b.manifest.bundleId,
    action: 'import',
    after: {
      importId,
      fileSha256: b.fileSha256,
      project: b.manifest.project,
      exportedBy: b.manifest.exportedBy,
      exportedAt: b.manifest.createdAt,
      added: report.added,
      updated: report.updated,
      skipped: report.skipped,
      conflicts: report.conflicts.map((c) => c.id),
      importedAuditEntries: newAudit,
    },
  });
  prepared(db, 'UPDATE bundle_imports SET report_json = ? WHERE id = ?').run(JSON.stringify({ ...report, conflicts: report.conflicts.map((c) => c.id) }), importId);
  return report;
}

function addConflict(st: MergeState, conflict: BundleConflict | null, kind: keyof BundleCounts): void {
  // null: this very pair was already resolved by a reviewer, whose answer stands.
  if (conflict) st.report.conflicts.push(conflict);
  else st.report.skipped[kind]++;
}

function mergeCoders(db: Db, b: PreparedBundle, st: MergeState): void {
  const insert = prepared(db, 'INSERT INTO coders (id, name, initials, color, created_at) VALUES (?, ?, ?, ?, ?)');
  for (const c of b.coders) {
    if (getCoder(db, c.id)) {
      st.report.skipped.coders++;
      continue;
    }
    insert.run(c.id, c.name, c.initials, c.color, c.createdAt);
    appendAudit(db, { coderId: st.coderId, entity: 'coder', entityId: c.id, action: 'bundle-create', after: c });
    st.report.added.coders++;
  }
}

function mergeCodebooks(db: Db, codebooks: Codebook[], st: MergeState): void {
  for (const cb of codebooks) {
    const local = getCodebookVersion(db, cb.id, cb.version);
    if (local) {
      if (canonicalJson(local) === canonicalJson(cb)) st.report.skipped.codebooks++;
      else {
        const conflict = recordConflict(
          db,
          {
            importId: st.importId,
            entity: 'codebook',
            entityId: cb.id,
            label: `${cb.name} v${cb.version}`,
            reason: `Version ${cb.version} of this codebook was made separately on both machines.`,
            local,
            incoming: cb,
            localState: canonicalJson(local),
            incomingState: canonicalJson(cb),
            incomingLineage: [],
          },
          st.now,
        );
        addConflict(st, conflict, 'codebooks');
      }
      continue;
    }
    // Not writeCodebookVersion: an older version arriving must not become the current one.
    prepared(db, 'INSERT INTO codebooks (id, name, preset, current_version, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET current_version = max(current_version, excluded.current_version)').run(
      cb.id,
      cb.name,
      cb.preset ?? null,
      cb.version,
      st.now,
    );
    prepared(db, 'INSERT INTO codebook_versions (codebook_id, version, json, created_at, coder_id) VALUES (?, ?, ?, ?, ?)').run(cb.id, cb.version, JSON.stringify(cb), st.now, st.coderId);
    appendAudit(db, { coderId: st.coderId, entity: 'codebook', entityId: cb.id, action: 'bundle-import-version', after: { version: cb.version, name: cb.name } });
    st.report.added.codebooks++;
  }
}

function mergeActors(db: Db, b: PreparedBundle, st: MergeState): void {
  const added = new Set<string>();
  const forced = new Map<string, string>();
  const key = localDocKeys(db);
  for (const a of b.actors) {
    const record: ActorRecord = { ...actorRecordToInput(a), mergedInto: a.mergedInto, coderId: a.coderId };
    const incomingContent = actorState(record);
    const local = getActor(db, a.id);
    if (!local) {
      let mergedInto = a.mergedInto;
      if (a.kind === 'country' && !mergedInto && a.countryCode) {
        const existing = countryActorId(db, a.countryCode);
        if (existing) {
          mergedInto = existing;
          forced.set(a.id, existing);
        }
      }
      insertIncomingActor(db, record, mergedInto, st.coderId);
      rememberLineage(db, 'actor', a.id, [...a.lineage, incomingContent]);
      added.add(a.id);
      st.report.added.actors++;
      continue;
    }
    const content = decide(actorState(local), incomingContent, localLineage(db, 'actor', a.id, key), new Set(a.lineage));
    const incomingUnmerges = unmergeTargets(b.audit.filter((e) => e.entity === 'actor' && e.entityId === a.id && (UNMERGE_ACTIONS as readonly string[]).includes(e.action)).map((e) => e.beforeJson));
    let mergeDecision = decideMerge(local.mergedInto, a.mergedInto, localUnmerges(db, a.id), incomingUnmerges);
    if (mergeDecision === 'apply' && a.mergedInto && resolveLoop(db, a.id, a.mergedInto)) mergeDecision = 'conflict';
    if (content === 'conflict' || mergeDecision === 'conflict') {
      const reason =
        content === 'conflict' ? 'The actor was edited on both machines since they last exchanged it.' : 'The two machines disagree about which actor this one is merged into.';
      const conflict = recordConflict(
        db,
        { importId: st.importId, entity: 'actor', entityId: a.id, label: local.name, reason, local, incoming: record, localState: actorFullState(local), incomingState: actorFullState(record), incomingLineage: a.lineage },
        st.now,
      );
      addConflict(st, conflict, 'actors');
      continue;
    }
    if (content === 'fast-forward') writeIncomingActorContent(db, record, local, { coderId: st.coderId, action: 'bundle-update' });
    if (mergeDecision === 'apply') setIncomingMerge(db, a.id, local.mergedInto, a.mergedInto, st.coderId);
    rememberLineage(db, 'actor', a.id, [...a.lineage, incomingContent]);
    if (content === 'fast-forward' || mergeDecision === 'apply') st.report.updated.actors++;
    else st.report.skipped.actors++;
  }
  st.report.possibleDuplicates = possibleDuplicates(db, b, added, forced);
}

/** True when merging `id` into `target` would come back round to `id`. */
function resolveLoop(db: Db, id: string, target: string): boolean {
  let current: string | null = target;
  for (let hops = 0; current && hops < 50; hops++) {
    if (current === id) return true;
    current = getActor(db, current)?.mergedInto ?? null;
  }
  return false;
}

/**
 * New actors named like one this project already had (same kind, same name once transliteration
 * is folded). They are imported as their own records: only a person can tell two people apart.
 */
function possibleDuplicates(db: Db, b: PreparedBundle, added: Set<string>, forced: Map<string, string>): PossibleDuplicate[] {
  const out: PossibleDuplicate[] = [];
  const sameName = prepared<[string, string], { id: string; name: string }>(
    db,
    `SELECT DISTINCT a.id, a.name FROM actor_aliases x JOIN actors a ON a.id = x.actor_id
     WHERE x.norm = ? AND a.kind = ? AND a.merged_into IS NULL ORDER BY a.created_at, a.id`,
  );
  for (const a of b.actors) {
    if (!added.has(a.id)) continue;
    const forcedInto = forced.get(a.id);
    if (forcedInto) {
      out.push({ incomingId: a.id, localId: forcedInto, kind: a.kind, name: a.name, localName: getActor(db, forcedInto)?.name ?? '', merged: true });
      continue;
    }
    for (const match of sameName.all(normaliseName(a.name), a.kind)) {
      if (added.has(match.id)) continue;
      out.push({ incomingId: a.id, localId: match.id, kind: a.kind, name: a.name, localName: match.name, merged: false });
    }
  }
  return out;
}

function mergeEngagements(db: Db, b: PreparedBundle, st: MergeState): void {
  const key = localDocKeys(db);
  for (const [i, e] of b.engagementRecords.entries()) {
    const lineage = b.engagements[i].lineage;
    const incomingState = engagementState(e, e.deletedAt !== null, key);
    const local = localEngagement(db, e.id);
    if (!local) {
      writeIncomingEngagement(db, e, null, { coderId: st.coderId, action: 'bundle-create', contentChanged: true });
      rememberLineage(db, 'engagement', e.id, [...lineage, incomingState]);
      st.report.added.engagements++;
      continue;
    }
    const localState = engagementState(local, local.deletedAt !== null, key);
    const decision = decide(localState, incomingState, localLineage(db, 'engagement', e.id, key), new Set(lineage));
    if (decision === 'conflict') {
      const conflict = recordConflict(
        db,
        {
          importId: st.importId,
          entity: 'engagement',
          entityId: e.id,
          label: engagementLabel(local),
          reason: 'The engagement was changed on both machines since they last exchanged it.',
          local,
          incoming: e,
          localState,
          incomingState,
          incomingLineage: lineage,
        },
        st.now,
      );
      addConflict(st, conflict, 'engagements');
      continue;
    }
    if (decision === 'fast-forward') {
      const contentChanged = engagementState(local, false, key) !== engagementState(e, false, key);
      writeIncomingEngagement(db, e, local, { coderId: st.coderId, action: 'bundle-update', contentChanged });
      rememberLineage(db, 'engagement', e.id, [...lineage, incomingState, localState]);
      st.report.updated.engagements++;
    } else {
      rememberLineage(db, 'engagement', e.id, lineage);
      st.report.skipped.engagements++;
    }
  }
}

/**
 * Add the comments this project lacks (prepare.ts refused any that contradict ours). The author
 * and time stay the writer's; the audit entry names who imported it. Parents and children may
 * arrive in any order: foreign keys are checked at commit.
 */
function mergeComments(db: Db, b: PreparedBundle, st: MergeState): void {
  const insert = prepared(db, 'INSERT INTO comments (id, entity, entity_id, parent_id, coder_id, body, at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  for (const c of b.newComments) {
    insert.run(c.id, c.entity, c.entityId, c.parentId, c.coderId, c.body, c.at);
    appendAudit(db, {
      coderId: st.coderId,
      entity: 'comment',
      entityId: c.id,
      action: 'bundle-create',
      after: { on: `${c.entity}:${c.entityId}`, parentId: c.parentId, body: c.body, coderId: c.coderId, at: c.at },
    });
  }
  st.report.added.comments += b.newComments.length;
  st.report.skipped.comments += b.knownComments;
}
