/**
 * Record identity across machines, and the merge rule.
 *
 * A record's *state* is a SHA-256 of its coded content in a machine-independent form: documents
 * named by `sha256:recordIndex` (their ids differ between machines), evidence and sources in a
 * fixed order, participant and evidence ids and timestamps left out (they say nothing about
 * what was coded). A record's *lineage* is the set of states it has been through here: every
 * before/after in the audit log, plus states learnt from bundles (table `bundle_lineage`).
 *
 * Why not compare `revision`? Both machines count revisions up from the same copy on their own,
 * so revision 5 here and revision 5 there can be different edits. Content states cannot lie that
 * way. The rule (`decide`) is git's fast-forward, on content:
 *   same state                              -> identical, skipped
 *   incoming state is in our lineage        -> stale (we already moved past it), skipped
 *   our state is in the incoming lineage    -> the other side edited on top of ours: fast-forward
 *   anything else                           -> both sides changed it: a conflict, nothing written
 * Only the third case overwrites, and only a state the other side had already seen and built on.
 */
import { z } from 'zod';
import { normaliseName } from '../../../shared/actors/names';
import { actorInputSchema, engagementInputSchema } from '../../../shared/contract-coding';
import type { Db } from '../../store/open';
import { prepared } from '../../store/prepared';
import { canonicalJson, sha256Hex } from './format';

/** Maps a document id to its identity on every machine; unknown ids stay as they are. */
export type DocKey = (documentId: string) => string;

export function localDocKeys(db: Db): DocKey {
  const cache = new Map<string, string>();
  const find = prepared<[string], { sha256: string; record_index: number }>(db, 'SELECT sha256, record_index FROM documents WHERE id = ?');
  return (id) => {
    let key = cache.get(id);
    if (key === undefined) {
      const row = find.get(id);
      key = row ? `${row.sha256}:${row.record_index}` : `id:${id}`;
      cache.set(id, key);
    }
    return key;
  };
}

// Audit entries carry extra fields in some actions: read the known shape, drop the rest.
const looseEngagement = z.object(engagementInputSchema.shape);
const looseActor = z.object(actorInputSchema.shape);
type EngagementContent = z.input<typeof looseEngagement>;
type ActorContent = z.input<typeof looseActor>;

const unique = (values: readonly string[]) => [...new Set(values)];
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function engagementState(e: EngagementContent, deleted: boolean, key: DocKey): string {
  const content = {
    type: e.type,
    mode: e.mode,
    date: { value: e.date.value, precision: e.date.precision, inferred: e.date.inferred, basis: e.date.basis || null },
    place: e.place,
    countryCode: e.countryCode,
    participants: e.participants.map((p) => ({ actorId: p.actorId, role: p.role, title: p.title, sideId: p.sideId })),
    topics: unique(e.topics),
    outcomes: unique(e.outcomes),
    notes: e.notes,
    confidence: e.confidence,
    status: e.status,
    sources: e.sources.map((s) => canonicalJson({ doc: key(s.documentId), primary: s.primary })).sort(byText),
    evidence: e.evidence.map((x) => canonicalJson({ doc: key(x.documentId), field: x.field, start: x.start, end: x.end, quote: x.quote })).sort(byText),
    deleted,
  };
  return sha256Hex(canonicalJson(content));
}

/** An actor's whole state, merge included: what a conflict compares and remembers. */
export function actorFullState(a: ActorContent & { mergedInto: string | null }): string {
  return sha256Hex(`${actorState(a)}:${a.mergedInto ?? ''}`);
}

/** An actor's content without its merge (merges are decided apart: see `decideMerge`). */
export function actorState(a: ActorContent): string {
  const content = {
    kind: a.kind,
    name: a.name,
    aliases: unique(a.aliases.filter((x) => x !== a.name)).sort(byText),
    countryCode: a.countryCode,
    roles: a.roles.map((r) => ({ title: r.title, organisationId: r.organisationId, countryCode: r.countryCode, from: r.from, to: r.to })),
    notes: a.notes,
  };
  return sha256Hex(canonicalJson(content));
}

