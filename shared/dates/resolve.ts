/**
 * Dates in news text, resolved the way a coder reads them. chrono-node finds the expressions;
 * the resolution rules are ours, because news style differs from chrono's defaults:
 * - a bare weekday ("Monday", "late Sunday", "on Tuesday") is the most recent such day on or before
 *   the publication day (chrono picks the nearest one, which can be in the future);
 * - relative periods ("last week") keep only the precision the model can hold (see `enclosing`);
 * - without a publication date nothing relative is guessed: precision 'unknown' and a basis saying why.
 * Pure: no node:*, no DOM, so the reader (renderer) and the services (main) resolve alike.
 */
import type { ParsedResult } from 'chrono-node';
// The English locale alone: the root entry re-exports every locale into the renderer bundle.
import { casual } from 'chrono-node/en';
import type { DatePrecision, EngagementDate } from '../model/engagement';
import {
  addDays,
  addMonths,
  type CalendarDay,
  daysBetween,
  enclosing,
  formatAt,
  formatDay,
  parsePublishedDay,
  weekdayOf,
} from './calendar';

/** One date expression in a text: where it is and what it resolves to. */
export interface DateExpression {
  /** UTF-16 offsets into the text given; quote === text.slice(start, end). */
  start: number;
  end: number;
  quote: string;
  date: EngagementDate;
}

// chrono needs a reference instant even when there is no publication date; then only what the text
// states is used, so any day will do.
const FALLBACK_REFERENCE_MS = Date.UTC(2000, 0, 1, 12);
const YEAR_DAYS = 366;
const RELATIVE_AGO = /\b(\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|few|several)\s+(day|week|month|year)s?\s+ago\b/i;
const RELATIVE_PERIOD = /\b(last|past|previous|this|next|coming)\s+(week|month|year)\b/i;
const CASUAL_DAY = /\b(today|yesterday|tomorrow|tonight|last night|this (?:morning|afternoon|evening))\b/i;
// Full weekday names only: chrono also reads "sat" (the verb) and "Sun" (the newspaper) as days.
const WEEKDAY_WORD = /\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b/i;
// "late Sunday", "earlier this week": the modifier belongs to the evidence quote.
const LEAD_MODIFIER = /\b(?:late|early|earlier|later)\s+$/i;
// chrono does not read a bare year; a preposition in front keeps "2023/04" or a count from matching.
const YEAR_PHRASE = /\b(?:in|since|by|until|during|from|of)\s+((?:(?:early|late|mid)[- ])?((?:19|20)\d{2}))\b(?![-/.:]?\d)/dgi;

/**
 * Every date expression in `text`, sorted, without overlaps, each resolved against the publication
 * date (`YYYY-MM-DD`, optionally with a time; its written day is used).
 */
export function findDateExpressions(text: string, publishedAt: string | null): DateExpression[] {
  const published = parsePublishedDay(publishedAt);
  const reference = published.day
    ? Date.UTC(published.day.year, published.day.month - 1, published.day.day, 12)
    : FALLBACK_REFERENCE_MS;
  // timezone 0 with a UTC-noon instant: chrono's implied components are then the publication's
  // calendar components whatever the machine's zone.
  const results = casual.parse(text, { instant: new Date(reference), timezone: 0 });
  const found: DateExpression[] = [];
  for (const result of results) {
    const expression = classify(result, text, published.day, published.reason);
    if (expression) found.push(expression);
  }
  for (const match of text.matchAll(YEAR_PHRASE)) {
    const [start, end] = match.indices?.[1] ?? [0, 0];
    const year = match[2];
    found.push({ start, end, quote: text.slice(start, end), date: { value: year, precision: 'year', inferred: false } });
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: DateExpression[] = [];
  for (const expression of found) {
    const last = kept[kept.length - 1];
    if (!last || expression.start >= last.end) kept.push(expression);
  }
  return kept;
}

/** The date of the first expression in `text` (a selection, a field's input), or null if none. */
export function resolveDateExpression(text: string, publishedAt: string | null): EngagementDate | null {
  return findDateExpressions(text, publishedAt)[0]?.date ?? null;
}

function classify(result: ParsedResult, text: string, published: CalendarDay | null, whyNot: string): DateExpression | null {
  let start = result.index;
  let end = result.index + result.text.length;
  // chrono keeps trailing punctuation ("on Monday,"); evidence quotes should not.
  while (end > start && /[\s,.;:!?)]/.test(text[end - 1])) end--;
  while (start < end && /\s/.test(text[start])) start++;
  const modifier = LEAD_MODIFIER.exec(text.slice(Math.max(0, start - 12), start));
  if (modifier) start -= modifier[0].length;
  const quote = text.slice(start, end);
  if (!quote || /^now$/i.test(quote)) return null;
  // The label is what the basis cites: "Tuesday" rather than "on Tuesday".
  const label = quote.replace(/^on\s+/i, '');
  const date = resolve(result, quote, label, published, whyNot);
  return date ? { start, end, quote, date } : null;
}

