/**
 * Metadata read from the top of a plain text: title, date, outlet, place. Articles saved from
 * the web carry page furniture above the headline (share buttons, breadcrumbs glued together
 * by copy-paste, image file names), so lines are classified before one is called the title.
 * Shared by the txt/md, docx and pdf importers: all three end up as lines of text.
 */
import type { Sourced, ValueSource } from '../../shared/model/document';
import { findDate } from './dates';

export interface TextMeta {
  title?: Sourced<string>;
  publishedAt?: Sourced<string>;
  outlet?: Sourced<string>;
  place?: Sourced<string>;
  warnings: string[];
}

export interface TextMetaOptions {
  /** Source recorded for a title taken from a line (`txt-first-line`, `docx-first-line`). */
  titleSource: ValueSource;
  /** Markdown: `# Heading` marks are not part of the title. */
  markdown?: boolean;
}

/** Only the top of the article is searched: a date deep in the body is an event, not publication. */
const MAX_LINES = 15;
export const MAX_TITLE_CHARS = 180;

const SHARE_WORDS =
  /\b(facebook|twitter|instagram|whatsapp|telegram|linkedin|pinterest|reddit|youtube|tiktok|messenger|viber|e-?mail|print|share|tweet|copy link)\b/gi;

const FURNITURE =
  /^(advertisement|skip to (main )?content|menu|search|home|subscribe|sign in|log ?in|breaking( news)?|read more|listen to this article|share( this( article)?)?|\d+ min(ute)? read|photo:.*|image:.*|loading\.*|close|follow us.*|related( articles| news)?|sponsored( links)?|latest news|most read)$/i;

