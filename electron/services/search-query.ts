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

export function toFtsQuery(input: string, opts: FtsQueryOptions = {}): string {
  const q = input.trim();
  if (!q) throw new AppError('bad-query', 'Type something to search for.');
  if ((q.match(/"/g)?.length ?? 0) % 2 === 1) throw new AppError('bad-query', 'The search has an unclosed quote ("). Close the phrase, e.g. "security memorandum".');
  let depth = 0;
  /** Depth of the "(" that opened a NEAR group, while inside one (it takes no OR groups). */
  let nearAt = -1;
  const out: string[] = [];
  // Tokens: quoted phrases, parentheses, commas (inside NEAR), and runs of anything else.
  const tokens = q.match(/"[^"]*"\*?|[(),]|[^\s"(),]+/g) ?? [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t === '(') {
      depth++;
      if (out.at(-1) === 'NEAR' && nearAt < 0) nearAt = depth;
      out.push(t);
    } else if (t === ')') {
      if (depth === nearAt) nearAt = -1;
      depth--;
      if (depth < 0) throw new AppError('bad-query', 'The search has a ")" without its "(".');
      out.push(t);
    } else if (t === ',') {
      out.push(t);
    } else if (t.startsWith('"')) {
      out.push(t);
    } else if (OPERATORS.has(t)) {
      out.push(t);
    } else if (t === 'NEAR' && tokens[i + 1] === '(') {
      out.push(t);
    } else if (/^\d+$/.test(t) && out.at(-1) === ',') {
      out.push(t);
    } else {
      const prefix = t.endsWith('*');
      const word = prefix ? t.slice(0, -1) : t;
      if (!word) throw new AppError('bad-query', 'A lone * is not a search; put it after the start of a word, e.g. secur*.');
      const quoted = BAREWORD.test(word) && !OPERATORS.has(word.toUpperCase()) ? word : `"${word.replace(/"/g, '')}"`;
      const terms = prefix && nearAt < 0 && /^[\p{L}\p{N}]+$/u.test(word) ? opts.expandPrefix?.(word) : null;
      if (terms && terms.length > 0) out.push(`(${terms.map((term) => `"${term.replace(/"/g, '""')}"`).join(' OR ')})`);
      else out.push(prefix ? `${quoted}*` : quoted);
    }
  }
  if (depth !== 0) throw new AppError('bad-query', 'The search has a "(" without its ")".');
  const first = out[0];
  const last = out.at(-1)!;
  if (OPERATORS.has(first) || OPERATORS.has(last)) {
    throw new AppError('bad-query', `The search cannot start or end with ${OPERATORS.has(first) ? first : last}; put words on both sides, e.g. Iraq AND Somalia.`);
  }
  return explicitAnd(out).join(' ');
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
    if (prev !== undefined && !open.includes(true) && endsOperand(prev) && startsOperand(t) && (prev.endsWith(')') || t.startsWith('('))) out.push('AND');
    if (t === '(') open.push(prev === 'NEAR');
    else if (t === ')') open.pop();
    out.push(t);
  }
  return out;
}

/** FTS5's own error, in words an analyst can act on. */
export function describeFtsError(input: string, err: Error): AppError {
  const detail = err.message.replace(/^fts5: /, '');
  return new AppError('bad-query', `The search "${input}" could not be understood (${detail}). Use words, "exact phrases", prefix*, AND / OR / NOT, or NEAR(word1 word2, 10).`);
}
