/**
 * Countries, demonyms, capitals and organisations found in a tokenized text. One index of every
 * listed form keyed by phrase key, plus the set of its word prefixes, so a scan extends a phrase
 * only while some form still starts that way: linear in the text, whatever the number of forms.
 */
import { type PlaceKind, placeForms } from './countries';
import { type KnownOrganisation, organisationForms } from './organisations';
import { gapBefore, joinsPhrase, lettersOf, type Token } from './text-tokens';

export type GazetteerEntry =
  | { kind: PlaceKind; form: string; codes: readonly string[]; exactCase: boolean }
  | { kind: 'organisation'; form: string; organisation: KnownOrganisation; exactCase: boolean };

export interface GazetteerHit {
  /** Token indices, inclusive. */
  first: number;
  last: number;
  /** UTF-16 offsets. */
  start: number;
  end: number;
  entry: GazetteerEntry;
}

interface Index {
  byKey: Map<string, GazetteerEntry[]>;
  prefixes: Set<string>;
}

// When one phrase is several things ("Djibouti", "Singapore": country and capital), the country
// wins; an organisation's name beats a capital or demonym of the same spelling.
const KIND_ORDER: Record<GazetteerEntry['kind'], number> = { country: 0, organisation: 1, capital: 2, demonym: 3 };
const ARTICLE_START = new Set(['al', 'el']);

let index: Index | null = null;

function buildIndex(): Index {
  const byKey = new Map<string, GazetteerEntry[]>();
  const prefixes = new Set<string>();
  const add = (key: string, entry: GazetteerEntry): void => {
    if (!key) return;
    const list = byKey.get(key);
    if (list) list.push(entry);
    else byKey.set(key, [entry]);
    const words = key.split(' ');
    for (let n = 1; n <= words.length; n++) prefixes.add(words.slice(0, n).join(' '));
  };
  for (const { key, form, kind, codes, exactCase } of placeForms()) add(key, { kind, form, codes, exactCase });
  for (const { key, form, organisation, exactCase } of organisationForms()) add(key, { kind: 'organisation', form, organisation, exactCase });
  for (const list of byKey.values()) list.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
  return { byKey, prefixes };
}

function gazetteer(): Index {
  index ??= buildIndex();
  return index;
}

/**
 * Acronyms compare letter case exactly ("US" is not "us"). Other forms must start with a capital,
 * or with the article before a capital ("al-Shabaab"): lower-case "chad", "turkey", "male" are words.
 */
function caseFits(entry: GazetteerEntry, text: string, tokens: readonly Token[], first: number, last: number): boolean {
  if (entry.exactCase) return lettersOf(text.slice(tokens[first].start, tokens[last].end)) === lettersOf(entry.form);
  if (tokens[first].upper) return true;
  return ARTICLE_START.has(tokens[first].key) && last > first && tokens[first + 1].upper;
}

/**
 * Every listed form in the text, the longest at each start token. Hits may overlap ("NATO Mission
 * in Iraq" and "Iraq"); callers choose.
 */
export function findGazetteerHits(text: string, tokens: readonly Token[]): GazetteerHit[] {
  const { byKey, prefixes } = gazetteer();
  const hits: GazetteerHit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i];
    if (!first.upper && !ARTICLE_START.has(first.key)) continue;
    let key = first.key;
    let best: GazetteerHit | null = null;
    for (let j = i; ; ) {
      const entries = byKey.get(key);
      const entry = entries?.find((e) => caseFits(e, text, tokens, i, j));
      if (entry) best = { first: i, last: j, start: first.start, end: tokens[j].end, entry };
      if (j + 1 >= tokens.length) break;
      const gap = gapBefore(text, tokens, j + 1);
      if (!joinsPhrase(gap, tokens[j].end - tokens[j].start)) break;
      const next = `${key} ${tokens[j + 1].key}`;
      if (!prefixes.has(next)) break;
      key = next;
      j++;
    }
    if (best) {
      // "U.S." ends with a dot that is not a token; the quote should keep it.
      if (best.entry.form.endsWith('.') && text[best.end] === '.') best.end++;
      hits.push(best);
    }
  }
  return hits;
}
