/**
 * Pairs the engagements two coders made for one document, so that agreement can be measured
 * field by field on records that describe the same real-world event.
 *
 * Candidates: same type (or a type the caller declares compatible), at least one shared participant
 * (by actor id, after merged actors are resolved) and dates no further apart than a tolerance.
 * An unknown date never blocks: a coder who could not date the meeting still coded the meeting.
 * Among candidates the pairing with the largest total overlap is chosen by optimal assignment
 * (see assignment.ts for why not greedy or exhaustive).
 *
 * Whatever stays unpaired is returned per coder: agreement.ts counts it as a disagreement against
 * an "absent" value, never as missing data, since a coder who left out an event disagreed.
 *
 * Known property of maximising the sum: two moderate pairs can outscore one perfect pair plus two
 * leftovers. That is the trade the issue asks for (overlap, not exact matches first); the per-pair
 * `score` and `detail` let the review view show how close each pair really is.
 */
import type { Engagement, EngagementDate } from '../model/engagement';
import { maxWeightAssignment } from './assignment';

export interface MatchOptions {
  /** Largest gap in days between the two dates for a pair to be a candidate. Default 1. */
  dateToleranceDays?: number;
  /** Whether two different type keys may still pair (e.g. CONSULT vs AGREE). Default: never. */
  compatibleTypes?: (a: string, b: string) => boolean;
  /** The surviving actor id after merges; default: ids are taken as they are. */
  resolveActor?: (actorId: string) => string;
}

export interface PairDetail {
  /** |shared participants| / |all participants|, over resolved actor ids. */
  participantsJaccard: number;
  typeEqual: boolean;
  /** Days between the two dates (0 when one range contains the other); null if either is unknown. */
  dateGapDays: number | null;
}

export interface MatchedPair {
  a: Engagement;
  b: Engagement;
  /** participantsJaccard + (typeEqual ? 1 : 0) + date closeness (1 at gap 0, falling to 0 past the tolerance). */
  score: number;
  detail: PairDetail;
}

export interface MatchResult {
  pairs: MatchedPair[];
  /** Coder A's engagements with no counterpart, in A's order. */
  onlyA: Engagement[];
  /** Coder B's engagements with no counterpart, in B's order. */
  onlyB: Engagement[];
}

export const DEFAULT_DATE_TOLERANCE_DAYS = 1;

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 of a calendar day, or null for an impossible one (2023-02-30). */
function dayNumber(year: number, month: number, day: number): number | null {
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  // Date.UTC maps years 0-99 to 1900-1999; setUTCFullYear would be needed for those, and no
  // engagement in a news archive is dated in the first century, so they are simply refused.
  if (year < 100 || check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return Math.round(ms / MS_PER_DAY);
}

/**
 * The days an engagement date may fall on, as [first, last] days since the epoch: one day for day
 * precision, the whole month or year otherwise. Null when unknown or not parseable as its precision.
 * Computed on UTC midnights: a news date is a calendar day, not an instant (see shared/dates).
 */
export function dateRangeDays(date: EngagementDate): readonly [number, number] | null {
  if (date.value === null) return null;
  const v = date.value;
  if (date.precision === 'day') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
    const d = m ? dayNumber(Number(m[1]), Number(m[2]), Number(m[3])) : null;
    return d === null ? null : [d, d];
  }
  if (date.precision === 'month') {
    const m = /^(\d{4})-(\d{2})$/.exec(v);
    if (!m) return null;
    const year = Number(m[1]);
    const month = Number(m[2]);
    const first = dayNumber(year, month, 1);
    const next = month === 12 ? dayNumber(year + 1, 1, 1) : dayNumber(year, month + 1, 1);
    return first === null || next === null ? null : [first, next - 1];
  }
  if (date.precision === 'year') {
    const m = /^(\d{4})$/.exec(v);
    if (!m) return null;
    const first = dayNumber(Number(m[1]), 1, 1);
    const next = dayNumber(Number(m[1]) + 1, 1, 1);
    return first === null || next === null ? null : [first, next - 1];
  }
  return null;
}

