import { readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { FIXTURES_DIR, fixture, refusalOf, seed, seedNames } from './__fixtures__/read';
import { formatOf, normaliseText, parseFile, SUPPORTED_EXTENSIONS } from './index';

describe('formatOf', () => {
  test.each([
    ['a.txt', 'txt'],
    ['NOTES.MD', 'md'],
    ['page.HTM', 'html'],
    ['page.html', 'html'],
    ['scan.Pdf', 'pdf'],
    ['report.docx', 'docx'],
    ['mail.eml', 'eml'],
    ['dump.json', 'json'],
    ['dump.JSONL', 'jsonl'],
    ['dir.v2/article.txt', 'txt'],
  ])('%s → %s', (name, format) => {
    expect(formatOf(name)).toBe(format);
  });

  test.each([['report.doc'], ['archive.zip'], ['README'], ['.txt'], ['photo.jpg']])('%s → null', (name) => {
    expect(formatOf(name)).toBeNull();
  });

  test('SUPPORTED_EXTENSIONS lists exactly what formatOf accepts', () => {
    expect(SUPPORTED_EXTENSIONS).toEqual(expect.arrayContaining(['.txt', '.md', '.html', '.htm', '.pdf', '.docx', '.eml', '.json', '.jsonl']));
    for (const ext of SUPPORTED_EXTENSIONS) expect(formatOf(`x${ext}`)).not.toBeNull();
  });
});

/** Every committed fixture and what parseFile must make of it: an article count or a refusal code. */
const EXPECTED: Record<string, number | string> = {
  'article-cp1256.html': 1,
  'article.docx': 1,
  'article.eml': 1,
  'article.html': 1,
  'article.md': 1,
  'article.pdf': 1,
  'articles.json': 2,
  'articles.jsonl': 2,
  'binary-junk.txt': 'binary',
  'broken.docx': 'broken-docx',
  'broken.pdf': 'broken-pdf',
  'control-junk.txt': 'undecodable',
  'cp1252.txt': 1,
  'cp1256-arabic.txt': 1,
  'empty.txt': 'empty',
  'encrypted.pdf': 'encrypted-pdf',
  'html-only.eml': 1,
  'malformed.json': 'bad-json',
  'malformed.jsonl': 'bad-json',
  'no-text.json': 'no-text',
  'scanned.pdf': 'no-text',
  'utf16be-bom.txt': 1,
  'utf16le-bom.txt': 1,
  'utf16le-nobom.txt': 1,
  'utf32le-bom.txt': 1,
  'utf8-bom.txt': 1,
};

const isNormalised = (text: string): boolean => text === normaliseText(text) && !text.includes('\r') && !text.includes('\uFEFF');

describe('parseFile', () => {
  test('every fixture file is covered by this table', () => {
    const files = readdirSync(FIXTURES_DIR).filter((f) => !f.endsWith('.ts'));
    expect(files.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  test.each(Object.entries(EXPECTED))('%s → %s', async (name, expected) => {
    const bytes = fixture(name);
    if (typeof expected === 'string') {
      expect((await refusalOf(() => parseFile(bytes, { fileName: name }))).code).toBe(expected);
      return;
    }
    const articles = await parseFile(bytes, { fileName: name });
    expect(articles).toHaveLength(expected);
    for (const a of articles) {
      expect(isNormalised(a.text)).toBe(true);
      expect(a.text.trim()).not.toBe('');
      expect(a.text).not.toContain('\uFFFD');
      expect(a.encoding).not.toBe('');
      expect(a.title?.value).toBeTruthy();
    }
  });

  test.each(seedNames())('seed %s parses to one normalised article with a title', async (fileName) => {
    const { bytes } = seed(fileName.slice(0, 3));
    const [a] = await parseFile(bytes, { fileName });
    expect(isNormalised(a.text)).toBe(true);
    expect(a.title?.value.length).toBeGreaterThan(20);
  });

  test('the same bytes read as .txt or .md differ only where markdown matters', async () => {
    const bytes = new TextEncoder().encode('# Iraq and Iran hold talks\n\nBody text of the article.');
    const [txt] = await parseFile(bytes, { fileName: 'a.txt' });
    const [md] = await parseFile(bytes, { fileName: 'a.md' });
    expect(txt.text).toBe(md.text);
    expect(md.title?.value).toBe('Iraq and Iran hold talks');
  });

  test('unsupported files are refused with what to do', async () => {
    const doc = await refusalOf(() => parseFile(new Uint8Array([1, 2, 3]), { fileName: 'memo.DOC' }));
    expect(doc).toMatchObject({ code: 'unsupported' });
    expect(doc.message).toMatch(/save the file as \.docx/);
    const zip = await refusalOf(() => parseFile(new Uint8Array([1]), { fileName: 'bundle.zip' }));
    expect(zip.code).toBe('unsupported');
    expect(zip.message).toContain('".zip" files are not supported');
    expect((await refusalOf(() => parseFile(new Uint8Array([1]), { fileName: 'README' }))).message).toMatch(/without an extension/);
  });
});
