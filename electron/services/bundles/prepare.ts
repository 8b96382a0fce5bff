/**
 * Checks that need the project, made before anything is written: the bundle belongs to this
 * project, every source document it names is here (matched by file SHA-256 and record index,
 * since document ids differ between machines), every evidence span quotes this project's text
 * exactly, every reference inside the bundle can be satisfied, and every comment the project
 * already has reads the same in the bundle.
 */
import { verifySpan } from '../../../shared/text/spans';
import type { Db } from '../../store/open';
import { prepared } from '../../store/prepared';
import { getCodebookVersion } from '../../store/repos/codebooks';
import { getMeta } from '../../store/repos/coders';
import type { EngagementRecord } from './apply';
import { type BundleContents, BundleRefused } from './container';
import type { CommentRow } from './export';
import type { BundleComment } from './format';
import { localDocKeys } from './lineage';

/** The bundle's records with document ids rewritten to this project's. */
export interface PreparedBundle extends BundleContents {
  engagementRecords: EngagementRecord[];
  /** Comments this project does not have yet, their document ids rewritten to this project's. */
  newComments: BundleComment[];
  /** Comments this project already has, exactly as in the bundle. */
  knownComments: number;
}

export function checkProject(db: Db, c: BundleContents): void {
  const localId = getMeta(db, 'project_id');
  if (c.manifest.project.id !== localId) {
    throw new BundleRefused(
      'other-project',
      `it comes from the project "${c.manifest.project.name}" (${c.manifest.project.id}), not from this one ("${getMeta(db, 'name') ?? ''}", ${localId}). Bundles move work between copies of the same project file.`,
      'manifest.json',
    );
  }
}

/** Bundle document id -> local document id; refuses when any is missing here. */
function mapDocuments(db: Db, c: BundleContents): Map<string, string> {
  const sameId = prepared<[string, string, number], { id: string }>(db, 'SELECT id FROM documents WHERE id = ? AND sha256 = ? AND record_index = ?');
  // Several documents can share a file hash (an exact duplicate imported twice): take the first live one.
  const byHash = prepared<[string, number], { id: string }>(db, 'SELECT id FROM documents WHERE sha256 = ? AND record_index = ? ORDER BY superseded_by IS NOT NULL, rowid LIMIT 1');
  const map = new Map<string, string>();
  const missing: string[] = [];
  for (const d of c.documents) {
    const local = sameId.get(d.id, d.sha256, d.recordIndex) ?? byHash.get(d.sha256, d.recordIndex);
    if (local) map.set(d.id, local.id);
    else missing.push(d.title ? `"${d.title}"` : `${d.sha256.slice(0, 12)}… record ${d.recordIndex}`);
  }
  if (missing.length) {
    const shown = missing.slice(0, 5).join(', ') + (missing.length > 5 ? ` and ${missing.length - 5} more` : '');
    throw new BundleRefused('missing-documents', `${missing.length} source article(s) it refers to are not in this project: ${shown}. Import the same articles here first, then import the bundle again.`, 'documents.json');
  }
  return map;
}

function inconsistent(message: string, part: string): BundleRefused {
  return new BundleRefused('inconsistent', message, part);
}

export function prepareBundle(db: Db, c: BundleContents): PreparedBundle {
  checkProject(db, c);
  const docs = mapDocuments(db, c);
  const local = (id: string, what: string): string => {
    const mapped = docs.get(id);
    if (!mapped) throw inconsistent(`${what} names document ${id}, which documents.json does not list.`, 'engagements.json');
    return mapped;
  };
  const engagementRecords: EngagementRecord[] = c.engagements.map((e) => {
    const { lineage: _lineage, ...record } = e;
    return {
      ...record,
      date: { value: e.date.value, precision: e.date.precision, inferred: e.date.inferred, ...(e.date.basis ? { basis: e.date.basis } : {}) },
      sources: e.sources.map((s) => ({ ...s, documentId: local(s.documentId, `Engagement ${e.id}`) })),
      evidence: e.evidence.map((x) => ({ ...x, documentId: local(x.documentId, `Evidence of engagement ${e.id}`) })),
    };
  });

  // Same file, different text would mean the two machines parsed it differently: never guess.
  const textOf = prepared<[string], { text: string }>(db, 'SELECT text FROM documents WHERE id = ?');
  const texts = new Map<string, string>();
  for (const e of engagementRecords) {
    for (const x of e.evidence) {
      if (!texts.has(x.documentId)) texts.set(x.documentId, textOf.get(x.documentId)?.text ?? '');
      const check = verifySpan(texts.get(x.documentId) ?? '', x);
      if (!check.ok) {
        throw inconsistent(`evidence "${x.quote.slice(0, 40)}" of engagement ${e.id} does not match this project's copy of the article (${check.reason}); the article was read differently on the two machines.`, 'engagements.json');
      }
    }
  }

  const actorHere = prepared<[string], { id: string }>(db, 'SELECT id FROM actors WHERE id = ?');
  const bundleActors = new Set(c.actors.map((a) => a.id));
  const actorKnown = (id: string) => bundleActors.has(id) || actorHere.get(id) !== undefined;
  const coderHere = prepared<[string], { id: string }>(db, 'SELECT id FROM coders WHERE id = ?');
  const bundleCoders = new Set(c.coders.map((x) => x.id));
  const coderKnown = (id: string) => bundleCoders.has(id) || coderHere.get(id) !== undefined;
  const bundleCodebooks = new Set(c.codebooks.map((cb) => `${cb.id}@${cb.version}`));
  for (const e of engagementRecords) {
    for (const p of e.participants) {
      if (!actorKnown(p.actorId) || (p.sideId && !actorKnown(p.sideId))) throw inconsistent(`engagement ${e.id} names an actor that neither the bundle nor this project has.`, 'actors.json');
    }
    if (!coderKnown(e.coderId)) throw inconsistent(`engagement ${e.id} was coded by ${e.coderId}, who is not in coders.json.`, 'coders.json');
    if (!bundleCodebooks.has(`${e.codebookId}@${e.codebookVersion}`) && !getCodebookVersion(db, e.codebookId, e.codebookVersion)) {
      throw inconsistent(`engagement ${e.id} was coded under codebook ${e.codebookId} version ${e.codebookVersion}, which neither the bundle nor this project has.`, 'codebooks.json');
    }
  }
  for (const a of c.actors) {
    const refs = [a.mergedInto, ...a.roles.map((r) => r.organisationId)].filter((x): x is string => Boolean(x));
    if (refs.some((r) => !actorKnown(r))) throw inconsistent(`actor ${a.name} refers to an actor that neither the bundle nor this project has.`, 'actors.json');
    if (!coderKnown(a.coderId)) throw inconsistent(`actor ${a.name} names coder ${a.coderId}, who is not in coders.json.`, 'coders.json');
  }
  return { ...c, engagementRecords, ...prepareComments(db, c, docs) };
}