function resolve(
  result: ParsedResult,
  quote: string,
  label: string,
  published: CalendarDay | null,
  whyNot: string,
): EngagementDate | null {
  const s = result.start;
  const ago = RELATIVE_AGO.exec(quote);
  const period = RELATIVE_PERIOD.exec(quote);
  const casualDay = CASUAL_DAY.test(quote);
  const weekdayOnly = !s.isCertain('day') && s.isCertain('weekday');
  const relative = ago || period || casualDay || weekdayOnly;
  if (relative && weekdayOnly) {
    const word = WEEKDAY_WORD.exec(quote);
    // A capitalised full name only: "sat down", "The Sun" are not dates.
    if (!word || !/^[A-Z]/.test(word[0])) return null;
  }
  if (relative && !published) {
    return { value: null, precision: 'unknown', inferred: true, basis: `"${label}" is relative and ${whyNot}` };
  }
  if (published && weekdayOnly) return resolveWeekday(s.get('weekday') ?? 0, label, published);
  if (published && ago) return resolveAgo(chronoDay(result), ago[2].toLowerCase(), label, published);
  if (published && period) return resolvePeriod(period[1].toLowerCase(), period[2].toLowerCase(), label, published);
  if (published && casualDay) {
    const day = chronoDay(result);
    return { value: formatDay(day), precision: 'day', inferred: true, basis: relation(label, day, published) };
  }
  return resolveExplicit(result, label, published, whyNot);
}

function chronoDay(result: ParsedResult): CalendarDay {
  const s = result.start;
  return { year: s.get('year') ?? 2000, month: s.get('month') ?? 1, day: s.get('day') ?? 1 };
}

function relation(label: string, day: CalendarDay, published: CalendarDay): string {
  const diff = daysBetween(published, day);
  const pub = formatDay(published);
  if (diff === 0) return `"${label}" = ${pub}, the publication day`;
  return diff < 0 ? `"${label}" before ${pub} (published)` : `"${label}" after ${pub} (published)`;
}

/** News style: "Monday" in Tuesday's paper is yesterday; "Tuesday" in Tuesday's paper is today. */
function resolveWeekday(target: number, label: string, published: CalendarDay): EngagementDate {
  const current = weekdayOf(published);
  let day: CalendarDay;
  if (/\b(?:next|coming)\b/i.test(label)) {
    day = addDays(published, (target - current + 7) % 7 || 7);
  } else {
    const back = (current - target + 7) % 7;
    // "last Monday" written on a Monday is a week ago, not today.
    day = addDays(published, /\b(?:last|previous)\b/i.test(label) && back === 0 ? -7 : -back);
  }
  return { value: formatDay(day), precision: 'day', inferred: true, basis: relation(label, day, published) };
}

function mondayOf(day: CalendarDay): CalendarDay {
  return addDays(day, -((weekdayOf(day) + 6) % 7));
}

