/**
 * Offline suggestions for the coding screen: what in an article looks like a country, a capital, an
 * organisation, a known actor, an official with a title, or a date. One pass over the tokens for
 * every listed form (gazetteer), one for titles, one for registry names, chrono for dates; then the
 * longest suggestion wins wherever two overlap. The lists are built once per process and the actor
 * matcher once per registry array, so a 10,000-character article costs a few milliseconds.
 */

import { findDateExpressions } from '../dates/resolve';
import type { Actor, TextSuggestion } from '../model/actor';
import { findGazetteerHits, type GazetteerHit } from './gazetteer';
import { type ActorMatcher, canonicalNameWord, isArticle, matcherFor, nameTokens } from './names';
import type { KnownOrganisation } from './organisations';
import { gapBefore, joinsName, type Token, tokenize } from './text-tokens';
import { findTitledPersons, type TitledPerson } from './titles';

export interface SuggestOptions {
  /** The project's registry; pass the same array between calls to reuse its matcher. */
  actors: readonly Actor[];
  /** The article's publication date (ISO); relative dates resolve against it. */
  publishedAt: string | null;
  /** Ranges never suggested in (boilerplate, repeats): a suggestion touching one is dropped. */
  exclude?: readonly { start: number; end: number }[];
}

// Where two suggestions cover the same length, the more specific one wins.
const PRIORITY: Record<TextSuggestion['kind'], number> = {
  'person-with-title': 6,
  organisation: 5,
  country: 5,
  'known-actor': 4,
  capital: 3,
  demonym: 3,
  date: 1,
};
const MAX_NAME_WORDS = 6;
// A registry person is proposed from a title's name when the match is this sure (exact or
// surname). Fuzzy matching is left to the link dialog: one fuse search per title over a large
// registry would cost more than the whole scan.
const PERSON_MATCH_MIN = 0.85;

export function suggestInText(text: string, options: SuggestOptions): TextSuggestion[] {
  const tokens = tokenize(text);
  const matcher = matcherFor(options.actors);
  const hits = findGazetteerHits(text, tokens);
  const candidates: TextSuggestion[] = [];
  for (const hit of hits) candidates.push(fromHit(text, hit, options.actors, matcher));
  for (const person of findTitledPersons(text, tokens, hits)) candidates.push(fromPerson(text, person, matcher));
  candidates.push(...knownActors(text, tokens, matcher));
  for (const expression of findDateExpressions(text, options.publishedAt)) {
    const { date } = expression;
    const suggestion: TextSuggestion = { start: expression.start, end: expression.end, quote: expression.quote, kind: 'date' };
    if (date.value !== null && date.precision !== 'unknown') {
      suggestion.date = { value: date.value, precision: date.precision, inferred: date.inferred };
      if (date.basis) suggestion.date.basis = date.basis;
    } else if (date.basis) {
      suggestion.note = date.basis;
    }
    candidates.push(suggestion);
  }
  return chooseLongest(text.length, candidates, options.exclude ?? []);
}

function countryFields(codes: readonly string[]): Pick<TextSuggestion, 'countryCode' | 'countryCandidates'> {
  if (codes.length === 1) return { countryCode: codes[0] };
  return codes.length > 1 ? { countryCandidates: [...codes] } : {};
}

function countryActorId(actors: readonly Actor[], code: string | undefined): string | undefined {
  if (!code) return undefined;
  return actors.find((a) => a.kind === 'country' && !a.mergedInto && a.countryCode === code)?.id;
}

function organisationActorId(organisation: KnownOrganisation, matcher: ActorMatcher): string | undefined {
  for (const form of [organisation.name, ...organisation.aliases]) {
    const found = matcher.exact.get(nameTokens(form).join(''))?.find((f) => f.actor.kind === 'organisation');
    if (found) return found.actor.id;
  }
  return undefined;
}

function fromHit(text: string, hit: GazetteerHit, actors: readonly Actor[], matcher: ActorMatcher): TextSuggestion {
  const base = { start: hit.start, end: hit.end, quote: text.slice(hit.start, hit.end) };
  const { entry } = hit;
  if (entry.kind === 'organisation') {
    const { organisation } = entry;
    return {
      ...base,
      kind: 'organisation',
      name: organisation.name,
      organisation: { key: organisation.key, name: organisation.name },
      actorId: organisationActorId(organisation, matcher),
      ...(organisation.countryCode ? { countryCode: organisation.countryCode } : {}),
    };
  }
  const fields = countryFields(entry.codes);
  return { ...base, kind: entry.kind, name: entry.form, ...fields, actorId: countryActorId(actors, fields.countryCode) };
}

