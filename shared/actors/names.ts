/**
 * Person and organisation names normalised for matching across transliterations, and a matcher
 * over a registry (exact, surname, partial, then fuzzy with fuse.js).
 *
 * The normalisation is deliberately narrow: it removes what transliteration varies without changing
 * who is meant (case, diacritics, hyphens, doubled letters, the Arabic article, the spelling of a few
 * very common given names). Anything looser is left to the fuzzy pass, whose scores are lower, so an
 * analyst sees the difference between "this is the same name" and "this looks like it".
 */
import Fuse from 'fuse.js';
import type { Actor } from '../model/actor';
import { gapBefore, isPossessive, tokenize } from './text-tokens';

// The Arabic article: al-/el- wherever they stand; the assimilated forms (ad-Din, ash-Shammari,
// as-Sudani) only when hyphenated, because as, at and an are English words.
const ARTICLES = new Set(['al', 'el']);
const ASSIMILATED_ARTICLES = new Set(['ad', 'ar', 'as', 'ash', 'at', 'az', 'an', 'ath', 'adh', 'ud', 'ul', 'ed', 'es', 'et', 'ez', 'en']);
const HYPHEN = /^[-‐]$/;

/**
 * Given names whose English spellings vary the most in news copy, keyed after doubled letters are
 * collapsed (Mohammed -> mohamed). A short list on purpose: each entry is one name, never two.
 */
const GIVEN_NAME_CANON: Record<string, string> = {
  mohamed: 'muhamad',
  mohamad: 'muhamad',
  muhamed: 'muhamad',
  muhamad: 'muhamad',
  husein: 'husain',
  husain: 'husain',
  husayn: 'husain',
  hosein: 'husain',
  ahmed: 'ahmad',
  mahmoud: 'mahmud',
  yousef: 'yusuf',
  yusef: 'yusuf',
  youssef: 'yusuf',
  qasem: 'qasim',
  kasim: 'qasim',
  kasem: 'qasim',
};
// "Abdul Amir", "Abd al-Amir", "Abdulamir" are one name; "Abdullah(i)" (Abd Allah) is left alone.
const ABD_PREFIX = /^abd(?:ul|el|al|ol|il)(?=[a-z]{3})(?!ah|lah)/;
const ABD_WORD = /^abd(?:ul|el|al|ol|il)$/;

export function isArticle(key: string, gapAfter: string): boolean {
  return ARTICLES.has(key) || (ASSIMILATED_ARTICLES.has(key) && HYPHEN.test(gapAfter));
}

/** One word of a name, already a token key (folded, doubles collapsed), in canonical spelling. */
export function canonicalNameWord(key: string): string {
  const canon = GIVEN_NAME_CANON[key];
  if (canon) return canon;
  if (ABD_WORD.test(key)) return 'abd';
  return key.replace(ABD_PREFIX, 'abd');
}

/**
 * The words of a name as matching sees them: "Qassim Al-Araji's" -> ["qasim", "araji"],
 * "Abdul Amir Al-Shammari" -> ["abd", "amir", "shamari"].
 */
export function nameTokens(name: string): string[] {
  const tokens = tokenize(name);
  const words: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (isPossessive(name, tokens, i)) continue;
    // An article is dropped only before another word: a lone "Al" stays a name.
    if (i + 1 < tokens.length && isArticle(tokens[i].key, gapBefore(name, tokens, i + 1))) continue;
    words.push(canonicalNameWord(tokens[i].key));
  }
  return words;
}

/** The normalised name: `al-Araji`, `Al-Araji` and `Al Araji` all give "araji". */
export function normaliseName(name: string): string {
  return nameTokens(name).join(' ');
}

export type MatchHow = 'exact' | 'surname' | 'partial' | 'fuzzy';

export interface ActorMatch {
  actor: Actor;
  /** 0..1, 1 for the same normalised name. Exact 1, surname 0.9, partial 0.6-0.8, fuzzy below 0.85. */
  score: number;
  /** The name or alias of the actor that matched, as registered. */
  alias: string;
  how: MatchHow;
}

/** A registered form (name or alias) of an actor. */
export interface ActorForm {
  actor: Actor;
  alias: string;
  words: string[];
  /** Words joined without spaces: "Abdulamir" and "Abdul Amir" meet here. */
  compact: string;
}

export interface MatchOptions {
  /** Drop matches scoring below this (default 0.5). */
  minScore?: number;
  limit?: number;
  /** Run the fuse.js pass (default true). Off, only exact, surname and partial rules apply: O(1) + O(n) cheap. */
  fuzzy?: boolean;
}

export interface ActorMatcher {
  match(query: string, options?: MatchOptions): ActorMatch[];
  /** Forms whose compact key is exactly this. */
  readonly exact: ReadonlyMap<string, readonly ActorForm[]>;
  /** Persons' trailing words ("araji" of "Qasim al-Araji"), compact; for surname-only mentions. */
  readonly surnames: ReadonlyMap<string, readonly ActorForm[]>;
}

