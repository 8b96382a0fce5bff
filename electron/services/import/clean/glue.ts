/**
 * Sentences that a scraper glued together when it dropped the markup between paragraphs:
 * "advisory services.During the call". We mark a zero-width point where the reader should show a
 * space and search should see one; the text itself stays as imported.
 *
 * Conservative by design: a missed glue point costs a run-together word in a snippet, a wrong one
 * splits "U.S.Army" or "example.Com". So the character before the stop must be a lowercase
 * letter, digit, closing quote or bracket, and abbreviations, initials, domains, e-mail addresses
 * and file names are refused.
 */
import type { TextRange } from '../../../../shared/model/document';
import { isSpaceCode } from './text-lines';

/** Stop (with closers) preceded by lower/digit/closer and immediately followed by an uppercase letter. */
const GLUE_CANDIDATE = /(?<=[\p{Ll}\p{N}"”’)\]])[.!?…]+["”’)\]]*(?=\p{Lu})/gu;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const LETTER = /\p{L}/u;
const DIGITS = /^\p{N}+$/u;
const CLOSERS = new Set(['"', '”', '’', ')', ']']);

/** Lower-cased words that end with a dot without ending a sentence. */
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'st',
  'jr',
  'sr',
  'vs',
  'etc',
  'inc',
  'ltd',
  'co',
  'corp',
  'gen',
  'lt',
  'col',
  'sgt',
  'capt',
  'cmdr',
  'adm',
  'gov',
  'sen',
  'rep',
  'prof',
  'rev',
  'mt',
  'ft',
  'no',
  'nos',
  'vol',
  'fig',
  'pp',
  'approx',
  'dept',
  'est',
  'al',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'yahoo',
]);

/** Words after a dot that make it a domain or a file extension, not a sentence start. */
const EXTENSIONS = new Set([
  'com',
  'net',
  'org',
  'gov',
  'edu',
  'io',
  'co',
  'info',
  'iq',
  'ir',
  'uk',
  'jpg',
  'jpeg',
  'png',
  'gif',
  'pdf',
  'doc',
  'docx',
  'txt',
  'mp3',
  'mp4',
  'html',
  'htm',
  'xlsx',
  'csv',
  'zip',
  'exe',
]);

/** Longest stretch scanned either side when checking for URLs and e-mails; keeps it linear. */
const TOKEN_SCAN_LIMIT = 200;

function isGlue(text: string, punctStart: number, upperAt: number): boolean {
  // The word before the stop, skipping closing quotes/brackets: "services", "e.g", "2018".
  const limit = Math.max(0, punctStart - TOKEN_SCAN_LIMIT);
  let wordEnd = punctStart;
  while (wordEnd > limit && CLOSERS.has(text[wordEnd - 1])) wordEnd--;
  let wordStart = wordEnd;
  while (wordStart > limit && (LETTER_OR_DIGIT.test(text[wordStart - 1]) || text[wordStart - 1] === '.')) wordStart--;
  const word = text.slice(wordStart, wordEnd);
  if (word.includes('.')) return false; // e.g, U.S, a.m, example.co, 3.5
  // Abbreviations and initials end in a dot; "no!" and "a?" are honest sentence ends.
  if (text[punctStart] === '.') {
    if (word.length === 1 && LETTER.test(word)) return false; // initials, "x.Y"
    if (ABBREVIATIONS.has(word.toLowerCase())) return false;
  }

  // The word after: an initial ("U.S.") or a domain / file extension refuses the glue.
  let nextEnd = upperAt;
  const nextLimit = Math.min(text.length, upperAt + TOKEN_SCAN_LIMIT);
  while (nextEnd < nextLimit && LETTER.test(text[nextEnd])) nextEnd++;
  const next = text.slice(upperAt, nextEnd);
  if (text[nextEnd] === '.' && next.length === 1) return false;
  if (text[nextEnd] === '.' && LETTER.test(text[nextEnd + 1] ?? ' ')) return false; // news.Example.org
  if (EXTENSIONS.has(next.toLowerCase()) && !LETTER.test(text[nextEnd] ?? ' ')) return false;
  // "Article 3.A" and "in 2018.A new ..." look alike; keep the numbering safe.
  if (next.length === 1 && DIGITS.test(word)) return false;

  // URLs and e-mail addresses: look at the whole whitespace-delimited token.
  let tokStart = wordStart;
  while (tokStart > limit && !isSpaceCode(text.charCodeAt(tokStart - 1))) tokStart--;
  const before = text.slice(tokStart, wordEnd);
  if (before.includes('://') || before.includes('www.') || before.includes('@')) return false;
  const after = text.slice(upperAt, Math.min(text.length, upperAt + TOKEN_SCAN_LIMIT));
  const tokEnd = after.search(/\s/u);
  const afterToken = tokEnd === -1 ? after : after.slice(0, tokEnd);
  if (afterToken.includes('@') || afterToken.includes('/')) return false;
  return true;
}

/**
 * Zero-width `glue` ranges (start === end === index of the glued sentence's first letter), sorted.
 * Label: `sentence`.
 */
export function findGlue(text: string): TextRange[] {
  const out: TextRange[] = [];
  GLUE_CANDIDATE.lastIndex = 0;
  for (let m = GLUE_CANDIDATE.exec(text); m; m = GLUE_CANDIDATE.exec(text)) {
    const at = m.index + m[0].length;
    if (isGlue(text, m.index, at)) out.push({ kind: 'glue', start: at, end: at, label: 'sentence' });
  }
  return out;
}
