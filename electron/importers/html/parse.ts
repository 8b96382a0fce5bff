/**
 * Saved web pages. Readability picks the article out of the page chrome; the text is then
 * rebuilt block by block so paragraphs survive. Metadata comes from the head (see meta.ts).
 */
import iconv from 'iconv-lite';
import { ImportRefusal, type ParsedArticle, type ParseHints, type Sourced } from '../../../shared/model/document';
import { finishArticle, firstOf } from '../article';
import { normaliseDateValue } from '../dates';
import { type DecodedText, decodeAs, decodeText } from '../encoding';
import { htmlToText } from '../html-text';
import { loadLinkedom, loadReadability } from '../lazy';
import { readHtmlMeta, stripSiteName } from './meta';

/** How far into the file a `<meta charset>` is looked for (the HTML spec's prescan reads 1024 bytes; pages with long heads push it later). */
const PRESCAN_BYTES = 4096;

/** Labels the WHATWG Encoding standard maps to another decoder, as browsers do. */
const WHATWG_ALIASES: Record<string, string> = {
  'iso-8859-1': 'windows-1252',
  latin1: 'windows-1252',
  'us-ascii': 'windows-1252',
  ascii: 'windows-1252',
  'iso-8859-9': 'windows-1254',
  'x-user-defined': 'windows-1252',
};

export function declaredCharset(bytes: Uint8Array): string | null {
  const head = iconv.decode(bytes.subarray(0, PRESCAN_BYTES), 'latin1');
  const m = /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  if (!m) return null;
  const label = m[1].toLowerCase();
  // A page that claims UTF-16 in an ASCII meta tag cannot be UTF-16; browsers read it as UTF-8.
  if (label.startsWith('utf-16')) return 'utf-8';
  return WHATWG_ALIASES[label] ?? label;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function hasBom(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

/** Forced encoding, then BOM, then the page's own declaration, then detection. */
export function decodeHtml(bytes: Uint8Array, forced?: string): DecodedText {
  if (forced || hasBom(bytes)) return decodeText(bytes, forced);
  const declared = declaredCharset(bytes);
  if (!declared) return decodeText(bytes);
  if (!iconv.encodingExists(declared)) {
    const result = decodeText(bytes);
    result.warnings.push(`The page declares an unknown charset "${declared}"; it was read as ${result.encoding}.`);
    return result;
  }
  // Pages re-saved by editors often keep a stale latin-1 declaration over UTF-8 bytes. Valid
  // multi-byte UTF-8 almost never happens by chance in a legacy encoding, so the bytes win.
  if (declared !== 'utf-8' && bytes.some((b) => b >= 0x80) && isValidUtf8(bytes)) {
    const utf8 = decodeAs(bytes, 'utf-8');
    utf8.warnings.push(`The page declares charset ${declared}, but its bytes are UTF-8; it was read as UTF-8.`);
    return utf8;
  }
  try {
    return decodeAs(bytes, declared);
  } catch (e) {
    if (!(e instanceof ImportRefusal) || e.code !== 'undecodable') throw e;
    const result = decodeText(bytes);
    result.warnings.push(`The page declares charset ${declared}, but its bytes are not ${declared}; it was read as ${result.encoding}.`);
    return result;
  }
}

/** Readability's default `charThreshold`. */
const READABILITY_MIN_CHARS = 500;

interface Body {
  text: string;
  title?: string;
  byline?: string;
  siteName?: string;
  publishedTime?: string;
  warnings: string[];
}

/** Readability's article, or the whole page minus its chrome when Readability finds none. */
async function readBody(html: string): Promise<Body> {
  const { parseHTML } = await loadLinkedom();
  const { Readability } = await loadReadability();
  // Readability edits its document, so it gets its own; the caller's copy stays whole.
  const { document } = parseHTML(html);
  let article: ReturnType<InstanceType<typeof Readability<Node>>['parse']> = null;
  try {
    article = new Readability<Node>(document, { serializer: (node) => node }).parse();
  } catch {
    article = null;
  }
  const text = article?.content ? htmlToText(article.content) : '';
  // Below its own threshold Readability hands back its best failed attempt, chrome and all.
  if (article && text.length >= READABILITY_MIN_CHARS) {
    return {
      text,
      title: article.title ?? undefined,
      byline: article.byline ?? undefined,
      siteName: article.siteName ?? undefined,
      publishedTime: article.publishedTime ?? undefined,
      warnings: [],
    };
  }
  const { document: whole } = parseHTML(html);
  const root = whole.body ?? whole.documentElement;
  const page = root ? htmlToText(root, { dropChrome: true }) : '';
  return {
    text: page.trim() !== '' ? page : text,
    title: article?.title ?? undefined,
    warnings: ['No article was recognised in the page; the text is the whole page without its navigation.'],
  };
}

function readability(value: string | undefined, detail: string): Sourced<string> | undefined {
  return value ? { value, source: 'readability', detail } : undefined;
}

export async function parse(bytes: Uint8Array, hints: ParseHints): Promise<ParsedArticle[]> {
  const decoded = decodeHtml(bytes, hints.encoding);
  const { parseHTML } = await loadLinkedom();
  const { document } = parseHTML(decoded.text);
  const meta = readHtmlMeta(document);
  const body = await readBody(decoded.text);

  const outlet = firstOf(meta.outlet, readability(body.siteName, 'site name'));
  const readabilityTitle = body.title ? stripSiteName(body.title, outlet?.value) : undefined;
  const date = body.publishedTime ? normaliseDateValue(body.publishedTime) : null;

  return [
    finishArticle(
      body.text,
      {
        encoding: decoded.encoding,
        title: firstOf(...meta.titles, readability(readabilityTitle, 'title')),
        publishedAt: firstOf(meta.publishedAt, date ? readability(date, 'published time') : undefined),
        outlet,
        url: meta.url,
        byline: firstOf(readability(body.byline, 'byline'), meta.byline),
        language: meta.language,
        warnings: [...decoded.warnings, ...body.warnings],
      },
      new ImportRefusal('empty', 'The page has no readable text (it may be only scripts, images or a frame).'),
    ),
  ];
}
