/**
 * How an engagement reads in PLOVER and CAMEO terms, from the mappings its codebook carries on
 * types, modes, topics and roles. Shared by the PLOVER and dyad exports so that "who is the
 * visitor" and "which code is this" have one answer.
 *
 * Codebooks fold things in different places: the default preset has a CONSULT type and a `visit`
 * mode; the CAMEO preset has types `042` (make a visit) and `043` (host a visit) that carry their
 * PLOVER mode themselves. Both are handled.
 */
import { receivingRoleKeys } from '../codebook/lookup';
import type { Codebook, CodebookType } from '../model/codebook';
import type { Engagement, Participant } from '../model/engagement';

export interface PloverMapping {
  event: string | null;
  mode: string[];
  context: string[];
}

export function typeOf(codebook: Codebook, engagement: Engagement): CodebookType | undefined {
  return codebook.types.find((t) => t.key === engagement.type);
}

function pushUnique(list: string[], value: string | undefined): void {
  if (value && !list.includes(value)) list.push(value);
}

/**
 * PLOVER event, modes and contexts. Values without a mapping are left out rather than passed
 * through: a Liaison topic such as `border-security` has no PLOVER context, and writing it there
 * would make the file claim a context PLOVER does not define.
 */
export function ploverMapping(codebook: Codebook, engagement: Engagement): PloverMapping {
  const type = typeOf(codebook, engagement);
  const out: PloverMapping = { event: type?.plover?.event ?? null, mode: [], context: [] };
  pushUnique(out.mode, type?.plover?.mode);
  if (engagement.mode) pushUnique(out.mode, codebook.modes.find((m) => m.key === engagement.mode)?.plover?.mode);
  pushUnique(out.context, type?.plover?.context);
  for (const topic of engagement.topics) pushUnique(out.context, codebook.topics.find((t) => t.key === topic)?.plover?.context);
  return out;
}

/** A visit: a CONSULT whose mode (on the engagement or folded into the type) is PLOVER's `visit`. */
export function isVisit(codebook: Codebook, engagement: Engagement): boolean {
  const mapping = ploverMapping(codebook, engagement);
  const event = mapping.event ?? engagement.type;
  return event === 'CONSULT' && (mapping.mode.includes('visit') || engagement.mode === 'visit');
}

/**
 * CAMEO 043 ("host a visit") is coded from the host's point of view: its source (the acting role)
 * is the host and its target the visitor, the reverse of every other visit coding.
 */
function hostActs(type: CodebookType | undefined): boolean {
  return type?.cameo?.length === 1 && type.cameo[0] === '043';
}

export type PloverList = 'actor' | 'recipient';

/**
 * Which PLOVER list a participant goes to: receiving roles (`plover.role: 'recipient'`) to
 * recipient[], everything else (unmapped roles included) to actor[]. For a visit the visitor is
 * the actor and the host the recipient, so a 043-coded record is turned round.
 */
export function ploverListOf(codebook: Codebook, engagement: Engagement, participant: Participant): PloverList {
  const receiving = receivingRoleKeys(codebook).has(participant.role);
  const flip = isVisit(codebook, engagement) && hostActs(typeOf(codebook, engagement));
  return receiving !== flip ? 'recipient' : 'actor';
}

/** In a visit: is this participant on the hosting end? (The recipient of a PLOVER visit.) */
export function isHostInVisit(codebook: Codebook, engagement: Engagement, participant: Participant): boolean {
  return isVisit(codebook, engagement) && ploverListOf(codebook, engagement, participant) === 'recipient';
}

/**
 * The CAMEO code for any pair that is not visitor/host: the mode's own code when it has exactly
 * one and the type lists it (a call is 041, a third-location meeting 044), else the type's first
 * code. Null when the codebook maps the type to no CAMEO code.
 */
export function baseCameoCode(codebook: Codebook, engagement: Engagement): string | null {
  const type = typeOf(codebook, engagement);
  const typeCodes = type?.cameo ?? [];
  const modeCodes = engagement.mode ? (codebook.modes.find((m) => m.key === engagement.mode)?.cameo ?? []) : [];
  if (modeCodes.length === 1 && typeCodes.includes(modeCodes[0])) return modeCodes[0];
  return typeCodes[0] ?? null;
}

export const CAMEO_MAKE_VISIT = '042';
export const CAMEO_HOST_VISIT = '043';