function fromPerson(text: string, person: TitledPerson, matcher: ActorMatcher): TextSuggestion {
  const [top, second] = matcher.match(person.name, { minScore: PERSON_MATCH_MIN, limit: 2, fuzzy: false });
  // Two registry people equally close: let the analyst pick rather than guess.
  const actorId = top && (!second || second.score < top.score) ? top.actor.id : undefined;
  const suggestion: TextSuggestion = {
    start: person.start,
    end: person.end,
    quote: text.slice(person.start, person.end),
    kind: 'person-with-title',
    name: person.name,
    title: person.title,
    actorId,
    ...countryFields(person.countryCodes),
  };
  if (person.organisation) {
    suggestion.organisation = { key: person.organisation.key, name: person.organisation.name };
    suggestion.countryCode ??= person.organisation.countryCode;
  }
  return suggestion;
}

/**
 * Registry names and aliases in the text, compared by normalised words ("Al-Araji" finds
 * "Qasim al-Araji" by surname), the longest phrase at each start. Fuzzy matching is not used here:
 * on every capitalised run of a long article it would be slow and noisy.
 */
function knownActors(text: string, tokens: readonly Token[], matcher: ActorMatcher): TextSuggestion[] {
  if (matcher.exact.size === 0) return [];
  const found: TextSuggestion[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const startsName = tokens[i].upper || (i + 1 < tokens.length && isArticle(tokens[i].key, gapBefore(text, tokens, i + 1)));
    if (!startsName) continue;
    let compact = '';
    let best: { last: number; actor: Actor } | null = null;
    for (let j = i; j < tokens.length && j - i < MAX_NAME_WORDS; j++) {
      if (j > i && !joinsName(gapBefore(text, tokens, j), tokens[j - 1].end - tokens[j - 1].start)) break;
      const t = tokens[j];
      // "al-"/"Al " before another word is dropped, as nameTokens drops it from registry names.
      const article = !t.caps && j + 1 < tokens.length && isArticle(t.key, gapBefore(text, tokens, j + 1));
      if (j > i && !t.upper && !article) break;
      if (article) continue;
      compact += canonicalNameWord(t.key);
      const actor = unique(matcher.exact.get(compact)) ?? unique(matcher.surnames.get(compact));
      if (actor) best = { last: j, actor };
    }
    if (best) {
      const start = tokens[i].start;
      const end = tokens[best.last].end;
      found.push({
        start,
        end,
        quote: text.slice(start, end),
        kind: 'known-actor',
        actorId: best.actor.id,
        name: best.actor.name,
        ...(best.actor.countryCode ? { countryCode: best.actor.countryCode } : {}),
      });
    }
  }
  return found;
}

function unique(forms: readonly { actor: Actor }[] | undefined): Actor | undefined {
  if (!forms || forms.length === 0) return undefined;
  const actor = forms[0].actor;
  return forms.every((f) => f.actor.id === actor.id) ? actor : undefined;
}

/** Longest first, then the more specific kind; a suggestion touching a taken or excluded range is dropped. */
function chooseLongest(
  length: number,
  candidates: TextSuggestion[],
  exclude: readonly { start: number; end: number }[],
): TextSuggestion[] {
  const taken = new Uint8Array(length);
  for (const range of exclude) taken.fill(1, Math.max(0, range.start), Math.min(length, range.end));
  const ordered = [...candidates].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || PRIORITY[b.kind] - PRIORITY[a.kind] || a.start - b.start,
  );
  const chosen: TextSuggestion[] = [];
  for (const s of ordered) {
    if (s.end <= s.start || taken.subarray(s.start, s.end).includes(1)) continue;
    taken.fill(1, s.start, s.end);
    chosen.push(stripUndefined(s));
  }
  return chosen.sort((a, b) => a.start - b.start);
}

/** Absent rather than `undefined` fields: suggestions cross IPC and are compared in tests. */
function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