/** Why a line near the top is page furniture rather than article text, or null. */
export function furnitureReason(line: string): 'share-buttons' | 'crumbs' | 'furniture' | null {
  const t = line.trim();
  if (t.length < 200 && (t.match(SHARE_WORDS)?.length ?? 0) >= 2) return 'share-buttons';
  if (FURNITURE.test(t)) return 'furniture';
  if (/^[\d\s.,:|/-]*$/.test(t) || /^\S+\.(jpe?g|png|gif|webp|svg)$/i.test(t)) return 'furniture';
  const words = t.split(/\s+/);
  const noSentencePunct = !/[.!?,;"“”]/.test(t);
  // A `2023/04/04 | 19:04 - Source: X` line has the shape of crumbs but is metadata.
  if (noSentencePunct && words.length <= 8 && !findDate(t)) {
    const titleCase = words.every((w) => /^[\p{Lu}\d&/>»›|-]/u.test(w) || /^(and|of|the)$/.test(w));
    // Lower-upper joins, except in names like McCain/MacArthur.
    const glued = t.replace(/\bMa?c(?=\p{Lu})/gu, '').match(/\p{Ll}\p{Lu}/gu)?.length ?? 0;
    const separated = /\s[>»›|/]\s/.test(t) || /^home\b/i.test(t);
    // "IranIraqMiddle East": category links pasted without their separators. One join alone
    // could be a brand (OpenAI), so a longer line needs two.
    if (titleCase && (glued >= 2 || (glued === 1 && words.length <= 2) || separated)) return 'crumbs';
  }
  return null;
}

/** The site name that often sits beside share buttons ("… Instagram Somali Magazine - People's Magazine"). */
function siteNameBesideShareButtons(line: string): string | null {
  const rest = line
    .replace(SHARE_WORDS, ' ')
    .replace(/\(\s*x\s*\)/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const name = rest.split(/\s+[-–—|]\s+/)[0]?.trim() ?? '';
  const words = name.split(' ');
  if (words.length < 1 || words.length > 5 || name.length < 3) return null;
  return words.every((w) => /^[\p{Lu}\d]/u.test(w)) ? name : null;
}

function titleCasePlace(place: string): string {
  const p = place.trim();
  return p === p.toUpperCase() ? p.toLowerCase().replace(/(^|[\s-])\p{L}/gu, (m) => m.toUpperCase()) : p;
}

export interface Dateline {
  place?: string;
  outlet: string;
  /** The line after the dateline. */
  rest: string;
}

const PLACE = String.raw`\p{Lu}[\p{L}'’.\- ]{1,40}?`;
const PAREN_DATELINE = new RegExp(String.raw`^(${PLACE})(?:,\s*[^()\n]{3,30}?)?\s*\(([^()\n]{2,40})\)\s*[-–—:]+\s*`, 'u');
const SLASH_DATELINE = new RegExp(String.raw`^(?:(${PLACE})\s*[-–—]\s*)?(\p{Lu}[\p{L}\d&'’. ]{1,40}?)\s*\/\s+`, 'u');

/** `Baghdad(Mogadishu24)-`, `BAGHDAD, April 4 (Reuters) -`, `Baghdad - Shafaq News/ `, `Shafaq News/ `. */
export function parseDateline(line: string): Dateline | null {
  const t = line.replace(/^[-–—\s]+/, '');
  const paren = PAREN_DATELINE.exec(t);
  if (paren && paren[1].trim().split(/\s+/).length <= 4 && !/^\d+$/.test(paren[2].trim())) {
    return { place: titleCasePlace(paren[1]), outlet: paren[2].trim(), rest: t.slice(paren[0].length) };
  }
  const slash = SLASH_DATELINE.exec(t);
  if (slash && slash[2].trim().split(/\s+/).length <= 5) {
    const place = slash[1]?.trim();
    return { place: place ? titleCasePlace(place) : undefined, outlet: slash[2].trim(), rest: t.slice(slash[0].length) };
  }
  return null;
}

const DATE_PREFIX = /^(?:(?:date|dated|published|posted|updated|last updated)(?:\s+on)?\s*:?\s*)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?/i;

/** A date that opens the line (`date 2023-04-04 Title`, `2023/04/04 | 19:04`), and what follows it. */
export function leadingDate(line: string): { iso: string; rest: string } | null {
  const prefix = DATE_PREFIX.exec(line)?.[0] ?? '';
  const after = line.slice(prefix.length);
  const found = findDate(after);
  if (found?.index !== 0) return null;
  return { iso: found.iso, rest: after.slice(found.length).replace(/^[\s|,–—:-]+/, '') };
}

function onlySeparatorsAndTime(s: string): boolean {
  return s.replace(/\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:am|pm|gmt|utc)?/gi, '').replace(/[\s|,·•–—:-]+/g, '') === '';
}

const ABBREVIATIONS = /(?:^|\s)(?:Mr|Mrs|Ms|Dr|St|Gen|Col|Lt|Sgt|Maj|Capt|Rep|Sen|Gov|Prof|No|vs|Jr|Sr|Inc|Ltd|Co|[A-Z])$/;

/** The first sentence of a paragraph, not fooled by `Mr.` or `U.S.` */
export function firstSentence(paragraph: string): string {
  const re = /[.!?]["”’)]?(?=\s+["“‘(]?[\p{Lu}\d])/gu;
  for (let m = re.exec(paragraph); m; m = re.exec(paragraph)) {
    const before = paragraph.slice(0, m.index);
    if (m[0][0] === '.' && (ABBREVIATIONS.test(before) || /\.\p{Lu}$/u.test(before))) continue;
    return paragraph.slice(0, m.index + m[0].length).trim();
  }
  return paragraph.trim();
}

export function clipTitle(title: string): string {
  const t = title.replace(/\s+/g, ' ').trim();
  if (t.length <= MAX_TITLE_CHARS) return t;
  const cut = t.lastIndexOf(' ', MAX_TITLE_CHARS - 1);
  return `${t.slice(0, cut > 40 ? cut : MAX_TITLE_CHARS - 1).replace(/[\s,;:–—-]+$/, '')}…`;
}

/** A headline is one short line; a paragraph is long or holds several sentences. */
function looksLikeHeadline(line: string): boolean {
  return line.length <= 200 && firstSentence(line).length >= line.length - 1;
}

/** YAML front matter (`---` … `---`) in Markdown: only `title:` and `date:` are read. */
function frontMatter(text: string): { title?: string; date?: string; endLine: number } | null {
  if (!text.startsWith('---\n')) return null;
  const end = text.indexOf('\n---', 4);
  if (end < 0) return null;
  const block = text.slice(4, end);
  const value = (key: string): string | undefined =>
    new RegExp(`^${key}:\\s*["']?(.+?)["']?\\s*$`, 'mi').exec(block)?.[1];
  return { title: value('title'), date: value('date'), endLine: block.split('\n').length + 2 };
}

export function extractTextMeta(text: string, options: TextMetaOptions): TextMeta {
  const meta: TextMeta = { warnings: [] };
  const lines = text.split('\n');
  let startLine = 0;
  if (options.markdown) {
    const fm = frontMatter(text);
    if (fm) {
      startLine = fm.endLine;
      if (fm.title) meta.title = { value: clipTitle(fm.title), source: options.titleSource, detail: 'front matter title' };
      const iso = fm.date ? findDate(fm.date)?.iso : undefined;
      if (iso) meta.publishedAt = { value: iso, source: 'txt-date-line', detail: `date: ${fm.date}` };
    }
  }
  let shareSiteName: string | null = null;
  let seen = 0;
  for (let i = startLine; i < lines.length && seen < MAX_LINES; i++) {
    // Every field the loop looks for is found: no later line can change any (each is set once).
    if (meta.title && meta.publishedAt && meta.outlet && meta.place) break;
    let line = lines[i].trim();
    if (options.markdown) line = line.replace(/^#{1,6}\s+/, '').replace(/^\*\*(.+)\*\*$/, '$1');
    if (line === '') continue;
    seen++;
    const reason = furnitureReason(line);
    if (reason === 'share-buttons') shareSiteName ??= siteNameBesideShareButtons(line);
    if (reason) continue;

    let rest = line;
    const lead = leadingDate(line);
    if (lead) {
      meta.publishedAt ??= { value: lead.iso, source: 'txt-date-line', detail: line.slice(0, 120) };
      rest = lead.rest;
    } else if (line.length <= 80 && !meta.publishedAt) {
      const found = findDate(line);
      const leftover = found ? `${line.slice(0, found.index)} ${line.slice(found.index + found.length)}` : '';
      if (found && leftover.trim().split(/\s+/).length <= 6) {
        meta.publishedAt = { value: found.iso, source: 'txt-date-line', detail: line };
        continue;
      }
    }
    const source = /(?:^|[\s|–—-])source\s*:\s*(.+?)\s*$/i.exec(rest);
    if (source) {
      meta.outlet ??= { value: source[1], source: 'txt-source-line', detail: line.slice(0, 120) };
      rest = rest.slice(0, source.index);
    }
    if (onlySeparatorsAndTime(rest)) continue;

    const dateline = parseDateline(rest);
    if (dateline) {
      meta.outlet ??= { value: dateline.outlet, source: 'txt-dateline', detail: rest.slice(0, rest.length - dateline.rest.length).trim() };
      if (dateline.place) meta.place ??= { value: dateline.place, source: 'txt-dateline', detail: rest.slice(0, rest.length - dateline.rest.length).trim() };
      rest = dateline.rest;
    }
    if (meta.title || rest.split(/\s+/).length < 3) continue;
    if (looksLikeHeadline(rest)) {
      meta.title = { value: clipTitle(rest), source: options.titleSource, detail: `line ${i + 1}` };
    } else {
      meta.title = {
        value: clipTitle(firstSentence(rest)),
        source: options.titleSource,
        detail: `first sentence of line ${i + 1} (no headline line)`,
      };
      meta.warnings.push('No headline line was found; the title is the first sentence of the text.');
    }
  }
  if (!meta.outlet && shareSiteName) {
    meta.outlet = { value: shareSiteName, source: 'txt-first-line', detail: 'site name beside the share buttons' };
  }
  return meta;
}