/** Day-precision dates only: days since the epoch, else null (the interval scale for alpha). */
export function dayNumberOf(date: EngagementDate): number | null {
  if (date.precision !== 'day') return null;
  const range = dateRangeDays(date);
  return range === null ? null : range[0];
}

/** Gap between two date ranges in days; 0 if they overlap; null if either is unknown. */
export function dateGapDays(a: EngagementDate, b: EngagementDate): number | null {
  const ra = dateRangeDays(a);
  const rb = dateRangeDays(b);
  if (ra === null || rb === null) return null;
  return Math.max(0, ra[0] - rb[1], rb[0] - ra[1]);
}

/** A `compatibleTypes` predicate from groups of keys that may pair with each other. */
export function compatibleWithin(groups: ReadonlyArray<ReadonlyArray<string>>): (a: string, b: string) => boolean {
  const groupOf = new Map<string, Set<number>>();
  groups.forEach((group, i) => {
    for (const key of group) {
      const set = groupOf.get(key) ?? new Set<number>();
      set.add(i);
      groupOf.set(key, set);
    }
  });
  return (a, b) => {
    if (a === b) return true;
    const ga = groupOf.get(a);
    const gb = groupOf.get(b);
    if (!ga || !gb) return false;
    for (const g of ga) if (gb.has(g)) return true;
    return false;
  };
}

/** Resolved actor ids of an engagement's participants, as a set. */
export function participantActors(e: Engagement, resolveActor: (id: string) => string = (id) => id): Set<string> {
  return new Set(e.participants.map((p) => resolveActor(p.actorId)));
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

/** The pair's detail and score if the two may pair, else null. */
export function scorePair(a: Engagement, b: Engagement, options: MatchOptions = {}): { score: number; detail: PairDetail } | null {
  const tolerance = options.dateToleranceDays ?? DEFAULT_DATE_TOLERANCE_DAYS;
  if (!Number.isFinite(tolerance) || tolerance < 0) throw new RangeError(`dateToleranceDays must be >= 0, got ${tolerance}`);
  const typeEqual = a.type === b.type;
  if (!typeEqual && !(options.compatibleTypes?.(a.type, b.type) ?? false)) return null;
  const participantsJaccard = jaccard(participantActors(a, options.resolveActor), participantActors(b, options.resolveActor));
  if (participantsJaccard === 0) return null;
  const gap = dateGapDays(a.date, b.date);
  if (gap !== null && gap > tolerance) return null;
  // Closeness is 1 at the same day and still > 0 at the tolerance, so a dated candidate always
  // beats an otherwise equal undated one (closeness 0) without ever blocking the undated one.
  const closeness = gap === null ? 0 : 1 - gap / (tolerance + 1);
  return { score: participantsJaccard + (typeEqual ? 1 : 0) + closeness, detail: { participantsJaccard, typeEqual, dateGapDays: gap } };
}

/** Pairs coder A's and coder B's engagements on one document; see the module comment. */
export function matchEngagements(a: readonly Engagement[], b: readonly Engagement[], options: MatchOptions = {}): MatchResult {
  const scored = a.map((ea) => b.map((eb) => scorePair(ea, eb, options)));
  // Every candidate scores > 0 (it shares a participant), so 0 can stand for "not a candidate".
  const assignment = maxWeightAssignment(scored.map((row) => row.map((s) => s?.score ?? 0)));
  const pairs: MatchedPair[] = [];
  const takenB = new Set<number>();
  assignment.forEach((j, i) => {
    const s = j >= 0 ? scored[i][j] : null;
    if (s === null) return;
    pairs.push({ a: a[i], b: b[j], score: s.score, detail: s.detail });
    takenB.add(j);
  });
  return {
    pairs,
    onlyA: a.filter((_, i) => assignment[i] < 0 || scored[i][assignment[i]] === null),
    onlyB: b.filter((_, j) => !takenB.has(j)),
  };
}
