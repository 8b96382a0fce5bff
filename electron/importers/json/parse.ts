/**
 * Article collections exported as JSON (an array, or an object holding one) or JSON Lines (one
 * record a line): scraper output, news-please, GDELT or NewsAPI dumps. Each record with text is
 * one article; field names vary by tool, so common spellings are accepted.
 */
import { ImportRefusal, type ParsedArticle, type ParseHints, type Sourced } from '../../../shared/model/document';
import { finishArticle } from '../article';
import { epochToIso, normaliseDateValue } from '../dates';
import { decodeText, normaliseText } from '../encoding';
import { primaryLanguage } from '../language';
import { extractTextMeta } from '../text-meta';

type JsonObject = { [key: string]: unknown };

const FIELDS = {
  title: ['title', 'headline', 'name'],
  text: ['text', 'body', 'content', 'article', 'maintext', 'fulltext', 'full_text', 'article_text', 'paragraphs'],
  date: ['date', 'published', 'publishedat', 'published_at', 'date_publish', 'datepublished', 'pubdate', 'publish_date', 'created_at', 'timestamp'],
  url: ['url', 'link', 'source_url', 'sourceurl', 'canonical_url', 'href'],
  outlet: ['outlet', 'source', 'site', 'source_domain', 'sitename', 'site_name', 'publisher', 'domain'],
  byline: ['author', 'authors', 'byline', 'creator'],
  language: ['language', 'lang', 'locale'],
  place: ['place', 'location', 'dateline'],
} as const;

/** Keys under which exports nest their record list (`{ "articles": [...] }`). */
const LIST_KEYS = ['articles', 'data', 'items', 'records', 'results', 'documents', 'docs', 'entries', 'news'];

function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The record's value for the first matching name, compared case-insensitively. */
function field(record: JsonObject, names: readonly string[]): { key: string; value: unknown } | null {
  const keys = Object.keys(record);
  for (const name of names) {
    const key = keys.find((k) => k.toLowerCase() === name);
    if (key !== undefined && record[key] !== null && record[key] !== undefined && record[key] !== '') return { key, value: record[key] };
  }
  return null;
}

/** Strings as they are; `{ name }` objects (NewsAPI's `source`) by name; lists joined. */
function asString(v: unknown, joiner = ', '): string | null {
  if (typeof v === 'string') return v.trim() === '' ? null : v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (Array.isArray(v)) {
    const parts = v.map((x) => asString(x, joiner)).filter((x): x is string => x !== null);
    return parts.length > 0 ? parts.join(joiner) : null;
  }
  if (isObject(v)) return asString(v.name ?? v.title ?? v.text ?? null, joiner);
  return null;
}

function jsonField(value: string | null, key: string): Sourced<string> | undefined {
  return value ? { value, source: 'json-field', detail: key } : undefined;
}

function dateValue(v: unknown): string | null {
  if (typeof v === 'number') return epochToIso(v);
  const s = asString(v);
  return s ? normaliseDateValue(s) : null;
}

interface RawRecord {
  value: unknown;
  /** Human position for messages: `line 4` (JSONL) or `record 3` (JSON). */
  where: string;
}

/** `Unexpected token } in JSON at position 120` → `line 5, column 3`, from the position V8 reports. */
function jsonErrorPosition(text: string, error: Error): string {
  const lineCol = /line (\d+) column (\d+)/.exec(error.message);
  if (lineCol) return `line ${lineCol[1]}, column ${lineCol[2]}`;
  const pos = /position (\d+)/.exec(error.message);
  if (!pos) return 'an unknown position';
  const before = text.slice(0, Number(pos[1]));
  const line = before.split('\n').length;
  return `line ${line}, column ${before.length - before.lastIndexOf('\n')}`;
}

/** V8's message without its own "in JSON at position 120 (line 5 column 3)", which is said once, our way. */
function jsonReason(error: Error): string {
  return error.message.replace(/\s*in JSON at position \d+(\s*\(line \d+ column \d+\))?/, '').replace(/^Unexpected end of JSON input$/, 'the text ends too soon');
}

function readJsonLines(text: string): RawRecord[] {
  const records: RawRecord[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '') continue;
    try {
      records.push({ value: JSON.parse(line), where: `line ${i + 1}` });
    } catch (error) {
      const err = error instanceof Error ? error : new Error(String(error));
      const at = /position (\d+)/.exec(err.message);
      const where = at ? `line ${i + 1}, column ${Number(at[1]) + 1 + (lines[i].length - lines[i].trimStart().length)}` : `line ${i + 1}`;
      throw new ImportRefusal('bad-json', `Line ${i + 1} is not valid JSON (error at ${where}: ${jsonReason(err)}). Fix or remove that line and import again.`);
    }
  }
  return records;
}

