/**
 * Language guess for articles that do not declare one. Script first (unambiguous for Arabic,
 * Cyrillic, CJK ...), then function-word counts among Latin-script languages. No statistical
 * model: the corpus is news about officials, mostly English and Arabic, and a guess the
 * analyst can explain ("it counted these words") beats a better one they cannot.
 */
import type { Sourced } from '../../shared/model/document';

const SAMPLE_CHARS = 6000;

const SCRIPTS: Array<[string, RegExp]> = [
  ['arabic', /\p{Script=Arabic}/u],
  ['latin', /\p{Script=Latin}/u],
  ['cyrillic', /\p{Script=Cyrillic}/u],
  ['hebrew', /\p{Script=Hebrew}/u],
  ['greek', /\p{Script=Greek}/u],
  ['han', /\p{Script=Han}/u],
  ['kana', /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ['hangul', /\p{Script=Hangul}/u],
  ['devanagari', /\p{Script=Devanagari}/u],
  ['thai', /\p{Script=Thai}/u],
  ['ethiopic', /\p{Script=Ethiopic}/u],
];

/** Frequent words of each Latin-script language likely in this corpus; short, distinctive sets. */
const FUNCTION_WORDS: Record<string, string[]> = {
  en: ['the', 'and', 'of', 'to', 'in', 'is', 'that', 'with', 'for', 'was', 'on', 'said', 'has', 'have', 'from', 'by', 'which', 'were'],
  fr: ['le', 'la', 'les', 'des', 'et', 'du', 'une', 'est', 'dans', 'pour', 'que', 'qui', 'sur', 'avec', 'au', 'aux', 'par', 'ont'],
  es: ['el', 'los', 'las', 'del', 'y', 'una', 'que', 'en', 'por', 'con', 'para', 'se', 'su', 'fue', 'como', 'al', 'entre', 'pero'],
  pt: ['o', 'os', 'as', 'do', 'da', 'dos', 'das', 'e', 'um', 'uma', 'que', 'em', 'com', 'para', 'não', 'foi', 'pelo', 'ao'],
  de: ['der', 'die', 'das', 'und', 'ist', 'nicht', 'mit', 'den', 'von', 'zu', 'sich', 'auf', 'für', 'dem', 'ein', 'eine', 'wurde', 'auch'],
  it: ['il', 'gli', 'della', 'delle', 'che', 'di', 'e', 'per', 'con', 'sono', 'nel', 'alla', 'una', 'non', 'è', 'dal', 'anche', 'lo'],
  tr: ['ve', 'bir', 'bu', 'ile', 'için', 'olarak', 'da', 'de', 'daha', 'çok', 'olan', 'gibi', 'ancak', 'ise', 'kadar', 'sonra'],
  so: ['iyo', 'ee', 'ka', 'ku', 'waxaa', 'uu', 'ayaa', 'oo', 'ay', 'soo', 'waa', 'kala', 'dalka', 'dowladda', 'wuxuu', 'ah', 'ugu', 'kale'],
  id: ['yang', 'dan', 'di', 'ini', 'itu', 'dengan', 'untuk', 'tidak', 'dari', 'dalam', 'akan', 'pada', 'juga', 'oleh', 'adalah', 'ke'],
  sw: ['na', 'ya', 'wa', 'kwa', 'za', 'ni', 'katika', 'la', 'kuwa', 'hiyo', 'huo', 'pia', 'ambao', 'wake', 'serikali', 'alisema'],
};

/** word -> the languages it is a function word of: one lookup per word of the sample. */
const LOOKUP = new Map<string, string[]>();
for (const [lang, words] of Object.entries(FUNCTION_WORDS)) for (const w of words) LOOKUP.set(w, [...(LOOKUP.get(w) ?? []), lang]);

/**
 * Letters and script counts in one pass over the sample. ASCII letters (most of this corpus) are
 * Latin without a regex; any other code point is classified once by the SCRIPTS regexes and
 * remembered. Eleven global regex passes, each building an array of every match, were the
 * slowest step of parsing a plain-text article.
 */
const NOT_A_LETTER = -2;
const OTHER_SCRIPT = -1;
const classOf = new Map<number, number>();
const LETTER = /\p{L}/u;

function classify(cp: number): number {
  let c = classOf.get(cp);
  if (c === undefined) {
    const ch = String.fromCodePoint(cp);
    c = SCRIPTS.findIndex(([, re]) => re.test(ch));
    // A script's characters are not all letters (Latin has ordinal indicators, Arabic digits ...):
    // scripts count every character of theirs, letters only letters, as the regexes did.
    if (!LETTER.test(ch)) c = c >= 0 ? -3 - c : NOT_A_LETTER;
    classOf.set(cp, c);
  }
  return c;
}

function dominantScript(sample: string): { script: string; share: number } | null {
  const counts = new Array<number>(SCRIPTS.length).fill(0);
  let letters = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code < 0x80) {
      if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) {
        letters++;
        counts[1]++;
      }
      continue;
    }
    const cp = sample.codePointAt(i)!;
    if (cp > 0xffff) i++;
    const c = classify(cp);
    if (c >= 0) {
      letters++;
      counts[c]++;
    } else if (c === OTHER_SCRIPT) letters++;
    else if (c !== NOT_A_LETTER) counts[-3 - c]++;
  }
  if (letters < 20) return null;
  let best = -1;
  let bestCount = 0;
  for (let s = 0; s < counts.length; s++) {
    if (counts[s] > bestCount) {
      best = s;
      bestCount = counts[s];
    }
    // A script holding more than half the letters cannot be beaten.
    if (bestCount * 2 > letters) break;
  }
  return best >= 0 ? { script: SCRIPTS[best][0], share: bestCount / letters } : null;
}

