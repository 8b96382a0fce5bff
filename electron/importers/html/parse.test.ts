import iconv from 'iconv-lite';
import { describe, expect, test } from 'vitest';
import { fixture, refusalOf } from '../__fixtures__/read';
import { declaredCharset, parse } from './parse';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const LONG_PARAGRAPH =
  'The delegations discussed border security, intelligence sharing and training for counter-terrorism units, and agreed to meet again in the autumn to review progress on every file.';

describe('a news page with chrome', () => {
  test('metadata from og, article and link tags', async () => {
    const [a] = await parse(fixture('article.html'), { fileName: 'article.html' });
    expect(a.title).toEqual({ value: "Iraq's national security adviser invited to Brussels for NATO talks", source: 'html-og', detail: 'og:title' });
    expect(a.publishedAt).toMatchObject({ value: '2023-04-04T19:04:00+03:00', source: 'html-og', detail: 'article:published_time' });
    expect(a.outlet).toMatchObject({ value: 'Example Herald', source: 'html-og' });
    expect(a.url).toMatchObject({ value: 'https://herald.example/world/iraq-nato-invitation', detail: 'link rel=canonical' });
    expect(a.byline?.value).toBe('Layla Hassan');
    expect(a.language).toMatchObject({ value: 'en', source: 'html-meta' });
    expect(a.encoding).toBe('utf-8');
  });

  test('the text is the article: paragraphs apart, no scripts, styles, navigation, share links or sidebar', async () => {
    const [a] = await parse(fixture('article.html'), { fileName: 'article.html' });
    expect(a.text).toContain(
      'in Brussels.\n\nThe invitation was delivered by the head of the NATO mission in Iraq',
    );
    expect(a.text).toContain('could take place\nbefore the summer.');
    for (const junk of ['do not import me', 'footer script', 'font-family', 'Unrelated story', 'WhatsApp', 'Middle East', 'All rights reserved']) {
      expect(a.text).not.toContain(junk);
    }
    expect(a.text).not.toMatch(/\n{3,}/);
    expect(a.warnings).toEqual([]);
  });
});

describe('charsets', () => {
  test('a windows-1256 page declared by http-equiv meta', async () => {
    const [a] = await parse(fixture('article-cp1256.html'), { fileName: 'ar.html' });
    expect(a.encoding).toBe('windows-1256');
    expect(a.title?.value).toBe('الأعرجي يستقبل وفداً صومالياً');
    expect(a.text).toContain('قاسم الأعرجي');
    expect(a.language?.value).toBe('ar');
  });

  test('declaredCharset reads both meta forms and applies browser aliases', () => {
    expect(declaredCharset(utf8('<meta charset="UTF-8">'))).toBe('utf-8');
    expect(declaredCharset(utf8('<meta http-equiv="content-type" content="text/html; charset=ISO-8859-1">'))).toBe('windows-1252');
    expect(declaredCharset(utf8('<meta charset="utf-16">'))).toBe('utf-8');
    expect(declaredCharset(utf8('<p>no meta</p>'))).toBeNull();
  });

  test('a stale latin-1 declaration over UTF-8 bytes: the bytes win, with a warning', async () => {
    const html = `<html><head><meta charset="iso-8859-1"><title>Réunion à Genève</title></head><body><p>${LONG_PARAGRAPH} Café.</p></body></html>`;
    const [a] = await parse(utf8(html), { fileName: 'x.html' });
    expect(a.encoding).toBe('utf-8');
    expect(a.title?.value).toBe('Réunion à Genève');
    expect(a.warnings.join(' ')).toContain('declares charset windows-1252, but its bytes are UTF-8');
  });

  test('a UTF-8 declaration over windows-1252 bytes falls back to detection', async () => {
    const html = `<html><head><meta charset="utf-8"><title>Minister’s “visit”</title></head><body><p>${LONG_PARAGRAPH} It cost €5.</p></body></html>`;
    const [a] = await parse(iconv.encode(html, 'windows-1252'), { fileName: 'x.html' });
    expect(a.encoding).toBe('windows-1252');
    expect(a.text).toContain('€5');
    expect(a.warnings.join(' ')).toContain('declares charset utf-8');
  });
});

describe('fallbacks', () => {
  test('JSON-LD date and publisher, <title> without the site suffix, language detected', async () => {
    const html = `<html><head><title>Turkey and Iraq sign water deal - Wire Example</title>
<script type="application/ld+json">{"@graph":[{"@type":"WebSite","name":"x"},{"@type":"NewsArticle","datePublished":"2024-03-01","publisher":{"name":"Wire Example"},"author":[{"name":"A. Writer"},{"name":"B. Writer"}]}]}</script>
<script type="application/ld+json">{ broken</script></head>
<body><article><p>${LONG_PARAGRAPH}</p><p>${LONG_PARAGRAPH}</p></article></body></html>`;
    const [a] = await parse(utf8(html), { fileName: 'x.html' });
    expect(a.title).toMatchObject({ value: 'Turkey and Iraq sign water deal', source: 'html-title' });
    expect(a.publishedAt).toMatchObject({ value: '2024-03-01', source: 'html-jsonld' });
    expect(a.outlet).toMatchObject({ value: 'Wire Example', source: 'html-jsonld' });
    expect(a.byline?.value).toBe('A. Writer, B. Writer');
    expect(a.language).toMatchObject({ value: 'en', source: 'detected' });
    expect(a.url).toBeUndefined();
  });

  test('a page Readability cannot read is taken whole, without its navigation', async () => {
    const html = '<html><body><nav>Home World Sport</nav><div>Short note: talks in Ankara.</div><footer>Footer text</footer></body></html>';
    const [a] = await parse(utf8(html), { fileName: 'x.html' });
    expect(a.text).toBe('Short note: talks in Ankara.');
    expect(a.warnings[0]).toMatch(/No article was recognised/);
  });

  test('a page with no text at all is refused as empty', async () => {
    const html = '<html><head><script>var a = 1;</script></head><body><img src="x.png"><script>b()</script></body></html>';
    expect((await refusalOf(() => parse(utf8(html), { fileName: 'x.html' }))).code).toBe('empty');
  });
});