/**
 * Comments are immutable once written, so they merge by id alone: not here -> added; here and
 * the same -> skipped. Here and different cannot come from using Liaison (nothing edits a
 * comment, ids are random): one of the two copies was altered, and the bundle is refused rather
 * than listed as a conflict, which would offer a reviewer a choice between two versions of
 * something that never had two versions.
 */
function prepareComments(db: Db, c: BundleContents, docs: Map<string, string>): { newComments: BundleComment[]; knownComments: number } {
  const part = 'comments.json';
  const byId = new Map<string, BundleComment>();
  for (const x of c.comments) {
    if (byId.has(x.id)) throw inconsistent(`comment ${x.id} is listed twice.`, part);
    byId.set(x.id, x);
  }
  const localComment = prepared<[string], CommentRow>(db, 'SELECT id, entity, entity_id, parent_id, coder_id, body, at FROM comments WHERE id = ?');
  const engagementHere = prepared<[string], { id: string }>(db, 'SELECT id FROM engagements WHERE id = ?');
  const coderHere = prepared<[string], { id: string }>(db, 'SELECT id FROM coders WHERE id = ?');
  const bundleEngagements = new Set(c.engagements.map((e) => e.id));
  const bundleCoders = new Set(c.coders.map((x) => x.id));
  const key = localDocKeys(db);
  // Where a comment is, the same on every machine (a document by its key): what the checks compare.
  const where = (entity: string, id: string) => `${entity}:${entity === 'document' ? key(id) : id}`;
  const placed = new Map<string, string>();
  const place = (x: BundleComment): string => {
    let entityId = x.entityId;
    if (x.entity === 'document') {
      const local = docs.get(x.entityId);
      if (!local) throw inconsistent(`comment ${x.id} is on document ${x.entityId}, which documents.json does not list.`, part);
      entityId = local;
    } else if (!bundleEngagements.has(x.entityId) && !engagementHere.get(x.entityId)) {
      throw inconsistent(`comment ${x.id} is on engagement ${x.entityId}, which neither the bundle nor this project has.`, part);
    }
    placed.set(x.id, where(x.entity, entityId));
    return entityId;
  };
  const newComments: BundleComment[] = [];
  let knownComments = 0;
  for (const x of c.comments) {
    const entityId = place(x);
    if (!bundleCoders.has(x.coderId) && !coderHere.get(x.coderId)) throw inconsistent(`comment ${x.id} was written by ${x.coderId}, who is not in coders.json.`, 'coders.json');
    const local = localComment.get(x.id);
    if (!local) {
      newComments.push({ ...x, entityId });
      continue;
    }
    const differs = [
      where(local.entity, local.entity_id) !== placed.get(x.id) && 'the record it is on',
      local.parent_id !== x.parentId && 'the comment it answers',
      local.coder_id !== x.coderId && 'its author',
      local.body !== x.body && 'its text',
      local.at !== x.at && 'its time',
    ].filter((d): d is string => Boolean(d));
    if (differs.length) {
      throw inconsistent(
        `comment ${x.id} differs from this project's copy of it (${differs.join(', ')}). Comments never change once written, so one of the two copies was altered.`,
        part,
      );
    }
    knownComments++;
  }
  const parentHere = prepared<[string], { entity: string; entity_id: string }>(db, 'SELECT entity, entity_id FROM comments WHERE id = ?');
  for (const x of c.comments) {
    if (!x.parentId) continue;
    const here = byId.has(x.parentId) ? undefined : parentHere.get(x.parentId);
    const parentPlace = byId.has(x.parentId) ? placed.get(x.parentId) : here && where(here.entity, here.entity_id);
    if (parentPlace === undefined) {
      throw inconsistent(`comment ${x.id} answers comment ${x.parentId}, which neither comments.json nor this project has; the thread would arrive broken.`, part);
    }
    if (parentPlace !== placed.get(x.id)) throw inconsistent(`comment ${x.id} answers comment ${x.parentId}, which is on another record.`, part);
    // A thread is a tree: following parents within the bundle must end.
    const seen = new Set([x.id]);
    for (let p: string | null = x.parentId; p && byId.has(p); p = byId.get(p)?.parentId ?? null) {
      if (seen.has(p)) throw inconsistent(`comment ${x.id} is part of a loop of replies.`, part);
      seen.add(p);
    }
  }
  return { newComments, knownComments };
}