// Shorter trailing parts ("al", "bin") say nothing about who is meant.
const MIN_SURNAME_CHARS = 4;
const FUZZY_WEIGHT = 0.85;
const FUZZY_THRESHOLD = 0.4;

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function containsAll(haystack: readonly string[], needles: readonly string[]): boolean {
  return needles.every((n) => haystack.includes(n));
}

/** Build once per registry snapshot; `matchActor` caches one per actors array. */
export function createActorMatcher(actors: readonly Actor[]): ActorMatcher {
  const forms: ActorForm[] = [];
  const exact = new Map<string, ActorForm[]>();
  const surnames = new Map<string, ActorForm[]>();
  for (const actor of actors) {
    // A merged actor's names were carried over to the survivor; proposing it would undo the merge.
    if (actor.mergedInto) continue;
    const seen = new Set<string>();
    for (const alias of [actor.name, ...actor.aliases]) {
      const words = nameTokens(alias);
      const compact = words.join('');
      if (!compact || seen.has(compact)) continue;
      seen.add(compact);
      const form = { actor, alias, words, compact };
      forms.push(form);
      push(exact, compact, form);
      if (actor.kind !== 'person') continue;
      for (let k = 1; k < words.length; k++) {
        const suffix = words.slice(k).join('');
        if (suffix.length >= MIN_SURNAME_CHARS) push(surnames, suffix, form);
      }
    }
  }
  // Built on the first fuzzy query: the text suggester never asks for one, and fuse's index over a
  // large registry is the most expensive thing here.
  let fuse: Fuse<ActorForm> | null = null;
  const fuzzyIndex = (): Fuse<ActorForm> => {
    fuse ??= new Fuse(forms, {
      keys: [{ name: 'key', getFn: (f: ActorForm) => f.words.join(' ') }],
      includeScore: true,
      ignoreLocation: true,
      threshold: FUZZY_THRESHOLD,
    });
    return fuse;
  };

  function match(query: string, options: MatchOptions = {}): ActorMatch[] {
    const minScore = options.minScore ?? 0.5;
    const q = nameTokens(query);
    const qCompact = q.join('');
    if (!qCompact) return [];
    const best = new Map<string, ActorMatch>();
    const offer = (form: ActorForm, score: number, how: MatchHow): void => {
      const current = best.get(form.actor.id);
      if (!current || score > current.score) {
        best.set(form.actor.id, { actor: form.actor, score, alias: form.alias, how });
      }
    };
    for (const form of exact.get(qCompact) ?? []) offer(form, 1, 'exact');
    for (const form of surnames.get(qCompact) ?? []) offer(form, 0.9, 'surname');
    if (qCompact.length >= 3) {
      for (const form of forms) {
        if (form.compact === qCompact) continue;
        if (containsAll(form.words, q)) {
          // A given name alone ("Hussein") is weak evidence; other partial overlaps a little less so.
          offer(form, q.length === 1 && form.words[0] === q[0] ? 0.6 : 0.75, 'partial');
        } else if (form.words.length >= 2 && containsAll(q, form.words)) {
          offer(form, 0.8, 'partial');
        }
      }
    }
    // Fuzzy only for actors no rule above placed: fuse scores a whole-word substring ("Hussein" in
    // "Hussein Ali") near perfect, which would outrank the weaker partial score given on purpose.
    const placed = new Set(best.keys());
    const fuzzyResults = options.fuzzy === false ? [] : fuzzyIndex().search(q.join(' '));
    for (const result of fuzzyResults) {
      if (placed.has(result.item.actor.id)) continue;
      const score = Math.round((1 - (result.score ?? 1)) * FUZZY_WEIGHT * 1000) / 1000;
      offer(result.item, score, 'fuzzy');
    }
    const sorted = [...best.values()].filter((m) => m.score >= minScore).sort((a, b) => b.score - a.score || a.actor.name.localeCompare(b.actor.name));
    return options.limit ? sorted.slice(0, options.limit) : sorted;
  }

  return { match, exact, surnames };
}

const matchers = new WeakMap<readonly Actor[], ActorMatcher>();

/** The matcher for this actors array, built on first use (pass the same array to reuse it). */
export function matcherFor(actors: readonly Actor[]): ActorMatcher {
  let matcher = matchers.get(actors);
  if (!matcher) {
    matcher = createActorMatcher(actors);
    matchers.set(actors, matcher);
  }
  return matcher;
}

/**
 * Registry actors that `query` may name, best first: `al-Araji`, `Al-Araji`, `Qassim Al Araji` all
 * find `Qasim al-Araji`. One entry per actor, with the alias that matched best.
 */
export function matchActor(query: string, actors: readonly Actor[], options?: MatchOptions): ActorMatch[] {
  return matcherFor(actors).match(query, options);
}
