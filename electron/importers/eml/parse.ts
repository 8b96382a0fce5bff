/**
 * E-mail messages (.eml): articles forwarded to the analyst, alert digests, press releases.
 * postal-mime decodes the MIME structure, transfer encodings and charsets; the headers give the
 * metadata and the text part (or the HTML part, flattened) is the article.
 */

import iconv from 'iconv-lite';
import type { Address, Email } from 'postal-mime';
import { ImportRefusal, type ParsedArticle, type ParseHints, type Sourced } from '../../../shared/model/document';
import { finishArticle } from '../article';
import { normaliseDateValue } from '../dates';
import { normaliseText } from '../encoding';
import { htmlToText } from '../html-text';
import { primaryLanguage } from '../language';
import { loadLinkedom, loadPostalMime } from '../lazy';
import { extractTextMeta } from '../text-meta';

const HEAD_BYTES = 65536;

function header(email: Email, key: string): string | undefined {
  return email.headers.find((h) => h.key === key)?.value.trim() || undefined;
}

function sender(from: Address | undefined): string | undefined {
  if (!from) return undefined;
  if (from.group) return from.name || undefined;
  return from.name.trim() || from.address || undefined;
}

/** `Fwd: Re: Headline` is still the headline. */
function cleanSubject(subject: string): string {
  return subject.replace(/^(?:\s*(?:re|fwd?|aw|wg|tr)\s*(?:\[\d+\])?\s*:\s*)+/i, '').trim();
}

/**
 * The charset of the first declared text part. postal-mime decodes charsets itself and does
 * not report them, so this is read from the raw headers for the record, not used to decode.
 */
function declaredCharset(head: string): string {
  const m = /content-type:\s*text\/(?:plain|html)[^\n]*(?:\n[ \t][^\n]*)*?charset\s*=\s*"?([\w.:-]+)/i.exec(head);
  return m ? m[1].toLowerCase() : 'utf-8';
}

function eml(value: string | null | undefined, detail: string): Sourced<string> | undefined {
  return value ? { value, source: 'eml-header', detail } : undefined;
}

export async function parse(bytes: Uint8Array, _hints: ParseHints): Promise<ParsedArticle[]> {
  const head = iconv.decode(bytes.subarray(0, HEAD_BYTES), 'latin1').replace(/\r\n?/g, '\n');
  // postal-mime accepts anything; a message must at least open with a header field.
  if (!/^[!-9;-~]+:/.test(head.replace(/^\s*(?:From [^\n]*\n)?/, ''))) {
    throw new ImportRefusal('broken-eml', 'The file does not start with e-mail headers, so it is not a .eml message.');
  }
  let email: Email;
  try {
    const PostalMime = await loadPostalMime();
    email = await PostalMime.parse(bytes);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new ImportRefusal('broken-eml', `The e-mail could not be read (${message}).`);
  }

  const warnings: string[] = [];
  let body = email.text ?? '';
  if (body.trim() === '' && email.html) {
    const { parseHTML } = await loadLinkedom();
    const { document } = parseHTML(email.html);
    body = htmlToText(document.body ?? document.documentElement);
    warnings.push('The message has no plain-text part; the text was taken from its HTML part.');
  }
  const text = normaliseText(body);
  const meta = extractTextMeta(text, { titleSource: 'txt-first-line' });
  const subject = email.subject ? cleanSubject(email.subject) : '';
  // The raw header, not postal-mime's UTC rendering: the sender's own offset gives the local day.
  const rawDate = header(email, 'date') ?? email.date;
  const date = rawDate ? normaliseDateValue(rawDate) : null;
  if (rawDate && !date) warnings.push(`The Date header "${rawDate}" could not be read as a date.`);
  const location = header(email, 'snapshot-content-location') ?? header(email, 'content-location');
  const language = header(email, 'content-language');
  const lang = language ? primaryLanguage(language) : null;

  return [
    finishArticle(
      text,
      {
        encoding: declaredCharset(head),
        title: eml(subject, 'Subject') ?? meta.title,
        publishedAt: eml(date, 'Date') ?? meta.publishedAt,
        byline: eml(sender(email.from), 'From'),
        outlet: meta.outlet,
        place: meta.place,
        url: eml(location && /^https?:\/\//i.test(location) ? location : null, 'Content-Location'),
        language: eml(lang, 'Content-Language'),
        warnings,
      },
      new ImportRefusal('empty', 'The e-mail has no message text (it may hold only attachments).'),
    ),
  ];
}
