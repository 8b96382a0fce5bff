import { randomUUID } from 'node:crypto';
import { countryByCode, listCountries } from '../../../shared/actors/countries';
import { matchActor, normaliseName } from '../../../shared/actors/names';
import type { ActorInput, CodingCommand, Participation } from '../../../shared/contract-coding';
import { AppError } from '../../../shared/errors';
import type { Actor, ActorKind } from '../../../shared/model/actor';
import { prepared } from '../../store/prepared';
import { allActors, countryActorId, getActor, resolveActorId, setMergedInto, toActorInput, writeActor } from '../../store/repos/actors';
import { appendAudit } from '../../store/repos/audit';
import { currentCoderId } from '../coders';
import { type AppContext, requireStore, requireWritable } from '../context';

export function list(ctx: AppContext, args: { query: string; kind?: ActorKind; limit: number }): Actor[] {
  const { db } = requireStore(ctx);
  const actors = allActors(db, args.kind);
  if (!args.query.trim()) return actors.slice(0, args.limit);
  return matchActor(args.query, actors)
    .slice(0, args.limit)
    .map((m) => m.actor);
}

export function get(ctx: AppContext, args: { id: string }): Actor {
  const a = getActor(requireStore(ctx).db, args.id);
  if (!a) throw new AppError('not-found', `There is no actor ${args.id} in this project.`);
  return a;
}

export function save(ctx: AppContext, args: { actor: ActorInput }): { actor: Actor; inverse: CodingCommand } {
  const { db } = requireWritable(ctx);
  const coderId = currentCoderId(ctx);
  const id = args.actor.id ?? randomUUID();
  const before = getActor(db, id);
  if (args.actor.kind === 'country') {
    if (!args.actor.countryCode) throw new AppError('invalid-input', 'actors.save: a country needs its ISO alpha-3 code (countryCode).');
    const existing = countryActorId(db, args.actor.countryCode);
    if (existing && existing !== id) throw new AppError('exists', `${args.actor.countryCode} already exists as an actor; edit that one instead.`);
  }
  db.transaction(() => {
    writeActor(db, { ...args.actor, id }, coderId, normaliseName);
    appendAudit(db, { coderId, entity: 'actor', entityId: id, action: before ? 'update' : 'create', before: before ? toActorInput(before) : undefined, after: { ...args.actor, id } });
  })();
  ctx.emit('db.changed', { tables: ['actors'] });
  const inverse: CodingCommand = before ? { op: 'actor.save', actor: toActorInput(before) } : { op: 'actor.delete', id };
  return { actor: getActor(db, id)!, inverse };
}

export function country(ctx: AppContext, args: { countryCode: string }): Actor {
  const { db } = requireStore(ctx);
  const existing = countryActorId(db, args.countryCode);
  if (existing) return getActor(db, existing)!;
  const info = countryByCode(args.countryCode);
  if (!info) throw new AppError('not-found', `${args.countryCode} is not an ISO 3166-1 alpha-3 country code.`);
  return save(ctx, { actor: { kind: 'country', name: info.name, aliases: [info.officialName].filter((n) => n !== info.name), countryCode: args.countryCode, roles: [], notes: '' } }).actor;
}

export function merge(ctx: AppContext, args: { sourceId: string; targetId: string }): { inverse: CodingCommand } {
  const { db } = requireWritable(ctx);
  if (args.sourceId === args.targetId) throw new AppError('invalid-input', 'An actor cannot be merged into itself.');
  const source = getActor(db, args.sourceId);
  const target = getActor(db, args.targetId);
  if (!source || !target) throw new AppError('not-found', 'Both actors must exist to merge them.');
  if (source.mergedInto) throw new AppError('invalid-input', `${source.name} is already merged into another actor; unmerge it first.`);
  if (resolveActorId(db, args.targetId) === args.sourceId) throw new AppError('invalid-input', `${target.name} is merged into ${source.name}; merging back would make a loop.`);
  const coderId = currentCoderId(ctx);
  db.transaction(() => {
    setMergedInto(db, args.sourceId, args.targetId);
    appendAudit(db, { coderId, entity: 'actor', entityId: args.sourceId, action: 'merge', before: { mergedInto: null }, after: { mergedInto: args.targetId } });
  })();
  ctx.emit('db.changed', { tables: ['actors'] });
  return { inverse: { op: 'actor.unmerge', id: args.sourceId } };
}

