/**
 * Calendar periods for grouping and the timeline. Engagement dates come at three precisions
 * (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`); a date is placed in a period only when its precision is fine
 * enough to know which one, so a year-only date is never silently drawn in January.
 * All arithmetic is on UTC calendar days: these are dates, not instants, and must not shift with
 * the analyst's time zone.
 */
import type { EngagementDate } from '../model/engagement';

export type PeriodUnit = 'week' | 'month' | 'year';

export interface Period {
  /** `2023`, `2023-04` or ISO week `2023-W14`: sorts chronologically as a string within one unit. */
  key: string;
  /** First and last day of the period, inclusive, `YYYY-MM-DD`: what a date brush filters on. */
  start: string;
  end: string;
}

interface YMD {
  year: number;
  month: number | null;
  day: number | null;
}

const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** The parts a stored date value actually holds; null for a missing or malformed value. */
export function dateParts(value: string | null): YMD | null {
  if (!value) return null;
  const m = DATE_RE.exec(value);
  if (!m) return null;
  const month = m[2] ? Number(m[2]) : null;
  const day = m[3] ? Number(m[3]) : null;
  if (month !== null && (month < 1 || month > 12)) return null;
  if (day !== null && (day < 1 || day > 31)) return null;
  return { year: Number(m[1]), month, day };
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

function monthPeriod(year: number, month: number): Period {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { key: `${year}-${pad(month)}`, start: `${year}-${pad(month)}-01`, end: `${year}-${pad(month)}-${pad(last)}` };
}

function yearPeriod(year: number): Period {
  return { key: String(year), start: `${year}-01-01`, end: `${year}-12-31` };
}

/** ISO 8601 week (weeks start on Monday; week 1 holds the year's first Thursday). */
function weekPeriodAt(ms: number): Period {
  const weekday = (new Date(ms).getUTCDay() + 6) % 7;
  const monday = ms - weekday * DAY_MS;
  const thursday = monday + 3 * DAY_MS;
  const isoYear = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(isoYear, 0, 1)) / DAY_MS / 7) + 1;
  return { key: `${isoYear}-W${pad(week)}`, start: isoDay(monday), end: isoDay(monday + 6 * DAY_MS) };
}

export type Placement = { period: Period } | { period: null; reason: 'undated' | 'imprecise' };

/** The period a date falls in, or why it has none: no date, or a date coarser than the unit. */
export function periodOf(date: EngagementDate, unit: PeriodUnit): Placement {
  const parts = date.precision === 'unknown' ? null : dateParts(date.value);
  if (!parts) return { period: null, reason: 'undated' };
  if (unit === 'year') return { period: yearPeriod(parts.year) };
  if (parts.month === null) return { period: null, reason: 'imprecise' };
  if (unit === 'month') return { period: monthPeriod(parts.year, parts.month) };
  if (parts.day === null) return { period: null, reason: 'imprecise' };
  return { period: weekPeriodAt(Date.UTC(parts.year, parts.month - 1, parts.day)) };
}

/** The period right after `period`, so a series can fill the gaps between its first and last. */
export function nextPeriod(period: Period, unit: PeriodUnit): Period {
  const [y, m, d] = period.end.split('-').map(Number);
  const dayAfter = Date.UTC(y, m - 1, d) + DAY_MS;
  const next = new Date(dayAfter);
  if (unit === 'year') return yearPeriod(next.getUTCFullYear());
  if (unit === 'month') return monthPeriod(next.getUTCFullYear(), next.getUTCMonth() + 1);
  return weekPeriodAt(dayAfter);
}

/**
 * Compare stored date values by where they start: `2023` sorts before `2023-04-04`. Good enough
 * for first/last dates on an edge, where a coarse date stands for its period.
 */
export function compareDateValues(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
