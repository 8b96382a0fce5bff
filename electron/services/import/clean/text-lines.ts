/** Line and whitespace helpers working on offsets, so callers never copy the text. */

export interface Span {
  start: number;
  end: number;
}

/** Same set as JS `\s` / String#trim (incl. NBSP, which scraped text is full of). */
export function isSpaceCode(c: number): boolean {
  return (
    c === 0x20 ||
    (c >= 0x09 && c <= 0x0d) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** True when `text[start, end)` holds only whitespace (or nothing). */
export function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    if (!isSpaceCode(text.charCodeAt(i))) return false;
  }
  return true;
}

/** Narrow `[start, end)` to its non-whitespace content; returns null when it is blank. */
export function trimSpan(text: string, start: number, end: number): Span | null {
  let s = start;
  let e = end;
  while (s < e && isSpaceCode(text.charCodeAt(s))) s++;
  while (e > s && isSpaceCode(text.charCodeAt(e - 1))) e--;
  return s < e ? { start: s, end: e } : null;
}

/** Every non-blank line of `text`, trimmed, in order. Blank lines are skipped. */
export function nonBlankLines(text: string): Span[] {
  const out: Span[] = [];
  let lineStart = 0;
  const n = text.length;
  while (lineStart <= n) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = n;
    const span = trimSpan(text, lineStart, lineEnd);
    if (span) out.push(span);
    lineStart = lineEnd + 1;
  }
  return out;
}
