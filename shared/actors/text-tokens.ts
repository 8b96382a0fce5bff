/**
 * Words of a text with their UTF-16 offsets and a comparison key. Every lookup in this folder
 * (countries, organisations, titles, actor names) compares keys made here, so a form in a list and
 * the same words in an article always meet: "Côte d’Ivoire" and "Cote d'Ivoire", "Al-Shabaab" and
 * "al Shabab" have one key each.
 */

export interface Token {
  /** UTF-16 offsets into the text tokenized. */
  start: number;
  end: number;
  /** Lower-case, diacritics folded, doubled letters collapsed ("Moallim" -> "molim"). */
  key: string;
  /** Starts with an upper-case letter. */
  upper: boolean;
  /** Two or more letters, all upper-case ("NATO", "US", "SNSC"). */
  caps: boolean;
}

// Letters, combining marks and digits. Apostrophes and hyphens separate words: "Iraq’s" is "Iraq"
// then the possessive "s", "Al-Araji" is "Al" then "Araji"; callers read the gap between them.
const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const ASCII_WORD = /^[A-Za-z0-9]+$/;
const UPPER_START = /^\p{Lu}/u;
const ALL_CAPS = /^(?=.*\p{L}.*\p{L})[\p{Lu}\p{N}]+$/u;
// Transliteration marks for ayn and hamza ("ʿIrāq", "Shiʿa") carry no sound an English text keeps.
const TRANSLIT_MARKS = /[ʿʾʻʼ]/g;
// Letters NFKD does not decompose into a base letter plus a mark.
const SPECIAL_LETTERS: Record<string, string> = { ß: 'ss', ø: 'o', đ: 'd', ł: 'l', ı: 'i', æ: 'ae', œ: 'oe', þ: 'th', ð: 'd' };
const SPECIAL = /[ßøđłıæœþð]/g;
const DOUBLED = /(\p{L})\1+/gu;

/** Lower-case with diacritics folded: "Türkiye" -> "turkiye", "Jumhūriyyat" -> "jumhuriyyat". */
export function foldWord(word: string): string {
  if (ASCII_WORD.test(word)) return word.toLowerCase();
  return word
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(TRANSLIT_MARKS, '')
    .toLowerCase()
    .replace(SPECIAL, (c) => SPECIAL_LETTERS[c] ?? c);
}

/**
 * Transliteration doubles consonants and vowels at will (Qasim / Qassim, Moalim / Moallim,
 * Shabab / Shabaab); one letter of each run is kept.
 */
export function collapseDoubles(word: string): string {
  return word.replace(DOUBLED, '$1');
}

export function wordKey(word: string): string {
  return collapseDoubles(foldWord(word));
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const word = m[0];
    const start = m.index;
    tokens.push({ start, end: start + word.length, key: wordKey(word), upper: UPPER_START.test(word), caps: ALL_CAPS.test(word) });
  }
  return tokens;
}

/** The characters between token i-1 and token i ("" before the first token is never asked for). */
export function gapBefore(text: string, tokens: readonly Token[], i: number): string {
  return i > 0 ? text.slice(tokens[i - 1].end, tokens[i].start) : '';
}

/** A form's key: its tokens' keys joined by single spaces ("U.S." -> "u s", "Iraq" -> "iraq"). */
export function phraseKey(phrase: string): string {
  return tokenize(phrase)
    .map((t) => t.key)
    .join(' ');
}

/** The letters of a string, for exact-case comparison of acronyms ("U.S." -> "US"). */
export function lettersOf(s: string): string {
  return s.replace(/[^\p{L}\p{N}]/gu, '');
}

const SPACE_ONLY = /^[ \t\u00a0]+$/;

/**
 * Whether two adjacent tokens can belong to one name or one listed form: a space, a hyphen, an
 * apostrophe inside a word ("Sana'a", "d'Ivoire") or the dot of an initial ("U.S."). A line break or
 * any other punctuation ends the phrase.
 */
export function joinsPhrase(gap: string, previousLength: number): boolean {
  if (SPACE_ONLY.test(gap)) return true;
  if (gap === '-' || gap === '‐' || gap === "'" || gap === '’') return true;
  return previousLength === 1 && (gap === '.' || gap === '. ');
}

/** Whether two adjacent tokens can belong to one person's name: a space or a hyphen only. */
export function joinsName(gap: string, previousLength: number): boolean {
  if (SPACE_ONLY.test(gap) || gap === '-' || gap === '‐') return true;
  // An initial: "J. Smith", "George W. Bush".
  return previousLength === 1 && (gap === '. ' || gap === '.');
}

/** The possessive "’s" is its own token "s" after an apostrophe with no space. */
export function isPossessive(text: string, tokens: readonly Token[], i: number): boolean {
  if (i <= 0 || i >= tokens.length || tokens[i].key !== 's') return false;
  const gap = gapBefore(text, tokens, i);
  return gap === '’' || gap === "'";
}
