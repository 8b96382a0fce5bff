/** Persons, organisations and countries that take part in engagements. */
export type ActorKind = 'person' | 'organisation' | 'country';

/** A title held over a period: "Interior Minister of Somalia, 2023-01 to 2024-06". */
export interface ActorRole {
  id: string;
  title: string;
  /** The organisation the title is held in (an actor id), if any. */
  organisationId: string | null;
  /** ISO 3166-1 alpha-3 of the country the title serves. */
  countryCode: string | null;
  /** ISO dates (YYYY, YYYY-MM or YYYY-MM-DD), open-ended when null. */
  from: string | null;
  to: string | null;
}

export interface Actor {
  id: string;
  kind: ActorKind;
  name: string;
  /** Other spellings and transliterations (`al-Araji`, `Al-Araji`, `Qassim al-Aaraji`). */
  aliases: string[];
  /** Countries: their ISO alpha-3. Persons and organisations: the country they belong to, if any. */
  countryCode: string | null;
  roles: ActorRole[];
  notes: string;
  /** Set when merged into another actor (reversible: the merge is recorded). */
  mergedInto: string | null;
}

/** Something in a document's text that looks like an actor, a place or a date. */
export interface TextSuggestion {
  start: number;
  end: number;
  quote: string;
  kind: 'country' | 'demonym' | 'capital' | 'organisation' | 'person-with-title' | 'known-actor' | 'date';
  /** Proposed values: what one click would link or create. */
  countryCode?: string;
  actorId?: string;
  name?: string;
  title?: string;
  /**
   * The organisation proposed (kind 'organisation') or the one a title is held in ("NATO's Deputy
   * Secretary General"). `key` names an entry of shared/actors/organisations.ts.
   */
  organisation?: { key: string; name: string };
  /** When the word names several countries ("Congolese"): the candidates; countryCode is then unset. */
  countryCandidates?: string[];
  /** For dates: the resolved value, and for inferred ones what it was resolved from. */
  date?: { value: string; precision: 'day' | 'month' | 'year'; inferred: boolean; basis?: string };
  /** Why a value is missing, e.g. a relative date in an article without a publication date. */
  note?: string;
}
