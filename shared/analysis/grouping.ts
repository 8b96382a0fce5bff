/**
 * Grouping and counts for the engagements table (by country pair, type, topic, period) and the
 * timeline series (engagements per week, month or year, stacked by type). Every group and bucket
 * carries its engagement ids, so expanding a group or brushing a period filters by exactly what
 * was counted.
 */
import type { Codebook } from '../model/codebook';
import type { Engagement } from '../model/engagement';
import { edgeId } from './aggregate';
import { nextPeriod, type Period, type PeriodUnit, periodOf } from './periods';
import { type ActorContext, createSideResolver } from './sides';

export interface EngagementGroup {
  /** Stable key: a country pair's key equals the sides graph's edge id for that pair. */
  key: string;
  label: string;
  count: number;
  engagementIds: string[];
}

/** Key of the group for engagements that have no value (no topic, no side, no date). */
export const NONE_KEY = '';

class Groups {
  private readonly groups = new Map<string, EngagementGroup>();

  add(key: string, label: string, engagementId: string): void {
    let g = this.groups.get(key);
    if (!g) {
      g = { key, label, count: 0, engagementIds: [] };
      this.groups.set(key, g);
    }
    // One engagement counts once per group, even with two topics folding into one key.
    if (g.engagementIds[g.engagementIds.length - 1] === engagementId) return;
    g.count += 1;
    g.engagementIds.push(engagementId);
  }

  /** Largest first; the "none" group last, since it is the one to fix rather than to read. */
  byCount(): EngagementGroup[] {
    return [...this.groups.values()].sort(
      (a, b) => Number(a.key === NONE_KEY) - Number(b.key === NONE_KEY) || b.count - a.count || a.label.localeCompare(b.label),
    );
  }

  byKey(): EngagementGroup[] {
    return [...this.groups.values()].sort(
      (a, b) => Number(a.key === NONE_KEY) - Number(b.key === NONE_KEY) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
    );
  }
}

/**
 * One group per unordered pair of sides; an engagement of n sides is counted in each of its
 * n(n-1)/2 pairs (as on the graph). A one-sided engagement is grouped under its single side.
 */
export function groupByCountryPair(engagements: readonly Engagement[], ctx: ActorContext): EngagementGroup[] {
  const sides = createSideResolver(ctx);
  const groups = new Groups();
  for (const e of engagements) {
    const refs = sides.sidesOf(e);
    if (refs.length === 0) groups.add(NONE_KEY, '(no side)', e.id);
    if (refs.length === 1) groups.add(refs[0].id, refs[0].label, e.id);
    for (let i = 0; i < refs.length; i++) {
      for (let j = i + 1; j < refs.length; j++) {
        const [a, b] = [refs[i], refs[j]].sort((x, y) => x.label.localeCompare(y.label));
        groups.add(edgeId(a.id, b.id), `${a.label} – ${b.label}`, e.id);
      }
    }
  }
  return groups.byCount();
}

function labelIn(codebook: Codebook | undefined, list: 'types' | 'topics', key: string): string {
  return codebook?.[list].find((v) => v.key === key)?.label ?? key;
}

export function groupByType(engagements: readonly Engagement[], codebook?: Codebook): EngagementGroup[] {
  const groups = new Groups();
  for (const e of engagements) groups.add(e.type, labelIn(codebook, 'types', e.type), e.id);
  return groups.byCount();
}

/** An engagement with several topics counts once under each. */
export function groupByTopic(engagements: readonly Engagement[], codebook?: Codebook): EngagementGroup[] {
  const groups = new Groups();
  for (const e of engagements) {
    if (e.topics.length === 0) groups.add(NONE_KEY, '(no topic)', e.id);
    for (const topic of new Set(e.topics)) groups.add(topic, labelIn(codebook, 'topics', topic), e.id);
  }
  return groups.byCount();
}

/**
 * By calendar period, in time order. A date coarser than the unit (a year-only date when grouping
 * by month) gets its own group (`2023`, "2023, month unknown") instead of being guessed into one.
 */
export function groupByPeriod(engagements: readonly Engagement[], unit: PeriodUnit): EngagementGroup[] {
  const groups = new Groups();
  for (const e of engagements) {
    const placed = periodOf(e.date, unit);
    if (placed.period) {
      groups.add(placed.period.key, placed.period.key, e.id);
    } else if (placed.reason === 'imprecise') {
      const coarse = (unit === 'week' ? periodOf(e.date, 'month').period : null) ?? periodOf(e.date, 'year').period;
      if (coarse) groups.add(coarse.key, `${coarse.key}, ${unit} unknown`, e.id);
    } else {
      groups.add(NONE_KEY, 'Undated', e.id);
    }
  }
  return groups.byKey();
}

export interface TimelineBucket extends Period {
  countsByType: Record<string, number>;
  total: number;
  engagementIds: string[];
}

export interface TimelineSeries {
  unit: PeriodUnit;
  /** Stack order: codebook order when given, then the rest by key. */
  types: string[];
  /** Contiguous from the first to the last dated period, empty periods included. */
  buckets: TimelineBucket[];
  /** Not drawn: no date at all, or a date coarser than the unit. The view says how many. */
  undated: string[];
  imprecise: string[];
}

export interface TimelineOptions {
  typeOrder?: readonly string[];
  /**
   * Gap filling stops past this many buckets: one mistyped year (0203 for 2023) in a weekly view
   * would otherwise make a hundred thousand empty bars. Only the dated periods are kept then.
   */
  maxBuckets?: number;
}

export function timelineSeries(engagements: readonly Engagement[], unit: PeriodUnit, options: TimelineOptions = {}): TimelineSeries {
  const filled = new Map<string, TimelineBucket>();
  const undated: string[] = [];
  const imprecise: string[] = [];
  const typeSet = new Set<string>();
  for (const e of engagements) {
    const placed = periodOf(e.date, unit);
    if (!placed.period) {
      (placed.reason === 'undated' ? undated : imprecise).push(e.id);
      continue;
    }
    let bucket = filled.get(placed.period.key);
    if (!bucket) {
      bucket = { ...placed.period, countsByType: {}, total: 0, engagementIds: [] };
      filled.set(bucket.key, bucket);
    }
    bucket.countsByType[e.type] = (bucket.countsByType[e.type] ?? 0) + 1;
    bucket.total += 1;
    bucket.engagementIds.push(e.id);
    typeSet.add(e.type);
  }

  const dated = [...filled.values()].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const buckets: TimelineBucket[] = [];
  const maxBuckets = options.maxBuckets ?? 5000;
  if (dated.length > 0) {
    let period: Period = dated[0];
    const last = dated[dated.length - 1];
    while (period.start <= last.start && buckets.length < maxBuckets) {
      buckets.push(filled.get(period.key) ?? { ...period, countsByType: {}, total: 0, engagementIds: [] });
      period = nextPeriod(period, unit);
    }
    if (buckets.length >= maxBuckets && period.start <= last.start) buckets.splice(0, buckets.length, ...dated);
  }

  const order = options.typeOrder ?? [];
  const rank = (t: string): number => (order.includes(t) ? order.indexOf(t) : order.length);
  const types = [...typeSet].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  return { unit, types, buckets, undated, imprecise };
}
