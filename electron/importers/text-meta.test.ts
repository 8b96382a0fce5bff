import { describe, expect, test } from 'vitest';
import { clipTitle, extractTextMeta, firstSentence, furnitureReason, leadingDate, MAX_TITLE_CHARS, parseDateline } from './text-meta';

describe('furnitureReason', () => {
  test.each([
    ["Facebook Twitter (X) Instagram Somali Magazine - People's Magazine", 'share-buttons'],
    ['IranIraqMiddle East', 'crumbs'],
    ['Home > World > Middle East', 'crumbs'],
    ['Advertisement', 'furniture'],
    ['0', 'furniture'],
    ['img_5152.jpg', 'furniture'],
  ])('%s is %s', (line, reason) => {
    expect(furnitureReason(line)).toBe(reason);
  });

  test.each([
    ['Iran, Iraq discuss beefing up anti-terror cooperation'],
    ['McCain Meets Iraqi Leaders In Baghdad'],
    ['Iraq And NATO Hold Talks In Brussels'],
    ['2023/04/04 | 19:04 - Source: Shafaq News'],
  ])('%s is not furniture', (line) => {
    expect(furnitureReason(line)).toBeNull();
  });
});

describe('parseDateline', () => {
  test.each([
    ['Baghdad(Mogadishu24)-Somalia’s adviser met', 'Baghdad', 'Mogadishu24', 'Somalia’s adviser met'],
    ['BAGHDAD, April 4 (Reuters) - Iraq said', 'Baghdad', 'Reuters', 'Iraq said'],
    ['Baghdad - Shafaq News/ Iraq said', 'Baghdad', 'Shafaq News', 'Iraq said'],
    ['Shafaq News/ Iraq said', undefined, 'Shafaq News', 'Iraq said'],
  ])('%s', (line, place, outlet, rest) => {
    expect(parseDateline(line)).toEqual({ place, outlet, rest });
  });

  test.each([['Iraq/Iran relations improve'], ['The minister (left) met officials'], ['Talks held in 2023 (2) - second round']])(
    '%s has no dateline',
    (line) => {
      expect(parseDateline(line)).toBeNull();
    },
  );
});

test('leadingDate', () => {
  expect(leadingDate(' date 2023-04-04 Iraq talks'.trim())).toEqual({ iso: '2023-04-04', rest: 'Iraq talks' });
  expect(leadingDate('Published: Monday, April 3, 2023 | 10:00')).toEqual({ iso: '2023-04-03', rest: '10:00' });
  expect(leadingDate('Iraq talks on 2023-04-04')).toBeNull();
});

test('firstSentence skips abbreviations and initials', () => {
  expect(firstSentence('Mr. Smith met the U.S. envoy in Baghdad. They talked.')).toBe('Mr. Smith met the U.S. envoy in Baghdad.');
  expect(firstSentence('No full stop here')).toBe('No full stop here');
});

test('clipTitle cuts at a word and marks the cut', () => {
  const long = 'word '.repeat(60);
  const clipped = clipTitle(long);
  expect(clipped.length).toBeLessThanOrEqual(MAX_TITLE_CHARS);
  expect(clipped.endsWith('word…')).toBe(true);
});

describe('extractTextMeta', () => {
  test('a dateline line under a headline gives outlet and place, the headline stays the title', () => {
    const meta = extractTextMeta('Iraq and Turkey discuss water\n\nANKARA (Anadolu) - Officials met.\n', { titleSource: 'txt-first-line' });
    expect(meta.title?.value).toBe('Iraq and Turkey discuss water');
    expect(meta.outlet).toMatchObject({ value: 'Anadolu', source: 'txt-dateline' });
    expect(meta.place?.value).toBe('Ankara');
    expect(meta.warnings).toEqual([]);
  });

  test('a date alone on a line is the publication date, not the title', () => {
    const meta = extractTextMeta('Monday, 3 April 2023\nIraq and Turkey discuss water\nText.', { titleSource: 'txt-first-line' });
    expect(meta.publishedAt).toMatchObject({ value: '2023-04-03', source: 'txt-date-line' });
    expect(meta.title?.value).toBe('Iraq and Turkey discuss water');
  });

  test('a date deep in the body is not the publication date', () => {
    const body = Array.from({ length: 20 }, (_, i) => `Paragraph ${i + 1} of the report on the talks.`).join('\n');
    const meta = extractTextMeta(`Headline of the article\n${body}\n4 April 2023`, { titleSource: 'txt-first-line' });
    expect(meta.publishedAt).toBeUndefined();
  });

  test('markdown headings lose their marks', () => {
    const meta = extractTextMeta('## Iraq and Turkey discuss water\n\nText.', { titleSource: 'txt-first-line', markdown: true });
    expect(meta.title?.value).toBe('Iraq and Turkey discuss water');
  });
});
