import { randomUUID } from 'node:crypto';
import type { ActorInput } from '../../../shared/contract-coding';
import type { Actor, ActorKind, ActorRole } from '../../../shared/model/actor';
import type { Db } from '../open';
import { prepared } from '../prepared';

interface ActorRow {
  id: string;
  kind: ActorKind;
  name: string;
  country_code: string | null;
  notes: string;
  merged_into: string | null;
}

function assemble(db: Db, r: ActorRow): Actor {
  const aliases = prepared<[string], { alias: string }>(db, 'SELECT alias FROM actor_aliases WHERE actor_id = ? ORDER BY rowid').all(r.id).map((a) => a.alias);
  const roles = prepared<[string], { id: string; title: string; organisation_id: string | null; country_code: string | null; date_from: string | null; date_to: string | null }>(
    db,
    'SELECT id, title, organisation_id, country_code, date_from, date_to FROM actor_roles WHERE actor_id = ? ORDER BY position',
  )
    .all(r.id)
    .map((x): ActorRole => ({ id: x.id, title: x.title, organisationId: x.organisation_id, countryCode: x.country_code, from: x.date_from, to: x.date_to }));
  return { id: r.id, kind: r.kind, name: r.name, aliases, countryCode: r.country_code, roles, notes: r.notes, mergedInto: r.merged_into };
}

export function getActor(db: Db, id: string): Actor | null {
  const r = prepared<[string], ActorRow>(db, 'SELECT id, kind, name, country_code, notes, merged_into FROM actors WHERE id = ?').get(id);
  return r ? assemble(db, r) : null;
}

/** Follow merges to the actor a reference now means. */
export function resolveActorId(db: Db, id: string): string {
  let current = id;
  for (let hops = 0; hops < 50; hops++) {
    const next = prepared<[string], { m: string | null }>(db, 'SELECT merged_into AS m FROM actors WHERE id = ?').get(current)?.m;
    if (!next) return current;
    current = next;
  }
  return current;
}

export function allActors(db: Db, kind?: ActorKind): Actor[] {
  const rows = kind
    ? prepared<[string], ActorRow>(db, 'SELECT id, kind, name, country_code, notes, merged_into FROM actors WHERE merged_into IS NULL AND kind = ? ORDER BY name').all(kind)
    : prepared<[], ActorRow>(db, 'SELECT id, kind, name, country_code, notes, merged_into FROM actors WHERE merged_into IS NULL ORDER BY kind, name').all();
  return rows.map((r) => assemble(db, r));
}

export function countryActorId(db: Db, countryCode: string): string | null {
  return prepared<[string], { id: string }>(db, "SELECT id FROM actors WHERE kind = 'country' AND country_code = ? AND merged_into IS NULL").get(countryCode)?.id ?? null;
}

/** Write an actor whole (row, aliases, roles). Run inside a transaction with its audit entry. */
export function writeActor(db: Db, input: ActorInput & { id: string }, coderId: string, norm: (s: string) => string): void {
  const now = new Date().toISOString();
  prepared(
    db,
    `INSERT INTO actors (id, kind, name, country_code, notes, merged_into, created_at, updated_at, coder_id)
     VALUES ($id, $kind, $name, $countryCode, $notes, NULL, $now, $now, $coderId)
     ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, name = excluded.name, country_code = excluded.country_code,
       notes = excluded.notes, updated_at = excluded.updated_at, coder_id = excluded.coder_id`,
  ).run({ id: input.id, kind: input.kind, name: input.name, countryCode: input.countryCode, notes: input.notes, now, coderId });
  prepared(db, 'DELETE FROM actor_aliases WHERE actor_id = ?').run(input.id);
  const insA = prepared(db, 'INSERT OR IGNORE INTO actor_aliases (actor_id, alias, norm) VALUES (?, ?, ?)');
  for (const alias of [input.name, ...input.aliases]) insA.run(input.id, alias, norm(alias));
  prepared(db, 'DELETE FROM actor_roles WHERE actor_id = ?').run(input.id);
  const insR = prepared(db, 'INSERT INTO actor_roles (id, actor_id, title, organisation_id, country_code, date_from, date_to, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  for (const [i, r] of input.roles.entries()) insR.run(r.id ?? randomUUID(), input.id, r.title, r.organisationId, r.countryCode, r.from, r.to, i);
}

export function setMergedInto(db: Db, id: string, target: string | null): void {
  prepared(db, 'UPDATE actors SET merged_into = ?, updated_at = ? WHERE id = ?').run(target, new Date().toISOString(), id);
}

export function toActorInput(a: Actor): ActorInput & { id: string } {
  return { id: a.id, kind: a.kind, name: a.name, aliases: a.aliases.filter((x) => x !== a.name), countryCode: a.countryCode, roles: a.roles, notes: a.notes };
}