const DELETE_ACTIONS = new Set(['delete', 'bundle-delete']);
/** Audit actions that undo a merge: the app's own and the one a resolved bundle conflict writes. */
export const UNMERGE_ACTIONS = ['unmerge', 'bundle-unmerge'] as const;

function parseJson(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Every state the record has had here, from the audit log and from earlier bundles. */
export function localLineage(db: Db, entity: 'engagement' | 'actor', id: string, key: DocKey): Set<string> {
  const states = new Set<string>();
  const rows = prepared<[string, string], { action: string; before_json: string | null; after_json: string | null }>(
    db,
    'SELECT action, before_json, after_json FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY seq',
  ).all(entity, id);
  for (const row of rows) {
    for (const [json, side] of [
      [row.before_json, 'before'],
      [row.after_json, 'after'],
    ] as const) {
      const value = parseJson(json);
      if (value === undefined) continue;
      if (entity === 'engagement') {
        const parsed = looseEngagement.safeParse(value);
        if (!parsed.success) continue;
        states.add(engagementState(parsed.data, false, key));
        // A delete entry holds the live record before it; the deleted state follows from it.
        if (DELETE_ACTIONS.has(row.action) && side === 'before') states.add(engagementState(parsed.data, true, key));
      } else {
        const parsed = looseActor.safeParse(value);
        if (parsed.success) states.add(actorState(parsed.data));
      }
    }
  }
  for (const r of prepared<[string, string], { state_hash: string }>(db, 'SELECT state_hash FROM bundle_lineage WHERE entity = ? AND entity_id = ?').all(entity, id)) {
    states.add(r.state_hash);
  }
  return states;
}

export function rememberLineage(db: Db, entity: 'engagement' | 'actor', id: string, states: Iterable<string>): void {
  const put = prepared(db, 'INSERT OR IGNORE INTO bundle_lineage (entity, entity_id, state_hash) VALUES (?, ?, ?)');
  for (const s of states) put.run(entity, id, s);
}

export type Decision = 'identical' | 'stale' | 'fast-forward' | 'conflict';

export function decide(localState: string, incomingState: string, localStates: ReadonlySet<string>, incomingStates: ReadonlySet<string>): Decision {
  if (localState === incomingState) return 'identical';
  // Checked before fast-forward: when both hold (one side reverted), keeping ours is the safe one.
  if (localStates.has(incomingState)) return 'stale';
  if (incomingStates.has(localState)) return 'fast-forward';
  return 'conflict';
}

export type MergeDecision = 'same' | 'apply' | 'keep' | 'conflict';

/**
 * Merges are decided apart from content: a merge made on the other side is applied here unless
 * this side had deliberately undone that same merge; an unmerge there of a merge we have, or two
 * different targets, is a disagreement for the reviewer. A merge only we have is kept.
 */
export function decideMerge(local: string | null, incoming: string | null, localUnmergedFrom: ReadonlySet<string>, incomingUnmergedFrom: ReadonlySet<string>): MergeDecision {
  if (local === incoming) return 'same';
  if (local === null) return incoming && localUnmergedFrom.has(incoming) ? 'conflict' : 'apply';
  if (incoming === null) return incomingUnmergedFrom.has(local) ? 'conflict' : 'keep';
  return 'conflict';
}

/** The actors this one was unmerged from here (audit `unmerge` entries). */
export function localUnmerges(db: Db, actorId: string): Set<string> {
  const rows = prepared<[string, string, string], { before_json: string | null }>(
    db,
    "SELECT before_json FROM audit_log WHERE entity = 'actor' AND entity_id = ? AND action IN (?, ?)",
  ).all(actorId, ...UNMERGE_ACTIONS);
  return unmergeTargets(rows.map((r) => r.before_json));
}

export function unmergeTargets(beforeJsons: readonly (string | null)[]): Set<string> {
  const out = new Set<string>();
  for (const json of beforeJsons) {
    const v = parseJson(json) as { mergedInto?: unknown } | undefined;
    if (typeof v?.mergedInto === 'string') out.add(v.mergedInto);
  }
  return out;
}

/** Same kind and the same name once transliteration differences are folded away. */
export function sameActorName(a: { kind: string; name: string }, b: { kind: string; name: string }): boolean {
  return a.kind === b.kind && normaliseName(a.name) === normaliseName(b.name);
}
