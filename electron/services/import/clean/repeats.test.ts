import { describe, expect, it } from 'vitest';
import type { TextRange } from '../../../../shared/model/document';
import { findBoilerplate } from './boilerplate';
import { findRepeats } from './repeats';
import { seedArticle } from './test-seed-articles';

function nth(text: string, needle: string, n: number): number {
  let at = -1;
  for (let i = 0; i <= n; i++) {
    at = text.indexOf(needle, at + 1);
    if (at === -1) throw new Error(`"${needle}" occurs fewer than ${n + 1} times`);
  }
  return at;
}

describe('findRepeats on the seed articles', () => {
  it('003: marks the second copy of the glued paragraphs as one repeat of the first', () => {
    const text = seedArticle('003');
    const first = nth(text, 'A statement released', 0);
    const second = nth(text, 'A statement released', 1);
    const end = text.lastIndexOf('professional security forces.') + 'professional security forces.'.length;

    const repeats = findRepeats(text);
    expect(repeats).toEqual([{ kind: 'repeat', start: second, end, label: `repeat-of:${first}` }]);
    // The copy really is a copy: it starts with the same 400 characters as the original...
    expect(text.slice(second, second + 400)).toBe(text.slice(first, first + 400));
    // ...and it contains the second paragraph's sentences too, glued after "partners.".
    const copy = text.slice(repeats[0].start, repeats[0].end);
    expect(copy).toContain('partners.Al-Araji highlighted');
    expect(copy.endsWith('robust, effective, and professional security forces.')).toBe(true);
  });

  it('002: the heading printed twice, and the heading glued to its paragraph', () => {
    const text = seedArticle('002');
    const heading = 'Shamkhani: Countdown started for expulsion of US forces from region';
    const chief = 'Iran’s support saved Iraq from disintegration: Defense chief';
    const repeats = findRepeats(text);
    expect(repeats.map((r) => [r.label, text.slice(r.start, r.end)])).toEqual([
      [`repeat-of:${nth(text, chief, 0)}`, chief],
      [`repeat-of:${nth(text, heading, 0)}`, heading],
    ]);
    expect(repeats[0].start).toBe(nth(text, chief, 1));
    expect(text.slice(repeats[0].end, repeats[0].end + 16)).toBe('Defense Minister');
    expect(repeats[1].start).toBe(nth(text, heading, 1));
  });

  it('finds nothing in the articles that repeat nothing', () => {
    for (const n of ['000', '001', '004']) expect(findRepeats(seedArticle(n)), n).toEqual([]);
  });
});

describe('findRepeats rules', () => {
  const s1 = 'The delegation is scheduled to visit key national installations.';
  const s2 = 'Both advisers emphasized the significance of close collaboration.';
  const s3 = 'The two sides explored ways to strengthen ties in the region.';

  it('ignores short sentences that recur naturally', () => {
    const text = `He said. ${s1} He said. ${s2} No comment. Thank you. No comment. Thank you.`;
    expect(findRepeats(text)).toEqual([]);
  });

  it('marks a repeated sentence inside otherwise different paragraphs, ignoring case and spacing', () => {
    const text = `${s1} ${s2}\n\n${s3} ${s1.toUpperCase().replace(/ /g, '  ')}`;
    const repeats = findRepeats(text);
    expect(repeats).toHaveLength(1);
    expect(repeats[0].label).toBe('repeat-of:0');
    expect(text.slice(repeats[0].start, repeats[0].end)).toBe(s1.toUpperCase().replace(/ /g, '  '));
  });

  it('points every later copy at the first one', () => {
    const text = `${s1}\n${s2}\n${s1}\n${s3}\n${s1}`;
    const repeats = findRepeats(text);
    expect(repeats.map((r) => r.label)).toEqual(['repeat-of:0', 'repeat-of:0']);
    expect(repeats.map((r) => text.slice(r.start, r.end))).toEqual([s1, s1]);
  });

  it('extends a repeat over short sentences that continue the original, and stops where it diverges', () => {
    const text = `${s1} Yes. ${s2} ${s3}\n\n${s1} Yes. ${s2} Something else entirely happens here now.`;
    const repeats = findRepeats(text);
    expect(repeats).toHaveLength(1);
    expect(text.slice(repeats[0].start, repeats[0].end)).toBe(`${s1} Yes. ${s2}`);
  });

  it('splits glued sentences so a repeated sentence is found inside a glued run', () => {
    const text = `${s2}\n\nOfficials met on Monday in Baghdad for talks.${s2}`;
    const repeats = findRepeats(text);
    expect(repeats.map((r) => text.slice(r.start, r.end))).toEqual([s2]);
    expect(repeats[0].start).toBe(text.lastIndexOf(s2));
  });

  it('does not take a paragraph that merely begins with a heading for a repeat', () => {
    const text = 'Iraq and Somalia sign security memorandum in Baghdad\n\nIraq and Somalia sign security memorandum in Baghdad on Tuesday, officials said.';
    expect(findRepeats(text)).toEqual([]);
  });

  it('skips excluded ranges (boilerplate) and never runs a repeat across them', () => {
    const footer = 'Your email address will not be published. Required fields are marked *';
    const text = `${s1}\n${footer}\n${s2}\n${footer}\n${s1}`;
    const exclude: TextRange[] = findBoilerplate(text);
    expect(exclude.length).toBeGreaterThan(0);
    const repeats = findRepeats(text, exclude);
    expect(repeats.map((r) => text.slice(r.start, r.end))).toEqual([s1]);
    // Without the exclusion the footer copy is (correctly, as text) a repeat.
    expect(findRepeats(text).map((r) => text.slice(r.start, r.end))).toContain(footer);
  });
});
