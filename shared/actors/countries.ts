/**
 * Countries, demonyms and capitals from the world-countries package (maintained, ODbL), not a
 * hand-typed list. Lookups are built once, on first use, and keyed by `phraseKey`, so "Türkiye",
 * "Turkiye" and "TÜRKIYE" meet.
 *
 * What the package gives and what is dropped:
 * - common and official names, alternative spellings, capitals, English demonyms;
 * - two-letter alternative spellings are ISO alpha-2 codes ("IN", "IT", "IS", "NO"): in running
 *   text they are words, so they are dropped (the two that news uses, US and UK, come back below);
 * - catalogue inversions with a comma ("Iran, Islamic Republic of") and non-Latin spellings never
 *   occur in English articles and are dropped.
 * Where a word belongs to several countries ("Congolese", "Dominican", "Kingston"), UN members are
 * preferred; if still several, the word stays ambiguous and every candidate is reported.
 */
import countries from 'world-countries';
import { lettersOf, phraseKey } from './text-tokens';

export type PlaceKind = 'country' | 'demonym' | 'capital';

export interface CountryInfo {
  /** ISO 3166-1 alpha-3, the code the model stores. */
  code: string;
  /** ISO 3166-1 alpha-2. */
  cca2: string;
  name: string;
  officialName: string;
  demonym: string | null;
  capitals: string[];
  unMember: boolean;
}

/** A word or phrase that names a country, with the country or countries it names. */
export interface PlaceForm {
  form: string;
  /** `phraseKey(form)`, computed once. */
  key: string;
  kind: PlaceKind;
  /** Alpha-3 codes, preferred first. One entry unless the form is ambiguous. */
  codes: string[];
  /** Compare letter case exactly: acronyms ("US", "U.S.", "UAE") must not match "us" or "Uae". */
  exactCase: boolean;
}

/**
 * The only hand-kept aliases: forms English news uses that the package lacks or that the
 * two-letter rule above drops. Each says why it is here.
 */
export const EXTRA_PLACE_ALIASES: readonly { form: string; kind: PlaceKind; code: string; why: string }[] = [
  { form: 'US', kind: 'country', code: 'USA', why: 'two-letter, dropped with the ISO codes, but news-standard' },
  { form: 'U.S.', kind: 'country', code: 'USA', why: 'dotted abbreviation (AP style)' },
  { form: 'U.S.A.', kind: 'country', code: 'USA', why: 'dotted abbreviation' },
  { form: 'UK', kind: 'country', code: 'GBR', why: 'two-letter, dropped with the ISO codes, but news-standard' },
  { form: 'U.K.', kind: 'country', code: 'GBR', why: 'dotted abbreviation' },
  { form: 'Britain', kind: 'country', code: 'GBR', why: 'the package has only "Great Britain"' },
  { form: 'Turkey', kind: 'country', code: 'TUR', why: 'the package has only Türkiye/Turkiye; most English news says Turkey' },
  { form: 'Saudi', kind: 'demonym', code: 'SAU', why: 'the package demonym is "Saudi Arabian"; news says "Saudi"' },
  { form: 'Washington', kind: 'capital', code: 'USA', why: 'the package has only "Washington D.C."' },
  { form: 'Washington DC', kind: 'capital', code: 'USA', why: 'undotted form of the package\'s "Washington D.C."' },
  { form: 'Teheran', kind: 'capital', code: 'IRN', why: 'older transliteration of Tehran' },
  { form: 'Kiev', kind: 'capital', code: 'UKR', why: 'older transliteration of Kyiv' },
  { form: 'Sanaa', kind: 'capital', code: 'YEM', why: "the package has only Sana'a" },
];

const ISO_ALPHA2 = /^[A-Z]{2}$/;
const LATIN_KEY = /^[a-z0-9 ]+$/;
const ACRONYM = /^[A-Z.]+$/;

interface Built {
  byCode: Map<string, CountryInfo>;
  forms: PlaceForm[];
  /** kind -> key -> form */
  byKey: Record<PlaceKind, Map<string, PlaceForm>>;
}

let built: Built | null = null;

