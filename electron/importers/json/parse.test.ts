import { describe, expect, test } from 'vitest';
import { fixture, refusalOf } from '../__fixtures__/read';
import { parse } from './parse';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('json', () => {
  test('a NewsAPI-style export: records under "articles", one without text skipped with a warning', async () => {
    const articles = await parse(fixture('articles.json'), { fileName: 'articles.json' });
    expect(articles).toHaveLength(2);
    const [first, second] = articles;
    expect(first).toMatchObject({
      text: 'Iraqi and Iranian officials met in Tehran to discuss border security.',
      title: { value: 'Iraq and Iran discuss border security', source: 'json-field', detail: 'title' },
      publishedAt: { value: '2023-05-02T08:15:00Z', detail: 'publishedAt' },
      outlet: { value: 'Example Herald', detail: 'source' },
      url: { value: 'https://herald.example/iraq-iran-border' },
      byline: { value: 'Layla Hassan' },
    });
    expect(first.warnings).toEqual(['1 of 3 records had no article text and were skipped: record 2.']);
    expect(second).toMatchObject({
      text: 'Somalia and Turkey signed a defence agreement.\n\nThe deal covers naval training.',
      title: { value: 'Somalia, Turkey sign defence deal', detail: 'Headline' },
      publishedAt: { value: '2023-11-14T22:13:20.000Z' },
      outlet: { value: 'Wire Example' },
      language: { value: 'en', source: 'json-field' },
    });
    expect(second.warnings).toEqual([]);
  });

  test('a single object is one article; a missing title comes from the text', async () => {
    const [a] = await parse(utf8('{"body": "Iraq and Jordan agree on border patrols.\\nMore text."}'), { fileName: 'one.json' });
    expect(a.title).toMatchObject({ value: 'Iraq and Jordan agree on border patrols.', source: 'txt-first-line' });
  });

  test('malformed JSON names the line', async () => {
    const refusal = await refusalOf(() => parse(fixture('malformed.json'), { fileName: 'malformed.json' }));
    expect(refusal.code).toBe('bad-json');
    expect(refusal.message).toBe("The file is not valid JSON (error at line 3, column 19: Expected ',' or '}' after property value).");
  });

  test('records without text at all', async () => {
    const refusal = await refusalOf(() => parse(fixture('no-text.json'), { fileName: 'no-text.json' }));
    expect(refusal.code).toBe('no-text');
    expect(refusal.message).toMatch(/None of the 2 records/);
  });

  test('an empty list', async () => {
    expect((await refusalOf(() => parse(utf8('[]'), { fileName: 'x.json' }))).code).toBe('empty');
  });

  test('an unreadable date is a warning, not a failure', async () => {
    const [a] = await parse(utf8('[{"text": "Talks held.", "date": "last Tuesday"}]'), { fileName: 'x.json' });
    expect(a.publishedAt).toBeUndefined();
    expect(a.warnings[0]).toMatch(/"last Tuesday" could not be read as a date/);
  });
});

describe('jsonl', () => {
  test('one article per line, news-please and scraper field names', async () => {
    const articles = await parse(fixture('articles.jsonl'), { fileName: 'articles.jsonl' });
    expect(articles).toHaveLength(2);
    expect(articles[0]).toMatchObject({
      text: 'Jordan hosted security chiefs from Iraq and Egypt in Amman.',
      publishedAt: { value: '2024-01-15T10:00:00', detail: 'date_publish' },
      outlet: { value: 'wire.example', detail: 'source_domain' },
      byline: { value: 'A. Writer, B. Writer', detail: 'authors' },
    });
    expect(articles[1]).toMatchObject({ publishedAt: { value: '2024-01-20' }, url: { value: 'https://wire.example/2', detail: 'link' } });
  });

  test('a malformed line is refused with its line number', async () => {
    const refusal = await refusalOf(() => parse(fixture('malformed.jsonl'), { fileName: 'malformed.jsonl' }));
    expect(refusal.code).toBe('bad-json');
    // Where, once, and V8's reason without its own position.
    expect(refusal.message).toBe('Line 2 is not valid JSON (error at line 2, column 43: Unterminated string). Fix or remove that line and import again.');
  });
});
