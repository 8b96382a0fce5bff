import { describe, expect, test } from 'vitest';
import type { ParsedArticle } from '../../../shared/model/document';
import { fixture, refusalOf, seed } from '../__fixtures__/read';
import { decodeText, normaliseText } from '../encoding';
import { parse } from './parse';

async function parseSeed(prefix: string): Promise<ParsedArticle> {
  const { bytes, fileName } = seed(prefix);
  const articles = await parse(bytes, { fileName });
  expect(articles).toHaveLength(1);
  return articles[0];
}

describe('seed articles', () => {
  test('000: dateline gives outlet Mogadishu24 and place Baghdad; the title is the lead sentence without it', async () => {
    const a = await parseSeed('000');
    expect(a.outlet).toMatchObject({ value: 'Mogadishu24', source: 'txt-dateline' });
    expect(a.place).toMatchObject({ value: 'Baghdad', source: 'txt-dateline' });
    expect(a.title?.source).toBe('txt-first-line');
    expect(a.title?.value.startsWith('Somalia’s National Security Adviser, Hussein Moallim, met with Iraq’s')).toBe(true);
    expect(a.warnings.some((w) => w.includes('No headline line'))).toBe(true);
    expect(a.language?.value).toBe('en');
    expect(a.publishedAt).toBeUndefined();
  });

  test('001: the share-button line is skipped for the title; the site beside it is a weak outlet', async () => {
    const a = await parseSeed('001');
    expect(a.title?.value.startsWith('Iraq and Somalia have taken a significant step')).toBe(true);
    expect(a.title?.value).not.toMatch(/Facebook|Instagram/);
    expect(a.outlet).toMatchObject({ value: 'Somali Magazine', detail: 'site name beside the share buttons' });
  });

  test('002: the glued crumb line is skipped', async () => {
    const a = await parseSeed('002');
    expect(a.title).toEqual({ value: 'Iran, Iraq discuss beefing up anti-terror cooperation', source: 'txt-first-line', detail: 'line 3' });
    expect(a.warnings).toEqual([]);
  });

  test('003: the date before the title, and the Source: line', async () => {
    const a = await parseSeed('003');
    expect(a.title?.value).toBe("Iraq's national security advisor receives an invitation to visit Brussels for NATO talks");
    expect(a.publishedAt).toMatchObject({ value: '2023-04-04', source: 'txt-date-line' });
    expect(a.outlet).toMatchObject({ value: 'Shafaq News', source: 'txt-source-line' });
  });

  test('004: a plain headline on line 1; "0" and an image name below it are ignored', async () => {
    const a = await parseSeed('004');
    expect(a.title?.value).toBe('Iraqi PM discusses border security, drug control with US Homeland Security Secretary');
    expect(a.outlet).toBeUndefined();
  });

  test.each(['000', '001', '002', '003', '004'])('%s: the text is the whole file, only normalised', async (prefix) => {
    const { bytes } = seed(prefix);
    const a = await parseSeed(prefix);
    expect(a.text).toBe(normaliseText(decodeText(bytes).text));
    expect(a.encoding).toBe('utf-8');
  });
});

describe('encodings and formats', () => {
  test('windows-1252 with CRLF: decoded, LF only, title and dateline read', async () => {
    const [a] = await parse(fixture('cp1252.txt'), { fileName: 'cp1252.txt' });
    expect(a.encoding).toBe('windows-1252');
    expect(a.text).not.toContain('\r');
    expect(a.text).toContain('“we will deepen cooperation”');
    expect(a.title?.value).toBe('Minister’s visit to Brussels');
    expect(a.place?.value).toBe('Brussels');
    expect(a.outlet?.value).toBe('Liaison Wire');
  });

  test('windows-1256 Arabic: Arabic title and language', async () => {
    const [a] = await parse(fixture('cp1256-arabic.txt'), { fileName: 'cp1256-arabic.txt' });
    expect(a.encoding).toBe('windows-1256');
    expect(a.title?.value).toBe('الأعرجي يستقبل وفداً صومالياً في بغداد');
    expect(a.language).toMatchObject({ value: 'ar', source: 'detected' });
  });

  test('a forced encoding from the hints is honoured', async () => {
    const [a] = await parse(fixture('cp1256-arabic.txt'), { fileName: 'x.txt', encoding: 'windows-1256' });
    expect(a.encoding).toBe('windows-1256');
  });

  test('markdown front matter gives title and date; the text keeps the front matter', async () => {
    const [a] = await parse(fixture('article.md'), { fileName: 'article.md' });
    expect(a.title?.value).toBe('Somalia and Iraq agree on intelligence sharing');
    expect(a.publishedAt?.value).toBe('2024-02-19');
    expect(a.text.startsWith('---\ntitle:')).toBe(true);
  });

  test('empty and binary files are refused', async () => {
    expect((await refusalOf(() => parse(fixture('empty.txt'), { fileName: 'empty.txt' }))).code).toBe('empty');
    expect((await refusalOf(() => parse(fixture('binary-junk.txt'), { fileName: 'binary-junk.txt' }))).code).toBe('binary');
  });
});
