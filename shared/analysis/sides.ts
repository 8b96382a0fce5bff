/**
 * Who an engagement is between, at the two levels the analysis views draw: the actors themselves,
 * and the sides they act for (countries and international organisations). Graph aggregation,
 * grouping by country pair, dyads and exports all answer "which side is this participant on" here,
 * so the network, the table and the exported files never disagree.
 */
import type { ActorKind } from '../model/actor';
import type { Engagement, Participant } from '../model/engagement';

/** The little the analysis needs of an actor; `Actor` satisfies it. */
export interface ActorInfo {
  name: string;
  kind: ActorKind;
  countryCode: string | null;
}

export type ActorLookup = ReadonlyMap<string, ActorInfo>;

export interface ActorContext {
  actors: ActorLookup;
  /**
   * The actor a merged actor now lives in (identity for the others). Merges are reversible, so
   * engagements keep pointing at the merged-away id and every reader resolves it.
   */
  resolve?: (actorId: string) => string;
  /** Display name of a country that has no country actor in the project (alpha-3 in, name out). */
  countryName?: (code: string) => string | undefined;
}

/** `unknown`: an id the lookup does not know (a deleted actor); kept so no engagement is lost. */
export type NodeKind = ActorKind | 'unknown';

export interface NodeRef {
  id: string;
  label: string;
  kind: NodeKind;
  countryCode: string | null;
}

/** Prefix of side ids made for countries that have no country actor yet. */
export const COUNTRY_NODE_PREFIX = 'country:';

export interface SideResolver {
  /** The participant's actor as an actors-level node (merged actors resolved). */
  actorNode(actorId: string): NodeRef;
  /** The side a participant acts for, or null when nothing says (a person with no country). */
  sideOf(participant: Participant): NodeRef | null;
  /** Distinct sides of an engagement, in participant order. */
  sidesOf(engagement: Engagement): NodeRef[];
  /** Distinct actors of an engagement, in participant order. */
  actorsOf(engagement: Engagement): NodeRef[];
}

const identity = (id: string): string => id;

export function createSideResolver(ctx: ActorContext): SideResolver {
  const resolve = ctx.resolve ?? identity;

  // A country code names the country actor holding it, so "Iraq" coded as a side and an Iraqi
  // minister with countryCode IRQ meet on one node. Sorted ids make the pick stable if a project
  // has two actors for one country (before an analyst merges them).
  const countryActorByCode = new Map<string, string>();
  for (const [id, info] of [...ctx.actors].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (info.kind !== 'country' || !info.countryCode || resolve(id) !== id) continue;
    if (!countryActorByCode.has(info.countryCode)) countryActorByCode.set(info.countryCode, id);
  }

  const actorNode = (actorId: string): NodeRef => {
    const id = resolve(actorId);
    const info = ctx.actors.get(id);
    if (!info) return { id, label: id, kind: 'unknown', countryCode: null };
    return { id, label: info.name, kind: info.kind, countryCode: info.countryCode };
  };

  const countryNode = (code: string): NodeRef => {
    const actorId = countryActorByCode.get(code);
    if (actorId) return actorNode(actorId);
    return { id: `${COUNTRY_NODE_PREFIX}${code}`, label: ctx.countryName?.(code) ?? code, kind: 'country', countryCode: code };
  };

  const sideOf = (participant: Participant): NodeRef | null => {
    // The coder's explicit side wins: a NATO official of US nationality acts for NATO.
    if (participant.sideId) return actorNode(participant.sideId);
    const actor = actorNode(participant.actorId);
    if (actor.kind === 'country') return actor;
    // An organisation with no country is international (NATO, the UN) and is its own side; one
    // with a country (a ministry, an agency) acts for that country.
    if (actor.kind === 'organisation' && !actor.countryCode) return actor;
    if (actor.countryCode) return countryNode(actor.countryCode);
    return null;
  };

  const distinct = (refs: (NodeRef | null)[]): NodeRef[] => {
    const seen = new Map<string, NodeRef>();
    for (const ref of refs) if (ref && !seen.has(ref.id)) seen.set(ref.id, ref);
    return [...seen.values()];
  };

  return {
    actorNode,
    sideOf,
    sidesOf: (engagement) => distinct(engagement.participants.map(sideOf)),
    actorsOf: (engagement) => distinct(engagement.participants.map((p) => actorNode(p.actorId))),
  };
}