function count(sample: string, re: RegExp): number {
  return sample.match(re)?.length ?? 0;
}

/** Arabic script is shared by Persian and Urdu; their extra letters tell them apart. */
function arabicScriptLanguage(sample: string): string {
  const arabicLetters = count(sample, /\p{Script=Arabic}/gu) || 1;
  const urdu = count(sample, /[ٹڈڑںےۓ]/g);
  const persian = count(sample, /[پچژگکی]/g);
  if (urdu / arabicLetters > 0.01) return 'ur';
  if (persian / arabicLetters > 0.02) return 'fa';
  return 'ar';
}

const LONGEST_FUNCTION_WORD = Math.max(...[...LOOKUP.keys()].map((w) => w.length));

/**
 * Each run of letters (what /\p{L}+/gu matches) of at most `maxLength` UTF-16 units: longer ones
 * cannot be function words, so they are never copied out of the text.
 */
function forEachShortWord(text: string, maxLength: number, fn: (word: string) => void): void {
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    let letter = false;
    let width = 1;
    if (i < text.length) {
      const code = text.charCodeAt(i);
      if (code < 0x80) letter = (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
      else {
        const cp = text.codePointAt(i)!;
        if (cp > 0xffff) width = 2;
        const c = classify(cp);
        letter = c >= 0 || c === OTHER_SCRIPT;
      }
    }
    if (letter) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      if (i - start <= maxLength) fn(text.slice(start, i));
      start = -1;
    }
    i += width - 1;
  }
}

function latinLanguage(sample: string): { lang: string; detail: string } {
  const scores = new Map<string, number>();
  forEachShortWord(sample.toLowerCase(), LONGEST_FUNCTION_WORD, (w) => {
    const langs = LOOKUP.get(w);
    if (langs) for (const lang of langs) scores.set(lang, (scores.get(lang) ?? 0) + 1);
  });
  const ranked = [...scores].sort((a, b) => b[1] - a[1]);
  const english = scores.get('en') ?? 0;
  const [top, topScore] = ranked[0] ?? ['en', 0];
  // English is the default for Latin script: another language must clearly out-count it.
  if (top !== 'en' && topScore >= 5 && topScore > english * 1.5) {
    return { lang: top, detail: `Latin script; ${topScore} common ${top} words vs ${english} English` };
  }
  return { lang: 'en', detail: `Latin script; ${english} common English words` };
}

const SCRIPT_LANGUAGE: Record<string, string> = {
  hebrew: 'he',
  greek: 'el',
  hangul: 'ko',
  devanagari: 'hi',
  thai: 'th',
  ethiopic: 'am',
};

/** Best guess at the text's language as an ISO 639-1 code, or undefined when there is too little text. */
export function detectLanguage(text: string): Sourced<string> | undefined {
  const sample = text.slice(0, SAMPLE_CHARS);
  const dominant = dominantScript(sample);
  if (!dominant) return undefined;
  const { script, share } = dominant;
  const pct = Math.round(share * 100);
  const detected = (value: string, detail: string): Sourced<string> => ({ value, source: 'detected', detail });
  switch (script) {
    case 'arabic':
      return detected(arabicScriptLanguage(sample), `${pct}% Arabic-script letters`);
    case 'latin': {
      const { lang, detail } = latinLanguage(sample);
      return detected(lang, detail);
    }
    case 'cyrillic':
      return detected(/[іїєґ]/i.test(sample) ? 'uk' : 'ru', `${pct}% Cyrillic letters`);
    case 'han':
    case 'kana':
      return detected(/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(sample) ? 'ja' : 'zh', `${pct}% CJK letters`);
    default: {
      const lang = SCRIPT_LANGUAGE[script];
      return lang ? detected(lang, `${pct}% ${script} letters`) : undefined;
    }
  }
}

/** `en-US`, `EN`, `en_GB` to `en`: the primary subtag is what filters and codebooks use. */
export function primaryLanguage(tag: string): string | null {
  const m = /^([a-z]{2,3})(?:[-_][a-z0-9]+)*$/i.exec(tag.trim());
  return m ? m[1].toLowerCase() : null;
}
