/**
 * PLOVER-style records: one per engagement, with lists of actors and recipients rather than
 * pairs, the event / mode / context from the codebook's PLOVER mappings, and the text span that
 * backs the event. Field names are PLOVER's (snake_case) so the file reads in their tooling.
 *
 * Where PLOVER's shape says less than we know, we add rather than drop: each actor is an object
 * (name, title, side, country) instead of a bare name, and `text_info` names the document its
 * offsets point into, since one engagement can be reported by several articles.
 */
import type { Codebook } from '../model/codebook';
import type { Engagement, EvidenceSpan } from '../model/engagement';
import { ploverListOf, ploverMapping } from './codebook-mapping';
import { type ActorContext, createSideResolver, type NodeKind } from './sides';

export interface PloverParty {
  id: string;
  name: string;
  kind: NodeKind;
  title: string | null;
  /** The codebook role key the participant was coded with. */
  role: string;
  sideId: string | null;
  side: string | null;
  /** Alpha-3 of the country the party acts for, when that is a country. */
  country: string | null;
}

export interface PloverRecord {
  id: string;
  date: string | null;
  actor: PloverParty[];
  recipient: PloverParty[];
  event: string | null;
  mode: string[];
  context: string[];
  event_loc: { place: string | null; country: string | null } | null;
  event_text: string | null;
  /** UTF-16 offsets into the document's immutable text (what JS string indices are). */
  text_info: { start: number; end: number; document_id: string } | null;
  coder: string;
  /** Day of the last coding change (`YYYY-MM-DD`): the record exported is that version. */
  coded_date: string;
  comment: string | null;
}

export interface PloverOptions {
  /** Coder id -> display name; the id is written when a coder is unknown. */
  coders?: ReadonlyMap<string, string>;
}

/** The span that backs the event: the one coded on the type, else the first evidence at all. */
export function eventEvidence(engagement: Engagement): EvidenceSpan | null {
  return engagement.evidence.find((e) => e.field === 'type') ?? engagement.evidence[0] ?? null;
}

export function toPloverRecords(
  engagements: readonly Engagement[],
  ctx: ActorContext,
  codebook: Codebook,
  options: PloverOptions = {},
): PloverRecord[] {
  const sides = createSideResolver(ctx);
  return engagements.map((e) => {
    const actor: PloverParty[] = [];
    const recipient: PloverParty[] = [];
    for (const p of e.participants) {
      const node = sides.actorNode(p.actorId);
      const side = sides.sideOf(p);
      const party: PloverParty = {
        id: node.id,
        name: node.label,
        kind: node.kind,
        title: p.title,
        role: p.role,
        sideId: side?.id ?? null,
        side: side?.label ?? null,
        country: side?.kind === 'country' ? side.countryCode : node.countryCode,
      };
      (ploverListOf(codebook, e, p) === 'recipient' ? recipient : actor).push(party);
    }
    const mapping = ploverMapping(codebook, e);
    const span = eventEvidence(e);
    return {
      id: e.id,
      date: e.date.precision === 'unknown' ? null : e.date.value,
      actor,
      recipient,
      event: mapping.event,
      mode: mapping.mode,
      context: mapping.context,
      event_loc: e.place || e.countryCode ? { place: e.place, country: e.countryCode } : null,
      event_text: span?.quote ?? null,
      text_info: span ? { start: span.start, end: span.end, document_id: span.documentId } : null,
      coder: options.coders?.get(e.coderId) ?? e.coderId,
      coded_date: e.updatedAt.slice(0, 10),
      comment: e.notes.trim() ? e.notes : null,
    };
  });
}