function rangeDate(label: string, from: CalendarDay, to: CalendarDay, published: CalendarDay): EngagementDate {
  const { value, precision } = enclosing(from, to);
  const span = `${formatDay(from)} to ${formatDay(to)}`;
  return { value, precision, inferred: true, basis: `"${label}" = ${span}, from ${formatDay(published)} (published)` };
}

function resolveAgo(day: CalendarDay, unit: string, label: string, published: CalendarDay): EngagementDate {
  if (unit === 'day') return { value: formatDay(day), precision: 'day', inferred: true, basis: relation(label, day, published) };
  if (unit === 'week') {
    const monday = mondayOf(day);
    return rangeDate(label, monday, addDays(monday, 6), published);
  }
  const precision: DatePrecision = unit === 'month' ? 'month' : 'year';
  return { value: formatAt(day, precision), precision, inferred: true, basis: relation(label, day, published) };
}

function resolvePeriod(which: string, unit: string, label: string, published: CalendarDay): EngagementDate {
  const step = which === 'this' ? 0 : which === 'next' || which === 'coming' ? 1 : -1;
  if (which === 'past') {
    // "the past week/month/year": the span that ends the day before publication.
    const lengthDays = unit === 'week' ? 7 : unit === 'month' ? 30 : 365;
    return rangeDate(label, addDays(published, -lengthDays), addDays(published, -1), published);
  }
  if (unit === 'week') {
    const monday = addDays(mondayOf(published), 7 * step);
    return rangeDate(label, monday, addDays(monday, 6), published);
  }
  const anchor = unit === 'month' ? addMonths(published, step) : { year: published.year + step, month: 1, day: 1 };
  const precision = unit === 'month' ? 'month' : 'year';
  const basis = `"${label}" from ${formatDay(published)} (published)`;
  return { value: formatAt(anchor, precision), precision, inferred: true, basis };
}

/** A stated date. A missing year comes from the publication; the day and month stay stated. */
function resolveExplicit(
  result: ParsedResult,
  label: string,
  published: CalendarDay | null,
  whyNot: string,
): EngagementDate | null {
  const s = result.start;
  const hasDay = s.isCertain('day');
  const hasMonth = s.isCertain('month');
  const hasYear = s.isCertain('year');
  // Time only ("19:04"), or a name chrono took for a day ("ThisDay").
  if (!hasMonth && !hasYear) return null;
  const precision: Exclude<DatePrecision, 'unknown'> = hasDay && hasMonth ? 'day' : hasMonth ? 'month' : 'year';
  if (hasYear) return { value: formatAt(chronoDay(result), precision), precision, inferred: false };
  if (!published) return { value: null, precision: 'unknown', inferred: false, basis: `"${label}" gives no year and ${whyNot}` };
  let day = chronoDay(result);
  const weekday = s.isCertain('weekday') ? s.get('weekday') : null;
  if (weekday !== null && precision === 'day') day = yearMatchingWeekday(day, weekday, published);
  const basis = `"${label}": year ${day.year} from the publication date ${formatDay(published)}`;
  return { value: formatAt(day, precision), precision, inferred: false, basis };
}

/**
 * "Sunday, April 16" published in January 2024: chrono's nearest year is 2024, but April 16 was a
 * Sunday in 2023. A stated weekday is strong evidence, so the nearest year within a year of the
 * publication where it fits wins; if none fits, chrono's year stands.
 */
function yearMatchingWeekday(day: CalendarDay, weekday: number, published: CalendarDay): CalendarDay {
  const candidates = [published.year - 1, published.year, published.year + 1]
    .map((year) => ({ ...day, year }))
    .filter((d) => weekdayOf(d) === weekday && Math.abs(daysBetween(published, d)) <= YEAR_DAYS)
    .sort((a, b) => Math.abs(daysBetween(published, a)) - Math.abs(daysBetween(published, b)));
  return candidates[0] ?? day;
}
