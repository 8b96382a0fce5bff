/**
 * Publication dates as they appear in article text and metadata. Deliberately narrow: only
 * unambiguous forms are read, because a wrong date silently misplaces an engagement on the
 * timeline, while a missing one is visible and the analyst fills it in.
 */

const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5,
  june: 6, jun: 6, july: 7, jul: 7, august: 8, aug: 8, september: 9, sept: 9, sep: 9,
  october: 10, oct: 10, november: 11, nov: 11, december: 12, dec: 12,
};

const MONTH_NAMES = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');

const YEAR_FIRST = /\b((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})\b/;
const MONTH_FIRST = new RegExp(`\\b(${MONTH_NAMES})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+((?:19|20)\\d{2})\\b`, 'i');
const DAY_FIRST = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH_NAMES})\\.?,?\\s+((?:19|20)\\d{2})\\b`, 'i');
const NUMERIC = /\b(\d{1,2})[-/.](\d{1,2})[-/.]((?:19|20)\d{2})\b/;

export interface FoundDate {
  /** `YYYY-MM-DD`. */
  iso: string;
  /** Where the date text starts in the searched string, and its length. */
  index: number;
  length: number;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function isoDay(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return null;
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > daysInMonth) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

function monthOf(name: string): number {
  return MONTHS[name.toLowerCase()] ?? 0;
}

/** The earliest unambiguous date in `s`, or null. `03/04/2023` is skipped: day or month? */
export function findDate(s: string): FoundDate | null {
  const found: FoundDate[] = [];
  const push = (m: RegExpExecArray | null, y: number, mo: number, d: number): void => {
    if (!m) return;
    const iso = isoDay(y, mo, d);
    if (iso) found.push({ iso, index: m.index, length: m[0].length });
  };
  const yf = YEAR_FIRST.exec(s);
  if (yf) push(yf, Number(yf[1]), Number(yf[2]), Number(yf[3]));
  const mf = MONTH_FIRST.exec(s);
  if (mf) push(mf, Number(mf[3]), monthOf(mf[1]), Number(mf[2]));
  const df = DAY_FIRST.exec(s);
  if (df) push(df, Number(df[3]), monthOf(df[2]), Number(df[1]));
  const nu = NUMERIC.exec(s);
  if (nu) {
    const a = Number(nu[1]);
    const b = Number(nu[2]);
    if (a > 12 && b <= 12) push(nu, Number(nu[3]), b, a);
    else if (b > 12 && a <= 12) push(nu, Number(nu[3]), a, b);
    else if (a === b) push(nu, Number(nu[3]), a, b);
  }
  found.sort((x, y) => x.index - y.index);
  return found[0] ?? null;
}

/** `Tue, 04 Apr 2023 16:04:00 +0300` (mail and RSS): kept with its own offset. */
const RFC_2822 = new RegExp(`^(?:\\w{3},?\\s+)?(\\d{1,2})\\s+(${MONTH_NAMES})\\.?\\s+(\\d{4})\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*([+-]\\d{4}|GMT|UTC?|Z)?(?:\\s*\\(.*\\))?$`, 'i');

const ISO_STAMP = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Epoch seconds or milliseconds (JSON exports use both) to an ISO timestamp. */
export function epochToIso(n: number): string | null {
  if (!Number.isFinite(n) || n <= 0) return null;
  const ms = n > 1e11 ? n : n * 1000;
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  return y >= 1900 && y <= 2100 ? d.toISOString() : null;
}

/**
 * A metadata date (meta tag, JSON field, mail header) to the model's form: `YYYY-MM-DD`,
 * `YYYY-MM`, `YYYY`, or a full ISO timestamp. ISO input keeps its offset: the local date of
 * publication is what the analyst expects to see, not its UTC shadow.
 */
export function normaliseDateValue(raw: string): string | null {
  const s = raw.trim();
  if (s === '') return null;
  const iso = ISO_STAMP.exec(s);
  if (iso) {
    if (!isoDay(Number(iso[1]), Number(iso[2]), Number(iso[3]))) return null;
    return iso[4] === undefined ? s.slice(0, 10) : s.replace(' ', 'T').replace(/\s+/g, '');
  }
  const partial = /^((?:19|20)\d{2})(?:-(\d{2}))?$/.exec(s);
  if (partial) return partial[2] === undefined || (Number(partial[2]) >= 1 && Number(partial[2]) <= 12) ? s : null;
  if (/^\d{9,13}$/.test(s)) return epochToIso(Number(s));
  const pdf = /^D:(\d{4})(\d{2})?(\d{2})?/.exec(s);
  if (pdf) {
    if (pdf[3]) return isoDay(Number(pdf[1]), Number(pdf[2]), Number(pdf[3]));
    return pdf[2] ? `${pdf[1]}-${pdf[2]}` : pdf[1];
  }
  const rfc = RFC_2822.exec(s);
  if (rfc) {
    const day = isoDay(Number(rfc[3]), monthOf(rfc[2]), Number(rfc[1]));
    if (day) {
      const zone = !rfc[7] || /^(?:gmt|ut|utc|z)$/i.test(rfc[7]) ? 'Z' : `${rfc[7].slice(0, 3)}:${rfc[7].slice(3)}`;
      return `${day}T${rfc[4].padStart(2, '0')}:${rfc[5]}:${rfc[6] ?? '00'}${zone}`;
    }
  }
  // Other forms with a time ("2023-04-04 7:04 PM GMT"): the runtime's parser, in UTC.
  if (/\d{1,2}:\d{2}/.test(s)) {
    const t = Date.parse(s);
    if (!Number.isNaN(t)) return epochToIso(t);
  }
  return findDate(s)?.iso ?? null;
}
