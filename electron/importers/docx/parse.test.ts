import { describe, expect, test } from 'vitest';
import { fixture, refusalOf } from '../__fixtures__/read';
import { parse } from './parse';

const hints = { fileName: 'article.docx' };

describe('docx', () => {
  test('paragraphs, and metadata from the top lines', async () => {
    const [a] = await parse(fixture('article.docx'), hints);
    expect(a.text.startsWith('Kenya and Somalia hold talks on border security\n\n4 April 2023\n\nNairobi (Liaison Wire) - ')).toBe(true);
    expect(a.title).toEqual({ value: 'Kenya and Somalia hold talks on border security', source: 'docx-first-line', detail: 'line 1' });
    expect(a.publishedAt).toMatchObject({ value: '2023-04-04', source: 'txt-date-line' });
    expect(a.outlet?.value).toBe('Liaison Wire');
    expect(a.place?.value).toBe('Nairobi');
  });

  test('a truncated archive is broken-docx', async () => {
    const refusal = await refusalOf(() => parse(fixture('broken.docx'), hints));
    expect(refusal.code).toBe('broken-docx');
    expect(refusal.message).toMatch(/could not be read/);
  });

  test('an old .doc renamed to .docx is named as such', async () => {
    const doc = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const refusal = await refusalOf(() => parse(doc, hints));
    expect(refusal.code).toBe('broken-docx');
    expect(refusal.message).toMatch(/old Word \.doc/);
  });

  test('plain text with a .docx name', async () => {
    const refusal = await refusalOf(() => parse(new TextEncoder().encode('just text'), hints));
    expect(refusal.code).toBe('broken-docx');
    expect(refusal.message).toMatch(/not a zip/);
  });
});