function build(): Built {
  const infos = countries.map<CountryInfo>((c) => ({
    code: c.cca3,
    cca2: c.cca2,
    name: c.name.common,
    officialName: c.name.official,
    demonym: c.demonyms?.eng?.m ?? null,
    capitals: [...c.capital],
    unMember: c.unMember,
  }));
  const byCode = new Map<string, CountryInfo>();
  for (const info of infos) {
    byCode.set(info.code, info);
    byCode.set(info.cca2, info);
  }
  // kind -> key -> { form as first seen, codes in insertion order }
  const collected: Record<PlaceKind, Map<string, { form: string; codes: string[] }>> = {
    country: new Map(),
    demonym: new Map(),
    capital: new Map(),
  };
  const add = (form: string, kind: PlaceKind, code: string): void => {
    const key = phraseKey(form);
    if (!key || !LATIN_KEY.test(key)) return;
    const entry = collected[kind].get(key);
    if (!entry) collected[kind].set(key, { form, codes: [code] });
    else if (!entry.codes.includes(code)) entry.codes.push(code);
  };
  for (const c of countries) {
    add(c.name.common, 'country', c.cca3);
    add(c.name.official, 'country', c.cca3);
    for (const alt of c.altSpellings) {
      if (ISO_ALPHA2.test(alt) || alt.includes(',')) continue;
      add(alt, 'country', c.cca3);
    }
    for (const capital of c.capital) add(capital, 'capital', c.cca3);
    const demonyms = c.demonyms?.eng;
    if (demonyms) {
      add(demonyms.m, 'demonym', c.cca3);
      add(demonyms.f, 'demonym', c.cca3);
    }
  }
  for (const extra of EXTRA_PLACE_ALIASES) add(extra.form, extra.kind, extra.code);

  const forms: PlaceForm[] = [];
  const byKey: Built['byKey'] = { country: new Map(), demonym: new Map(), capital: new Map() };
  for (const kind of ['country', 'demonym', 'capital'] as const) {
    for (const [key, { form, codes }] of collected[kind]) {
      const members = codes.filter((code) => byCode.get(code)?.unMember);
      // "American": USA (UN member) over the Northern Mariana Islands; "Congolese" stays two.
      const ranked = members.length > 0 ? members : codes;
      const placeForm: PlaceForm = { form, key, kind, codes: ranked, exactCase: ACRONYM.test(form) };
      forms.push(placeForm);
      byKey[kind].set(key, placeForm);
    }
  }
  return { byCode, forms, byKey };
}

function data(): Built {
  built ??= build();
  return built;
}

/** Every form the text suggester looks for. */
export function placeForms(): readonly PlaceForm[] {
  return data().forms;
}

/** By alpha-3 or alpha-2 code. */
export function countryByCode(code: string): CountryInfo | undefined {
  return data().byCode.get(code.toUpperCase());
}

export function listCountries(): CountryInfo[] {
  return [...new Set(data().byCode.values())];
}

function lookup(kind: PlaceKind, text: string): string | null {
  const form = data().byKey[kind].get(phraseKey(text));
  if (form?.codes.length !== 1) return null;
  if (form.exactCase && lettersOf(form.form) !== lettersOf(text)) return null;
  return form.codes[0];
}

/** "Iraq", "Republic of Iraq", "U.S." -> alpha-3; null if unknown or ambiguous. */
export function countryForName(name: string): string | null {
  return lookup('country', name);
}

/** "Iraqi" -> IRQ, "American" -> USA; null for unknown or shared demonyms ("Congolese"). */
export function countryForDemonym(demonym: string): string | null {
  return lookup('demonym', demonym);
}

/** "Baghdad" -> IRQ, "Washington" -> USA. */
export function countryForCapital(capital: string): string | null {
  return lookup('capital', capital);
}

/** Any of the three, tried as a country name first, then a demonym, then a capital. */
export function countryForPlace(text: string): { code: string; kind: PlaceKind } | null {
  for (const kind of ['country', 'demonym', 'capital'] as const) {
    const code = lookup(kind, text);
    if (code) return { code, kind };
  }
  return null;
}
