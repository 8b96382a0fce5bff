import { describe, expect, test } from 'vitest';
import { fixture, refusalOf } from '../__fixtures__/read';
import { parse } from './parse';

const hints = { fileName: 'article.pdf' };

describe('a PDF with a text layer', () => {
  test('lines are joined into paragraphs, pages apart, WinAnsi quotes decoded', async () => {
    const [a] = await parse(fixture('article.pdf'), hints);
    expect(a.text).toBe(
      'Iraq and NATO discuss training mission\n\n' +
        'Baghdad (Liaison Wire) - Iraq’s national security adviser met the head of the NATO mission on Tuesday to discuss training for Iraqi forces.\n\n' +
        'Both sides agreed to expand advisory work in the coming year.\n\n' +
        'The mission does not take part in combat operations, officials said.',
    );
  });

  test('title, date and author from the info dictionary; outlet and place from the dateline', async () => {
    const [a] = await parse(fixture('article.pdf'), hints);
    expect(a.title).toEqual({ value: 'Iraq and NATO discuss training mission', source: 'pdf-info', detail: 'Title' });
    expect(a.publishedAt).toEqual({ value: '2023-04-04', source: 'pdf-info', detail: 'CreationDate' });
    expect(a.byline).toMatchObject({ value: 'Liaison Test Desk', source: 'pdf-info' });
    expect(a.outlet).toMatchObject({ value: 'Liaison Wire', source: 'txt-dateline' });
    expect(a.place?.value).toBe('Baghdad');
    expect(a.language?.value).toBe('en');
    expect(a.encoding).toBe('pdf');
  });

  test('the caller’s bytes are not detached by pdfjs', async () => {
    const bytes = fixture('article.pdf');
    const length = bytes.length;
    await parse(bytes, hints);
    expect(bytes.length).toBe(length);
    await parse(bytes, hints);
  });
});

describe('refusals', () => {
  test('password-protected', async () => {
    const refusal = await refusalOf(() => parse(fixture('encrypted.pdf'), hints));
    expect(refusal.code).toBe('encrypted-pdf');
    expect(refusal.message).toMatch(/password-protected/);
  });

  test('truncated', async () => {
    const refusal = await refusalOf(() => parse(fixture('broken.pdf'), hints));
    expect(refusal.code).toBe('broken-pdf');
  });

  test('not a PDF at all', async () => {
    const refusal = await refusalOf(() => parse(new TextEncoder().encode('<html>saved page</html>'), hints));
    expect(refusal.code).toBe('broken-pdf');
  });

  test('a scan without a text layer', async () => {
    const refusal = await refusalOf(() => parse(fixture('scanned.pdf'), hints));
    expect(refusal.code).toBe('no-text');
    expect(refusal.message).toBe('The PDF has 1 page but almost no text: it is probably a scanned image without a text layer; OCR it first.');
  });
});
