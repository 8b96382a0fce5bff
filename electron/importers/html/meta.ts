/**
 * Article metadata from an HTML page's head: Open Graph, classic meta names, JSON-LD. Read
 * before Readability runs, because Readability edits the document as it works.
 */
import type { Sourced, ValueSource } from '../../../shared/model/document';
import { normaliseDateValue } from '../dates';
import { primaryLanguage } from '../language';

export interface HtmlMeta {
  titles: Array<Sourced<string>>;
  publishedAt?: Sourced<string>;
  outlet?: Sourced<string>;
  url?: Sourced<string>;
  byline?: Sourced<string>;
  language?: Sourced<string>;
}

type JsonObject = { [key: string]: unknown };

function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** All `<meta>` values keyed by lower-cased `property`, `name`, `itemprop` or `http-equiv`. */
function metaMap(doc: Document): Map<string, string> {
  const map = new Map<string, string>();
  for (const el of Array.from(doc.querySelectorAll('meta'))) {
    const content = el.getAttribute('content')?.trim();
    if (!content) continue;
    for (const attr of ['property', 'name', 'itemprop', 'http-equiv']) {
      const key = el.getAttribute(attr)?.trim().toLowerCase();
      if (key && !map.has(key)) map.set(key, content);
    }
  }
  return map;
}

function sourceOf(key: string): ValueSource {
  return key.startsWith('og:') || key.startsWith('article:') ? 'html-og' : 'html-meta';
}

function pick(meta: Map<string, string>, keys: string[], accept: (v: string) => string | null = (v) => v): Sourced<string> | undefined {
  for (const key of keys) {
    const raw = meta.get(key);
    const value = raw === undefined ? null : accept(raw);
    if (value) return { value, source: sourceOf(key), detail: key };
  }
  return undefined;
}

/** Every object in every JSON-LD block, with `@graph` and arrays flattened. */
function jsonLdObjects(doc: Document): JsonObject[] {
  const out: JsonObject[] = [];
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (isObject(v)) {
      out.push(v);
      if (v['@graph']) visit(v['@graph']);
    }
  };
  for (const script of Array.from(doc.querySelectorAll('script'))) {
    if (!/ld\+json/i.test(script.getAttribute('type') ?? '')) continue;
    try {
      visit(JSON.parse(script.textContent ?? ''));
    } catch {
      // A broken JSON-LD block is common and costs only that block's hints.
    }
  }
  return out;
}

const ARTICLE_TYPES = /(?:Article|BlogPosting|Report|WebPage)$/;

function nameOf(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) {
    const names = v.map(nameOf).filter((n): n is string => !!n);
    return names.length > 0 ? names.join(', ') : null;
  }
  if (isObject(v) && typeof v.name === 'string') return v.name;
  return null;
}

function httpUrl(v: string, base?: string): string | null {
  try {
    const u = new URL(v, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** `<title>Headline | Site</title>`: the site part is not the headline. */
export function stripSiteName(title: string, site: string | undefined): string {
  if (!site) return title;
  const escaped = site.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const stripped = title
    .replace(new RegExp(`\\s*[|–—:·•-]\\s*${escaped}\\s*$`, 'i'), '')
    .replace(new RegExp(`^${escaped}\\s*[|–—:·•-]\\s*`, 'i'), '');
  return stripped.trim() === '' ? title : stripped;
}

const notUrl = (v: string): string | null => (/^https?:\/\//i.test(v) ? null : v);

export function readHtmlMeta(doc: Document): HtmlMeta {
  const meta = metaMap(doc);
  const ld = jsonLdObjects(doc);
  const article = ld.find((o) => typeof o['@type'] === 'string' && ARTICLE_TYPES.test(o['@type'])) ?? ld.find((o) => 'datePublished' in o);
  const fromLd = (key: string, value: string | null): Sourced<string> | undefined =>
    value ? { value, source: 'html-jsonld', detail: key } : undefined;

  const outlet =
    pick(meta, ['og:site_name', 'application-name', 'apple-mobile-web-app-title']) ??
    fromLd('publisher.name', nameOf(article?.publisher));

  const titles: Array<Sourced<string>> = [];
  const og = pick(meta, ['og:title', 'twitter:title']);
  if (og) titles.push(og);
  const titleEl = doc.querySelector('title')?.textContent?.replace(/\s+/g, ' ').trim();
  if (titleEl) titles.push({ value: stripSiteName(titleEl, outlet?.value), source: 'html-title', detail: '<title>' });
  const ldHeadline = fromLd('headline', typeof article?.headline === 'string' ? article.headline : null);
  if (ldHeadline) titles.push(ldHeadline);

  const date = (v: string): string | null => normaliseDateValue(v);
  const timeEl = doc.querySelector('time[pubdate][datetime], article time[datetime]')?.getAttribute('datetime');
  const publishedAt =
    pick(
      meta,
      ['article:published_time', 'og:published_time', 'datepublished', 'date', 'pubdate', 'publishdate', 'publish-date',
        'dc.date.issued', 'dcterms.issued', 'dc.date', 'dcterms.created', 'sailthru.date', 'parsely-pub-date'],
      date,
    ) ??
    fromLd('datePublished', typeof article?.datePublished === 'string' ? date(article.datePublished) : null) ??
    (timeEl && date(timeEl) ? { value: date(timeEl)!, source: 'html-meta', detail: '<time datetime>' } : undefined);

  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href');
  const ogUrl = meta.get('og:url');
  const url =
    (canonical && httpUrl(canonical, ogUrl) ? { value: httpUrl(canonical, ogUrl)!, source: 'html-meta' as const, detail: 'link rel=canonical' } : undefined) ??
    pick(meta, ['og:url', 'twitter:url'], (v) => httpUrl(v));

  const byline =
    pick(meta, ['author', 'article:author', 'byl', 'dc.creator', 'parsely-author', 'sailthru.author'], notUrl) ??
    fromLd('author', nameOf(article?.author));

  const htmlLang = doc.documentElement?.getAttribute('lang') ?? doc.documentElement?.getAttribute('xml:lang');
  const langFromHtml = htmlLang ? primaryLanguage(htmlLang) : null;
  const language: Sourced<string> | undefined = langFromHtml
    ? { value: langFromHtml, source: 'html-meta', detail: `html lang="${htmlLang}"` }
    : pick(meta, ['content-language', 'og:locale', 'language'], primaryLanguage) ??
      fromLd('inLanguage', typeof article?.inLanguage === 'string' ? primaryLanguage(article.inLanguage) : null);

  return { titles, publishedAt, outlet, url, byline, language };
}
