import { describe, expect, it } from 'vitest';
import type { TextRange } from '../../../../shared/model/document';
import { cleanText } from './clean-text';
import { buildSearchable, cleanHash, displaySegments, searchableText, toOriginalOffset } from './derived';
import { allSeedArticles, seedArticle } from './test-seed-articles';

function count(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

describe('searchableText', () => {
  it('003: drops chrome and the repeated passage, spaces the glued sentences', () => {
    const text = seedArticle('003');
    const s = searchableText(text, cleanText(text));
    expect(s).not.toContain('Sponsored Links');
    expect(s).not.toContain('ThisDay');
    expect(count(text, 'A statement released')).toBe(2);
    expect(count(s, 'A statement released')).toBe(1);
    expect(count(s, 'Echoing the importance')).toBe(1);
    expect(s).toContain('advisory services. During the call');
    expect(s).toContain('combat operations. The mission');
    expect(s).not.toMatch(/\p{Ll}\.\p{Lu}/u);
  });

  it('002: crumbs, duplicate heading and the glued heading copy are gone, words stay apart', () => {
    const text = seedArticle('002');
    const s = searchableText(text, cleanText(text));
    expect(s).not.toContain('IranIraqMiddle');
    expect(s).not.toContain('Back to top');
    expect(count(s, 'Shamkhani: Countdown started')).toBe(1);
    expect(s).not.toContain('chiefDefense');
    expect(s).toMatch(/Defense chief\s+Defense Minister Hatami/u);
  });

  it('replaces a hidden range by one separator so the words either side never join', () => {
    const text = 'alpha(A | B)beta\ngamma\nBack to top\ndelta';
    const ranges: TextRange[] = [
      { kind: 'boilerplate', start: 5, end: 12, label: 'credit' },
      { kind: 'boilerplate', start: 17, end: 34, label: 'x' },
    ];
    expect(text.slice(17, 34)).toBe('gamma\nBack to top');
    expect(searchableText(text, ranges)).toBe('alpha beta\n\n\ndelta');
  });

  it('leaves text without ranges unchanged', () => {
    const text = seedArticle('001').replace(/^.*\n/, '');
    expect(searchableText(text, [])).toBe(text);
  });

  it('maps every searchable word back to the same word in the original text', () => {
    for (const { name, text } of allSeedArticles()) {
      const searchable = buildSearchable(text, cleanText(text));
      for (const m of searchable.text.matchAll(/[\p{L}\p{N}]+/gu)) {
        const from = toOriginalOffset(searchable, m.index);
        expect(text.slice(from, from + m[0].length), `${name}@${m.index}`).toBe(m[0]);
      }
    }
  });
});

describe('displaySegments', () => {
  it('covers every seed article exactly once, in order, with no empty segment', () => {
    for (const { name, text } of allSeedArticles()) {
      const segs = displaySegments(text, cleanText(text));
      expect(segs[0].start, name).toBe(0);
      expect(segs.at(-1)?.end, name).toBe(text.length);
      for (let i = 0; i < segs.length; i++) {
        expect(segs[i].end).toBeGreaterThan(segs[i].start);
        if (i > 0) expect(segs[i].start).toBe(segs[i - 1].end);
      }
      expect(segs.map((s) => text.slice(s.start, s.end)).join('')).toBe(text);
    }
  });

  it('003: dims the chrome and the repeat, and shows a space at each glue point', () => {
    const text = seedArticle('003');
    const segs = displaySegments(text, cleanText(text));
    const dimmed = segs.filter((s) => s.kind !== 'text').map((s) => [s.kind, s.label, text.slice(s.start, s.end).slice(0, 20)]);
    expect(dimmed[0]).toEqual(['boilerplate', 'credit', '(ThisDay | Iraq News']);
    expect(dimmed.at(-1)).toEqual(['boilerplate', 'sponsored', 'Sponsored Links']);
    expect(dimmed.filter((d) => d[0] === 'repeat').map((d) => d[2])[0]).toBe('A statement released');
    const glued = segs.filter((s) => s.glueAfter).map((s) => text.slice(s.end - 9, s.end + 6));
    expect(glued).toContain('services.During');
    expect(glued).toContain('erations.The mi');
  });

  it('resolves overlaps: boilerplate wins over repeat; segments split where the winner changes', () => {
    const text = '01 345 78 01 3456789';
    const segs = displaySegments(text, [
      { kind: 'repeat', start: 3, end: 12, label: 'repeat-of:0' },
      { kind: 'boilerplate', start: 7, end: 9, label: 'crumbs' },
      { kind: 'glue', start: 15, end: 15, label: 'sentence' },
    ]);
    expect(segs).toEqual([
      { start: 0, end: 3, kind: 'text' },
      { start: 3, end: 7, kind: 'repeat', label: 'repeat-of:0' },
      { start: 7, end: 9, kind: 'boilerplate', label: 'crumbs' },
      { start: 9, end: 12, kind: 'repeat', label: 'repeat-of:0' },
      { start: 12, end: 15, kind: 'text', glueAfter: true },
      { start: 15, end: 20, kind: 'text' },
    ]);
  });

  it('shows a space where a dimmed range meets text inside a run of letters', () => {
    const text = 'Defense chiefDefense Minister';
    const segs = displaySegments(text, [{ kind: 'repeat', start: 0, end: 13, label: 'repeat-of:99' }]);
    expect(segs).toEqual([
      { start: 0, end: 13, kind: 'repeat', label: 'repeat-of:99', glueAfter: true },
      { start: 13, end: 29, kind: 'text' },
    ]);
  });

  it('is empty for empty text', () => {
    expect(displaySegments('', [])).toEqual([]);
  });
});

describe('cleanHash', () => {
  const body = 'The two ministers met in Baghdad on Monday.\n\nThey agreed to expand training.';

  it('is equal when only chrome, spacing or case differ', () => {
    const a = `Facebook Twitter WhatsApp Telegram\n${body}\nBack to top button`;
    const b = `${body.replace('met in', 'met  in').toUpperCase()}\n\nLeave a Reply`;
    const h = cleanHash(a, cleanText(a));
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(cleanHash(b, cleanText(b))).toBe(h);
    expect(cleanHash(body, [])).toBe(h);
  });

  it('differs when one word of the article differs', () => {
    expect(cleanHash(body, [])).not.toBe(cleanHash(body.replace('Monday', 'Tuesday'), []));
  });
});
