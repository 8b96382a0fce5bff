/**
 * CAMEO-style dyads: Liaison stores one record per engagement; CAMEO users want one record per
 * ordered pair of sides. An engagement of n distinct sides expands to n(n-1) dyads (both
 * directions of every pair). Participants on the same side make no dyad with each other.
 *
 * Codes: in a visit, visitor side -> host side is 042 ("make a visit") and host -> visitor is 043
 * ("host a visit"); any other pair takes the engagement's base code (see `baseCameoCode`).
 */
import type { Codebook } from '../model/codebook';
import type { DatePrecision, Engagement } from '../model/engagement';
import { baseCameoCode, CAMEO_HOST_VISIT, CAMEO_MAKE_VISIT, isHostInVisit, isVisit } from './codebook-mapping';
import { type ActorContext, createSideResolver } from './sides';

export interface Dyad {
  engagementId: string;
  date: string | null;
  datePrecision: DatePrecision;
  sourceId: string;
  sourceName: string;
  /** Alpha-3 when the side is a country; null for an international organisation. */
  sourceCountry: string | null;
  targetId: string;
  targetName: string;
  targetCountry: string | null;
  /** Null when the codebook maps the engagement's type to no CAMEO code. */
  cameo: string | null;
  type: string;
  mode: string | null;
}

/** A side's part in a visit: the host end if any of its participants hosts. */
type VisitEnd = 'visitor' | 'host';

export function expandDyads(engagements: readonly Engagement[], ctx: ActorContext, codebook: Codebook): Dyad[] {
  const sides = createSideResolver(ctx);
  const out: Dyad[] = [];
  for (const e of engagements) {
    const refs = sides.sidesOf(e);
    if (refs.length < 2) continue;
    const visit = isVisit(codebook, e);
    const ends = new Map<string, VisitEnd>();
    if (visit) {
      for (const p of e.participants) {
        const side = sides.sideOf(p);
        if (!side) continue;
        if (isHostInVisit(codebook, e, p)) ends.set(side.id, 'host');
        else if (!ends.has(side.id)) ends.set(side.id, 'visitor');
      }
    }
    const base = baseCameoCode(codebook, e);
    const date = e.date.precision === 'unknown' ? null : e.date.value;
    for (const source of refs) {
      for (const target of refs) {
        if (source.id === target.id) continue;
        let cameo = base;
        if (visit && ends.get(source.id) === 'visitor' && ends.get(target.id) === 'host') cameo = CAMEO_MAKE_VISIT;
        if (visit && ends.get(source.id) === 'host' && ends.get(target.id) === 'visitor') cameo = CAMEO_HOST_VISIT;
        out.push({
          engagementId: e.id,
          date,
          datePrecision: e.date.precision,
          sourceId: source.id,
          sourceName: source.label,
          sourceCountry: source.kind === 'country' ? source.countryCode : null,
          targetId: target.id,
          targetName: target.label,
          targetCountry: target.kind === 'country' ? target.countryCode : null,
          cameo,
          type: e.type,
          mode: e.mode,
        });
      }
    }
  }
  return out;
}
