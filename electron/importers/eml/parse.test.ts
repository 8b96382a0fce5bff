import { describe, expect, test } from 'vitest';
import { fixture, refusalOf } from '../__fixtures__/read';
import { parse } from './parse';

describe('eml', () => {
  test('quoted-printable body, encoded subject, Date and From headers', async () => {
    const [a] = await parse(fixture('article.eml'), { fileName: 'article.eml' });
    expect(a.title).toEqual({ value: 'Iraq’s NSA meets Somali counterpart', source: 'eml-header', detail: 'Subject' });
    expect(a.publishedAt).toEqual({ value: '2024-02-19T09:30:00+03:00', source: 'eml-header', detail: 'Date' });
    expect(a.byline).toMatchObject({ value: 'Liaison Alerts', source: 'eml-header' });
    expect(a.text).toBe(
      'Baghdad (Liaison Wire) - Iraq’s national security adviser Qasim al-Araji met his Somali counterpart Hussein Moallim in Baghdad on Monday to discuss counter-terrorism cooperation.\n\n' +
        'The two sides agreed to exchange expertise “without delay”.\n',
    );
    expect(a.outlet?.value).toBe('Liaison Wire');
    expect(a.encoding).toBe('utf-8');
  });

  test('an HTML-only message is flattened to text without its scripts', async () => {
    const [a] = await parse(fixture('html-only.eml'), { fileName: 'html-only.eml' });
    expect(a.text).toBe('Daily brief\n\nTurkey and Iraq discussed water and security in Ankara.');
    expect(a.byline?.value).toBe('brief@desk.example');
    expect(a.warnings[0]).toMatch(/no plain-text part/);
  });

  test('a file that is not a message', async () => {
    const refusal = await refusalOf(() => parse(new TextEncoder().encode('<html>not mail</html>'), { fileName: 'x.eml' }));
    expect(refusal.code).toBe('broken-eml');
  });

  test('a message without a body is empty', async () => {
    const mail = 'From: a@b.example\r\nSubject: Nothing\r\n\r\n\r\n';
    expect((await refusalOf(() => parse(new TextEncoder().encode(mail), { fileName: 'x.eml' }))).code).toBe('empty');
  });
});
