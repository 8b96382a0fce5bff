import { describe, expect, it } from 'vitest';
import type { TextRange } from '../../../../shared/model/document';
import { cleanText } from './clean-text';
import { allSeedArticles, seedArticle } from './test-seed-articles';

describe('cleanText', () => {
  it('returns sorted ranges that all point inside the text', () => {
    for (const { name, text } of allSeedArticles()) {
      const ranges = cleanText(text);
      expect(ranges.length, name).toBeGreaterThan(0);
      for (let i = 0; i < ranges.length; i++) {
        const r = ranges[i];
        expect(r.start).toBeGreaterThanOrEqual(0);
        expect(r.end).toBeLessThanOrEqual(text.length);
        expect(r.end >= r.start && (r.kind === 'glue') === (r.start === r.end)).toBe(true);
        if (i > 0) expect(r.start).toBeGreaterThanOrEqual(ranges[i - 1].start);
      }
    }
  });

  it('keeps batch repeats passed in, and does not mark their copies again as repeats', () => {
    const line = 'Baghdad Herald: independent news from Iraq since 2003 and onwards';
    const text = `${line}\nThe minister met his counterpart.\n${line}\n`;
    const extra: TextRange[] = [
      { kind: 'boilerplate', start: 0, end: line.length, label: 'batch-repeat' },
      { kind: 'boilerplate', start: text.lastIndexOf(line), end: text.lastIndexOf(line) + line.length, label: 'batch-repeat' },
    ];
    expect(cleanText(text).map((r) => r.kind)).toEqual(['repeat']);
    expect(cleanText(text, extra)).toEqual(extra);
  });

  it('002 in full: crumbs, the glued heading copy, the second heading, back-to-top', () => {
    const text = seedArticle('002');
    expect(cleanText(text).map((r) => `${r.kind}:${text.slice(r.start, r.end).slice(0, 24)}`)).toEqual([
      'boilerplate:IranIraqMiddle East',
      'repeat:Iran’s support saved Ira',
      'repeat:Shamkhani: Countdown sta',
      'boilerplate:Back to top button',
    ]);
  });
});