function readJson(text: string): RawRecord[] {
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (error) {
    const err = error instanceof Error ? error : new Error(String(error));
    throw new ImportRefusal('bad-json', `The file is not valid JSON (error at ${jsonErrorPosition(text, err)}: ${jsonReason(err)}).`);
  }
  if (isObject(root)) {
    const object = root;
    const listKey = Object.keys(object).find((k) => LIST_KEYS.includes(k.toLowerCase()) && Array.isArray(object[k]));
    if (listKey === undefined) return [{ value: object, where: 'the record' }];
    root = object[listKey];
  }
  if (Array.isArray(root)) return root.map((value, i) => ({ value, where: `record ${i + 1}` }));
  throw new ImportRefusal('bad-json', 'The JSON holds neither an article record nor a list of them.');
}

function toArticle(record: JsonObject, encoding: string, warnings: string[]): ParsedArticle | null {
  const textField = field(record, FIELDS.text);
  const body = textField ? asString(textField.value, '\n\n') : null;
  if (!textField || !body || body.trim() === '') return null;
  const text = normaliseText(body);
  const pick = (names: readonly string[]): { key: string; value: unknown } | null => field(record, names);
  const title = pick(FIELDS.title);
  const date = pick(FIELDS.date);
  const url = pick(FIELDS.url);
  const outlet = pick(FIELDS.outlet);
  const byline = pick(FIELDS.byline);
  const language = pick(FIELDS.language);
  const place = pick(FIELDS.place);
  const urlValue = url ? asString(url.value) : null;
  const langValue = language ? asString(language.value) : null;
  const dateIso = date ? dateValue(date.value) : null;
  const own: string[] = [];
  if (date && !dateIso) own.push(`The ${date.key} value ${JSON.stringify(date.value)} could not be read as a date.`);
  const fallback = title ? null : extractTextMeta(text, { titleSource: 'txt-first-line' });
  return finishArticle(text, {
    encoding,
    title: jsonField(title ? asString(title.value) : null, title?.key ?? '') ?? fallback?.title,
    publishedAt: jsonField(dateIso, date?.key ?? ''),
    url: jsonField(urlValue && /^https?:\/\//i.test(urlValue) ? urlValue : null, url?.key ?? ''),
    outlet: jsonField(outlet ? asString(outlet.value) : null, outlet?.key ?? ''),
    byline: jsonField(byline ? asString(byline.value) : null, byline?.key ?? ''),
    language: jsonField(langValue ? primaryLanguage(langValue) : null, language?.key ?? ''),
    place: jsonField(place ? asString(place.value) : null, place?.key ?? ''),
    warnings: [...warnings, ...own],
  });
}

export async function parse(bytes: Uint8Array, hints: ParseHints): Promise<ParsedArticle[]> {
  const decoded = decodeText(bytes, hints.encoding);
  const text = normaliseText(decoded.text);
  const lines = /\.(jsonl|ndjson)$/i.test(hints.fileName);
  const records = lines ? readJsonLines(text) : readJson(text);
  if (records.length === 0) throw new ImportRefusal('empty', 'The file holds no records.');

  const articles: ParsedArticle[] = [];
  const skipped: string[] = [];
  for (const { value, where } of records) {
    const article = isObject(value) ? toArticle(value, decoded.encoding, decoded.warnings) : null;
    if (article) articles.push(article);
    else skipped.push(where);
  }
  if (articles.length === 0) {
    throw new ImportRefusal(
      'no-text',
      `None of the ${records.length} records has article text (looked for a field named ${FIELDS.text.join(', ')}).`,
    );
  }
  if (skipped.length > 0) {
    const list = skipped.length > 10 ? `${skipped.slice(0, 10).join(', ')} and ${skipped.length - 10} more` : skipped.join(', ');
    // Skipped records are noted on the first article (the file imported, but not whole), and
    // each gets its line in the import report.
    articles[0].warnings.push(`${skipped.length} of ${records.length} records had no article text and were skipped: ${list}.`);
    articles[0].skippedRecords = skipped.map((where) => ({
      where,
      reason: `${where[0].toUpperCase()}${where.slice(1)} has no article text (looked for a field named ${FIELDS.text.join(', ')}); the file's other records were imported.`,
    }));
  }
  return articles;
}
