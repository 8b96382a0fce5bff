/**
 * Calendar-day arithmetic without time zones. A news date is a day on the outlet's calendar, not an
 * instant: going through `Date` in local time would shift "2023-04-04" to the 3rd west of UTC, so
 * every computation here is done on UTC midnights and printed back as plain components.
 */
import type { DatePrecision } from '../model/engagement';

/** A day on the calendar; month is 1-12. */
export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

const MS_PER_DAY = 86_400_000;

function toUtc(d: CalendarDay): number {
  return Date.UTC(d.year, d.month - 1, d.day);
}

function fromUtc(ms: number): CalendarDay {
  const date = new Date(ms);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function addDays(d: CalendarDay, days: number): CalendarDay {
  return fromUtc(toUtc(d) + days * MS_PER_DAY);
}

/** First day of the month `months` away (negative goes back). */
export function addMonths(d: CalendarDay, months: number): CalendarDay {
  const index = d.year * 12 + (d.month - 1) + months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1, day: 1 };
}

/** 0 = Sunday ... 6 = Saturday, as chrono and `Date#getDay` count. */
export function weekdayOf(d: CalendarDay): number {
  return new Date(toUtc(d)).getUTCDay();
}

/** Days from a to b (positive when b is later). */
export function daysBetween(a: CalendarDay, b: CalendarDay): number {
  return Math.round((toUtc(b) - toUtc(a)) / MS_PER_DAY);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export function formatDay(d: CalendarDay): string {
  return `${pad(d.year, 4)}-${pad(d.month, 2)}-${pad(d.day, 2)}`;
}

export function formatMonth(d: CalendarDay): string {
  return `${pad(d.year, 4)}-${pad(d.month, 2)}`;
}

/** The value string an EngagementDate carries for a precision. */
export function formatAt(d: CalendarDay, precision: Exclude<DatePrecision, 'unknown'>): string {
  if (precision === 'day') return formatDay(d);
  if (precision === 'month') return formatMonth(d);
  return pad(d.year, 4);
}

/**
 * The finest precision that still holds a whole range: "last week" is a week, which the model cannot
 * express, so it becomes the month (or year) that contains all seven days, or unknown when the
 * week straddles two years. Claiming a day would be false precision.
 */
export function enclosing(from: CalendarDay, to: CalendarDay): { value: string | null; precision: DatePrecision } {
  if (from.year !== to.year) return { value: null, precision: 'unknown' };
  if (from.month !== to.month) return { value: formatAt(from, 'year'), precision: 'year' };
  if (from.day !== to.day) return { value: formatAt(from, 'month'), precision: 'month' };
  return { value: formatDay(from), precision: 'day' };
}

/**
 * The calendar day of a publication timestamp, taken from its written date (`2023-04-04`,
 * `2023-04-04T23:30:00-05:00`): the outlet's own day, which is what "Monday" in its text counts
 * from. Converting to UTC first would move a late-evening story to the next day.
 */
export function parsePublishedDay(publishedAt: string | null): { day: CalendarDay | null; reason: string } {
  if (!publishedAt?.trim()) return { day: null, reason: 'the article has no publication date' };
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(publishedAt.trim());
  if (!m) return { day: null, reason: `the publication date "${publishedAt}" is not an ISO date` };
  if (m[3] === undefined) return { day: null, reason: `the publication date ${m[1]}-${m[2]} is not precise to the day` };
  const day = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  // Reject 2023-02-31 and the like rather than letting Date roll it into March.
  if (formatDay(fromUtc(toUtc(day))) !== formatDay(day)) {
    return { day: null, reason: `the publication date "${publishedAt}" is not a real day` };
  }
  return { day, reason: '' };
}
