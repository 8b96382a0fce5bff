import { AppError } from '../../shared/errors';

/**
 * Turns what an analyst types into an FTS5 query. FTS5's own syntax stays available (AND, OR,
 * NOT, NEAR(a b, 5), "phrases", prefix*, parentheses), but words that FTS5 would reject as bare
 * terms (`al-Araji`, `Shia'a`, `U.S.`) are quoted as phrases so they search the way people mean
 * them. Unbalanced quotes or parentheses are reported, not guessed at.
 */
const OPERATORS = new Set(['AND', 'OR', 'NOT']);
const BAREWORD = /^[\p{L}\p{N}_\u0080-\uffff]+$/u;

export interface FtsQueryOptions {
  /**
   * The indexed terms a bare prefix (`secur*`, outside phrases and NEAR) stands for; null to keep
   * the prefix. Highlighting one document with a prefix makes FTS5 merge the whole index's lists
   * of every matching term (a quarter of a second at 100,000 articles); the same terms spelt out
   * are looked up for that one row.
   */
  expandPrefix?: (prefix: string) => string[] | null;
}

/** Columns an analyst may name before a colon (`title:Iraq`), and the search table's column each means. */
const COLUMNS: Record<string, string> = { title: 'title', headline: 'title', text: 'body', body: 'body' };
/** The query's tokens: column-filtered or left-out (-"…") phrases, phrases, parentheses, commas, and runs of anything else. */
export const QUERY_TOKENS = /(?:[A-Za-z]+:|-)"[^"]*"\*?|-(?=\()|"[^"]*"\*?|[(),]|[^\s"(),]+/g;

/**
 * Arabic short-vowel marks (harakat), Quranic marks and the tatweel: news text is written without
 * them, and FTS5's tokenizer keeps them as part of a word, so a query that has them finds nothing.
 */
const ARABIC_MARKS = /[\u0610-\u061A\u0640\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED]/g;

/** Letters Arabic news spells more than one way: the forms of alef with and without hamza, final yeh and alef maqsura, final teh marbuta and heh. */
const ALEFS = ['ا', 'أ', 'إ', 'آ'];
const MAX_SPELLINGS = 16;

/**
 * The ways an Arabic word may be printed (الاعرجي, الأعرجي, …): FTS5 does not fold these letters,
 * so the search asks for each. The alef of the article ال is always bare. Words of other scripts,
 * and words with no such letter, have one spelling. At most MAX_SPELLINGS: the first letters vary
 * first.
 */
export function arabicSpellings(word: string): string[] {
  if (!/[اأإآىيةه]/.test(word)) return [word];
  let out = [''];
  for (let i = 0; i < word.length; i++) {
    const c = word[i];
    const last = i === word.length - 1;
    let options = [c];
    if (ALEFS.includes(c) && !(i === 0 && word[1] === 'ل' && c === 'ا')) options = ALEFS;
    else if (last && (c === 'ي' || c === 'ى')) options = ['ي', 'ى'];
    else if (last && (c === 'ة' || c === 'ه')) options = ['ة', 'ه'];
    if (out.length * options.length > MAX_SPELLINGS) options = [c];
    out = out.flatMap((head) => options.map((o) => head + o));
  }
  // The spelling typed first, so the group reads as the analyst wrote it.
  return [word, ...out.filter((v) => v !== word)];
}

export function toFtsQuery(input: string, opts: FtsQueryOptions = {}): string {
  const q = input.replace(ARABIC_MARKS, '').trim();
  if (!q) throw new AppError('bad-query', 'Type something to search for.');
  if ((q.match(/"/g)?.length ?? 0) % 2 === 1) throw new AppError('bad-query', 'The search has an unclosed quote ("). Close the phrase, e.g. "security memorandum".');
  if (/\(\s*\)/.test(q)) throw new AppError('bad-query', 'The search has empty parentheses (). Put words inside them, e.g. (Iraq OR Iran), or leave them out.');
  let depth = 0;
  /** Depth of the "(" that opened a NEAR group, while inside one (it takes no OR groups). */
  let nearAt = -1;
  const out: string[] = [];
  const tokens = q.match(QUERY_TOKENS) ?? [];
  const isOperator = (t: string | undefined) => t !== undefined && OPERATORS.has(t.toUpperCase());
  /** A word, phrase or prefix as FTS5 takes it (quoted when FTS5 would reject it bare). */
  const operand = (t: string): string => {
    if (t.startsWith('"')) {
      // "national secur*": the star meant for the phrase's last word goes after the quotes.
      return /\*"$/.test(t) ? `${t.slice(0, -2)}"*` : t;
    }
    const prefix = t.endsWith('*');
    const word = prefix ? t.slice(0, -1) : t;
    if (!word || /^\*+$/.test(word)) throw new AppError('bad-query', 'A lone * is not a search; put it after the start of a word, e.g. secur*.');
    const quoted = BAREWORD.test(word) && !OPERATORS.has(word.toUpperCase()) ? word : `"${word.replace(/"/g, '')}"`;
    const terms = prefix && nearAt < 0 && /^[\p{L}\p{N}]+$/u.test(word) ? opts.expandPrefix?.(word) : null;
    if (terms && terms.length > 0) return `(${terms.map((term) => `"${term.replace(/"/g, '""')}"`).join(' OR ')})`;
    const spellings = nearAt < 0 ? arabicSpellings(word) : [word];
    if (spellings.length > 1) return `(${spellings.map((v) => `"${v}"${prefix ? '*' : ''}`).join(' OR ')})`;
    return prefix ? `${quoted}*` : quoted;
  };
  /** An operand, with the column it is limited to (`title:Iraq`) and without a leading +. */
  const term = (t: string): string => {
    const column = /^([A-Za-z]+):(.+)$/.exec(t);
    const name = column ? COLUMNS[column[1].toLowerCase()] : undefined;
    return name && nearAt < 0 ? `${name}:${operand(column![2])}` : operand(t.replace(/^\+(?=[\p{L}\p{N}"])/u, ''));
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const afterOperand = out.length > 0 && !isOperator(out.at(-1)) && out.at(-1) !== '(' && out.at(-1) !== ',' && out.at(-1) !== 'NEAR';
    const next = tokens[i + 1];
    const beforeOperand = next !== undefined && next !== ')' && next !== ',' && !isOperator(next);
    if (t === '(') {
      depth++;
      if (out.at(-1) === 'NEAR' && nearAt < 0) nearAt = depth;
      out.push(t);
    } else if (t === ')') {
      if (depth === nearAt) {
        // NEAR(Iraq Iran 5): the distance without its comma.
        if (/^\d+$/.test(out.at(-1) ?? '') && out.at(-2) !== ',' && out.at(-2) !== '(') out.splice(out.length - 1, 0, ',');
        nearAt = -1;
      }
      depth--;
      if (depth < 0) throw new AppError('bad-query', 'The search has a ")" without its "(".');
      out.push(t);
    } else if (t === ',') {
      // Only NEAR's distance is set off by a comma; elsewhere it is punctuation (`Iraq,`, `1,200`).
      if (nearAt >= 0) out.push(t);
    } else if (OPERATORS.has(t)) {
      out.push(t);
    } else if (nearAt < 0 && isOperator(t) && afterOperand && beforeOperand) {
      // and / or / not between two operands: the operator an analyst means, in any case.
      out.push(t.toUpperCase());
    } else if (t === 'NEAR' && next === '(') {
      out.push(t);
    } else if (t === 'NEAR' && nearAt < 0 && afterOperand && beforeOperand && isPhrase(tokens[i - 1]) && isPhrase(next)) {
      // Iraq NEAR Iran: FTS5 writes it NEAR(Iraq Iran), where only phrases may stand (so the
      // word before is taken again as a NEAR group takes it: no prefix spelt out, one spelling).
      out.pop();
      nearAt = depth + 1;
      const pair = [operand(tokens[i - 1]), operand(next)];
      nearAt = -1;
      out.push('NEAR', '(', ...pair, ')');
      i++;
    } else if (/^\d+$/.test(t) && out.at(-1) === ',') {
      out.push(t);
    } else if (nearAt < 0 && t === '-' && next === '(') {
      // -(Iran OR Syria): leave the group out.
      if (!afterOperand) throw new AppError('bad-query', 'A search cannot only leave words out: put a word to find before -( … ), e.g. Iraq -(Iran OR Syria).');
      out.push('NOT');
    } else if (nearAt < 0 && /^-[\p{L}\p{N}"]/u.test(t)) {
      // -Somalia: leave the word out, as search engines read it.
      if (!afterOperand) {
        throw new AppError('bad-query', `A search cannot only leave words out: put a word to find before ${t}, e.g. Iraq ${t} (the same as Iraq NOT ${t.slice(1)}).`);
      }
      out.push('NOT', term(t.slice(1)));
    } else {
      out.push(term(t));
    }
  }
  if (depth !== 0) throw new AppError('bad-query', 'The search has a "(" without its ")".');
  if (out.length === 0) throw new AppError('bad-query', 'Type something to search for.');
  const first = out[0];
  const last = out.at(-1)!;
  if (OPERATORS.has(first) || OPERATORS.has(last)) {
    throw new AppError('bad-query', `The search cannot start or end with ${OPERATORS.has(first) ? first : last}; put words on both sides, e.g. Iraq AND Somalia.`);
  }
  return explicitAnd(out).join(' ');
}

/** A word or quoted phrase (what NEAR takes), not a group, an operator or a column filter. */
function isPhrase(t: string): boolean {
  return !OPERATORS.has(t.toUpperCase()) && !/^[(),]$/.test(t) && !t.startsWith('(') && !t.endsWith(')') && !/^[A-Za-z]+:/.test(t) && !t.startsWith('-');
}

/**
 * FTS5 reads two operands side by side as AND only when both are phrases: next to a parenthesised
 * group (`Somali (security OR defence)`, or a prefix spelt out as one) it is a syntax error. Writes
 * the AND there, outside NEAR groups, where no operator may stand.
 */
function explicitAnd(tokens: string[]): string[] {
  const out: string[] = [];
  /** For each open parenthesis, whether it opened a NEAR group. */
  const open: boolean[] = [];
  const endsOperand = (t: string) => !OPERATORS.has(t) && t !== '(' && t !== ',' && t !== 'NEAR';
  const startsOperand = (t: string) => !OPERATORS.has(t) && t !== ')' && t !== ',';
  for (const t of tokens) {
    const prev = out.at(-1);
    if (prev !== undefined && !open.includes(true) && endsOperand(prev) && startsOperand(t) && (prev.endsWith(')') || /^([a-z]+:)?\(/.test(t))) out.push('AND');
    if (t === '(') open.push(prev === 'NEAR');
    else if (t === ')') open.pop();
    out.push(t);
  }
  return out;
}

/** FTS5's own error, in words an analyst can act on. */
export function describeFtsError(input: string, err: Error): AppError {
  const detail = err.message.replace(/^fts5: /, '');
  const shown = input.length > 60 ? `${input.slice(0, 60)}…` : input;
  return new AppError('bad-query', `The search "${shown}" could not be understood (${detail}). Use words, "exact phrases", prefix*, AND / OR / NOT, or NEAR(word1 word2, 10).`);
}