export function unmerge(ctx: AppContext, args: { id: string }): { inverse: CodingCommand } {
  const { db } = requireWritable(ctx);
  const actor = getActor(db, args.id);
  if (!actor?.mergedInto) throw new AppError('invalid-input', 'That actor is not merged into another.');
  const coderId = currentCoderId(ctx);
  const target = actor.mergedInto;
  db.transaction(() => {
    setMergedInto(db, args.id, null);
    appendAudit(db, { coderId, entity: 'actor', entityId: args.id, action: 'unmerge', before: { mergedInto: target }, after: { mergedInto: null } });
  })();
  ctx.emit('db.changed', { tables: ['actors'] });
  return { inverse: { op: 'actor.merge', sourceId: args.id, targetId: target } };
}

/** Move some participations (and aliases) of an actor to a new actor of the same kind. */
export function split(ctx: AppContext, args: { id: string; name: string; participantIds: string[]; aliases: string[] }): { actor: Actor } {
  const { db } = requireWritable(ctx);
  const source = getActor(db, args.id);
  if (!source) throw new AppError('not-found', `There is no actor ${args.id}.`);
  const coderId = currentCoderId(ctx);
  const newId = randomUUID();
  db.transaction(() => {
    writeActor(db, { id: newId, kind: source.kind, name: args.name, aliases: args.aliases, countryCode: source.countryCode, roles: [], notes: `Split from ${source.name}.` }, coderId, normaliseName);
    const move = prepared(db, 'UPDATE engagement_participants SET actor_id = ? WHERE id = ? AND actor_id = ?');
    for (const pid of args.participantIds) {
      if (move.run(newId, pid, args.id).changes !== 1) throw new AppError('invalid-input', `Participation ${pid} is not one of ${source.name}'s.`);
    }
    const remaining = source.aliases.filter((a) => !args.aliases.includes(a));
    writeActor(db, { ...toActorInput(source), aliases: remaining }, coderId, normaliseName);
    appendAudit(db, { coderId, entity: 'actor', entityId: args.id, action: 'split', before: { aliases: source.aliases }, after: { newActorId: newId, participantIds: args.participantIds, aliases: args.aliases } });
  })();
  ctx.emit('db.changed', { tables: ['actors', 'engagements'] });
  return { actor: getActor(db, newId)! };
}

/** Delete an actor nothing refers to (the undo of creating it); answers the command that recreates it. */
export function remove(ctx: AppContext, args: { id: string }): { inverse: CodingCommand } {
  const { db } = requireWritable(ctx);
  const actor = getActor(db, args.id);
  if (!actor) throw new AppError('not-found', `There is no actor ${args.id}.`);
  const used = prepared<[string, string, string, string], { n: number }>(
    db,
    `SELECT (SELECT count(*) FROM engagement_participants WHERE actor_id = ? OR side_id = ?)
          + (SELECT count(*) FROM actors WHERE merged_into = ?)
          + (SELECT count(*) FROM actor_roles WHERE organisation_id = ?) AS n`,
  ).get(args.id, args.id, args.id, args.id)!.n;
  if (used > 0) throw new AppError('invalid-input', `${actor.name} is used by ${used} record(s) and cannot be deleted; merge it into another actor instead.`);
  const coderId = currentCoderId(ctx);
  db.transaction(() => {
    prepared(db, 'DELETE FROM actors WHERE id = ?').run(args.id);
    appendAudit(db, { coderId, entity: 'actor', entityId: args.id, action: 'delete', before: toActorInput(actor) });
  })();
  ctx.emit('db.changed', { tables: ['actors'] });
  return { inverse: { op: 'actor.save', actor: toActorInput(actor) } };
}

export function countries(): { code: string; name: string }[] {
  return listCountries()
    .map((c) => ({ code: c.code, name: c.name }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Where an actor appears: as a participant (`via: 'actor'`) or as the side a participant acted for
 * (`via: 'side'`, countries and organisations), with the article the engagement was coded from.
 */
export function participations(ctx: AppContext, args: { id: string }): Participation[] {
  const { db } = requireStore(ctx);
  return prepared<[{ id: string }], Participation>(
    db,
    `SELECT p.id AS participantId, e.id AS engagementId, d.id AS documentId, d.title AS documentTitle,
       e.type, e.mode, e.date_value AS date, e.status, p.title, p.role,
       CASE WHEN p.actor_id = @id THEN 'actor' ELSE 'side' END AS via,
       (SELECT name FROM actors a WHERE a.id = CASE WHEN p.actor_id = @id THEN p.side_id ELSE p.actor_id END) AS otherName
     FROM engagement_participants p JOIN engagements e ON e.id = p.engagement_id
     LEFT JOIN documents d ON d.id = (SELECT document_id FROM engagement_sources s WHERE s.engagement_id = e.id ORDER BY s.is_primary DESC LIMIT 1)
     WHERE (p.actor_id = @id OR p.side_id = @id) AND e.deleted_at IS NULL ORDER BY e.date_value, e.created_at, p.position`,
  ).all({ id: args.id });
}
