import iconv from 'iconv-lite';
import { describe, expect, test } from 'vitest';
import { fixture, refusalOf } from './__fixtures__/read';
import { decodeAs, decodeText, normaliseText } from './encoding';

const UTF16_TEXT =
  'Iraq and Jordan sign border security memorandum\n\n' +
  'Amman - Interior ministers of Iraq and Jordan signed a memorandum on border security on 12 March 2024.\n' +
  'قال الوزير إن التعاون مستمر.\n';

describe('decodeText: byte-order marks', () => {
  test.each([
    ['utf16le-bom.txt', 'utf-16le'],
    ['utf16be-bom.txt', 'utf-16be'],
    ['utf32le-bom.txt', 'utf-32le'],
  ])('%s is read as %s, exactly, without the BOM', (name, encoding) => {
    const result = decodeText(fixture(name));
    expect(result.encoding).toBe(encoding);
    expect(result.text).toBe(UTF16_TEXT);
    expect(result.warnings).toEqual([]);
  });

  test('UTF-32BE BOM', () => {
    const result = decodeText(iconv.encode('Talks in Ankara', 'utf-32be', { addBOM: true }));
    expect(result).toMatchObject({ text: 'Talks in Ankara', encoding: 'utf-32be' });
  });

  test('UTF-8 BOM is dropped and the CRLF text kept for normaliseText', () => {
    const result = decodeText(fixture('utf8-bom.txt'));
    expect(result.encoding).toBe('utf-8');
    expect(result.text.startsWith('Café talks')).toBe(true);
    expect(result.text).toContain('\r\n');
  });

  test('a BOM followed by invalid bytes is refused, not patched with U+FFFD', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0x41, 0xc3, 0x28, 0x42]);
    const refusal = await refusalOf(() => decodeText(bytes));
    expect(refusal.code).toBe('undecodable');
    expect(refusal.message).toContain('utf-8 byte-order mark');
  });

  test('UTF-16LE with a lone surrogate is refused', async () => {
    const bytes = new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x00, 0xd8, 0x42, 0x00]);
    expect((await refusalOf(() => decodeText(bytes))).code).toBe('undecodable');
  });
});

describe('decodeText: detection', () => {
  test('UTF-16LE without a BOM is recognised from its NUL pattern, Arabic included', () => {
    const result = decodeText(fixture('utf16le-nobom.txt'));
    expect(result.encoding).toBe('utf-16le');
    expect(result.text).toBe(UTF16_TEXT);
    expect(result.warnings[0]).toMatch(/No byte-order mark/);
  });

  test('UTF-16BE without a BOM, Arabic only (few NULs, all on one side)', () => {
    const arabic = 'استقبل مستشار الأمن القومي العراقي وفد الصومال في بغداد';
    const result = decodeText(iconv.encode(arabic, 'utf-16be'));
    expect(result).toMatchObject({ text: arabic, encoding: 'utf-16be' });
  });

  test('valid UTF-8 wins over detection', () => {
    const result = decodeText(new TextEncoder().encode('Réunion à Genève — “accord”'));
    expect(result).toMatchObject({ text: 'Réunion à Genève — “accord”', encoding: 'utf-8' });
  });

  test('windows-1252: curly quotes, euro sign and dashes decode to the right characters', () => {
    const result = decodeText(fixture('cp1252.txt'));
    expect(result.encoding).toBe('windows-1252');
    expect(result.text).toContain('Minister’s visit');
    expect(result.text).toContain('“we will deepen cooperation”');
    expect(result.text).toContain('€25 million – a café-table deal');
    expect(result.text).not.toContain('\uFFFD');
  });

  test('windows-1256 Arabic', () => {
    const result = decodeText(fixture('cp1256-arabic.txt'));
    expect(result.encoding).toBe('windows-1256');
    expect(result.text.startsWith('الأعرجي يستقبل وفداً صومالياً في بغداد')).toBe(true);
    expect(result.text).toContain('قاسم الأعرجي');
  });

  test('ISO-8859-6 Arabic', () => {
    const text = 'استقبل مستشار الأمن القومي العراقي قاسم الأعرجي وفد الصومال برئاسة مستشار الأمن القومي حسين معلم وبحث الجانبان التعاون الأمني';
    const result = decodeText(iconv.encode(text, 'iso-8859-6'));
    expect(result.text).toBe(text);
    expect(['iso-8859-6', 'windows-1256']).toContain(result.encoding);
  });

  test('Latin-1 text is reported as windows-1252, its superset', () => {
    const text = 'Réunion à Genève: le ministre a déclaré que la coopération était très étroite et que les élèves étaient prêts.';
    const result = decodeText(iconv.encode(text, 'latin1'));
    expect(result).toMatchObject({ text, encoding: 'windows-1252' });
  });
});

describe('decodeText: refusals', () => {
  test('binary junk', async () => {
    const refusal = await refusalOf(() => decodeText(fixture('binary-junk.txt')));
    expect(refusal.code).toBe('binary');
    expect(refusal.message).toMatch(/binary data/);
  });

  test('whitespace only, and zero bytes', async () => {
    expect((await refusalOf(() => decodeText(fixture('empty.txt')))).code).toBe('empty');
    expect((await refusalOf(() => decodeText(new Uint8Array(0)))).code).toBe('empty');
  });

  test('a few stray control characters are refused with their position', async () => {
    const refusal = await refusalOf(() => decodeText(fixture('control-junk.txt')));
    expect(refusal.code).toBe('undecodable');
    expect(refusal.message).toContain('2 control characters');
    expect(refusal.message).toContain('line 2, column 9');
  });

  test('a single stray NUL in a text file is undecodable, not binary', async () => {
    const bytes = new TextEncoder().encode('Officials met in Baghdad on Monday to discuss security.\u0000\n');
    expect((await refusalOf(() => decodeText(bytes))).code).toBe('undecodable');
  });
});

describe('forced encodings', () => {
  test('a forced encoding is used as given', () => {
    const result = decodeText(fixture('cp1256-arabic.txt'), 'cp1256');
    expect(result.encoding).toBe('windows-1256');
    expect(result.text).toContain('الأعرجي');
  });

  test('an unknown encoding name is refused as bad-encoding', async () => {
    const refusal = await refusalOf(() => decodeText(fixture('cp1252.txt'), 'klingon-8'));
    expect(refusal.code).toBe('bad-encoding');
    expect(refusal.message).toContain('"klingon-8"');
  });

  test('forcing UTF-8 on windows-1252 bytes is refused instead of storing U+FFFD', async () => {
    const refusal = await refusalOf(() => decodeText(fixture('cp1252.txt'), 'utf-8'));
    expect(refusal.code).toBe('undecodable');
    expect(refusal.message).toMatch(/not valid utf-8 \(first at line 1, column 9\)/);
  });

  test('forcing Latin-1 on windows-1252 bytes leaves C1 controls, which are refused', async () => {
    const refusal = await refusalOf(() => decodeAs(fixture('cp1252.txt'), 'iso-8859-1'));
    expect(refusal.code).toBe('undecodable');
  });
});

describe('normaliseText', () => {
  test('CRLF and CR become LF; BOM characters go; NFC composes', () => {
    expect(normaliseText('\uFEFFa\r\nb\rc\n')).toBe('a\nb\nc\n');
    const composed = normaliseText('Cafe\u0301');
    expect(composed).toBe('Café');
    expect(composed.length).toBe(4);
  });

  test('nothing else changes: spaces, tabs, blank lines and NBSP stay', () => {
    const s = '  Title  \n\n\n\tIndented\u00a0text   \n';
    expect(normaliseText(s)).toBe(s);
  });
});
