/**
 * Inter-coder agreement statistics: percent agreement, Cohen's kappa and Krippendorff's alpha.
 *
 * Every figure travels with the data behind it (units, pairable values) and is either a finite
 * number or null with a reason. A division by zero is a statement about the data ("every unit got
 * the same value, so chance agreement is total"), and a reviewer needs that sentence, not a NaN
 * that a CSV would print as "NaN" and a chart would silently drop.
 *
 * Reliability data is a list of units, each a list of values by coder, `null` where that coder gave
 * no value (Krippendorff's "missing"). Values are compared through a metric that gives each value a
 * key (equal keys = same value) and a distance between two distinct values.
 *
 * Pure: no Node, Electron or DOM; shared by main (CSV export) and the renderer (review view).
 */

/** A figure and what it rests on: `units` pairable units, `values` pairable values in them. */
export type Figure =
  | { value: number; reason: null; units: number; values: number }
  | { value: null; reason: string; units: number; values: number };

export type Unit<T> = ReadonlyArray<T | null>;

export type AlphaKind = 'nominal' | 'interval' | 'masi';

/** A distinct value and how many pairable values equal it (a margin of the coincidence matrix). */
export interface Margin<T> {
  value: T;
  count: number;
}

export interface AlphaMetric<T> {
  kind: AlphaKind;
  /** Equal keys mean equal values; the key also names the category in coincidence counts. */
  key: (value: T) => string;
  /** δ² between two values with different keys: must be > 0 and symmetric. */
  distance: (a: T, b: T) => number;
  /**
   * Σ over ordered pairs of distinct margins of n_c·n_k·δ²(c, k), when the metric has something
   * faster than visiting all V² pairs (pooled project data can hold thousands of distinct values).
   */
  expectedSum?: (margins: ReadonlyArray<Margin<T>>) => number;
}

export type Nominal = string | number;

const figure = (value: number, units: number, values: number): Figure => ({ value, reason: null, units, values });
const undefinedFigure = (reason: string, units: number, values: number): Figure => ({ value: null, reason, units, values });

/** Nominal: same or different. The type is part of the key so 1 and "1" stay distinct. */
export const nominalMetric: AlphaMetric<Nominal> = {
  kind: 'nominal',
  key: (v) => `${typeof v}:${v}`,
  distance: () => 1,
  // Every pair of distinct categories is at distance 1: N² − Σ n_c².
  expectedSum: (margins) => {
    const n = margins.reduce((sum, m) => sum + m.count, 0);
    return n * n - margins.reduce((sum, m) => sum + m.count * m.count, 0);
  },
};

/** Interval: squared difference (Krippendorff 2011, δ² = (c − k)²). */
export const intervalMetric: AlphaMetric<number> = {
  kind: 'interval',
  key: (v) => {
    // A NaN or Infinity here is a caller bug (an unparsed date); it would poison every sum.
    if (!Number.isFinite(v)) throw new RangeError(`Interval value must be finite, got ${v}`);
    return String(v);
  },
  distance: (a, b) => (a - b) ** 2,
  // Σ_{c,k} n_c n_k (x_c − x_k)² = 2N · Σ n_c (x_c − μ)². Centring on the mean first keeps day
  // numbers near 20 000 from losing digits to cancellation, as the raw-moments form would.
  expectedSum: (margins) => {
    if (margins.length < 2) return 0;
    const n = margins.reduce((sum, m) => sum + m.count, 0);
    const mean = margins.reduce((sum, m) => sum + m.count * m.value, 0) / n;
    return 2 * n * margins.reduce((sum, m) => sum + m.count * (m.value - mean) ** 2, 0);
  },
};

/**
 * MASI (Passonneau 2006, "Measuring Agreement on Set-valued Items"): 1 − J·M, where J is the
 * Jaccard index and M is 1 for equal sets, 2/3 when one contains the other, 1/3 when they only
 * overlap and 0 when disjoint. It gives partial credit for {A, B} vs {A, B, C}, which plain set
 * equality scores as a flat disagreement.
 */
export function masiDistance(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  const union = a.size + b.size - shared;
  const jaccard = shared / union;
  let monotonicity: number;
  if (shared === a.size && shared === b.size) monotonicity = 1;
  else if (shared === a.size || shared === b.size) monotonicity = 2 / 3;
  else if (shared > 0) monotonicity = 1 / 3;
  else monotonicity = 0;
  return 1 - jaccard * monotonicity;
}

/** Order-free key of a set; the unit separator cannot occur in ids or codebook keys. */
export function setKey(values: Iterable<string>): string {
  return [...new Set(values)].sort().join('\u001f');
}

export const masiMetric: AlphaMetric<ReadonlySet<string>> = {
  kind: 'masi',
  key: (v) => `set:${setKey(v)}`,
  distance: masiDistance,
  expectedSum: masiExpectedSum,
};

/**
 * Disjoint sets are at distance 1, so start from "all pairs at 1" (N² − Σ n_c²) and take back
 * the similarity of the pairs that share an element, found through an element → sets index.
 * Participant sets rarely overlap beyond a few frequent actors, so this is far below V².
 */
function masiExpectedSum(margins: ReadonlyArray<Margin<ReadonlySet<string>>>): number {
  const n = margins.reduce((sum, m) => sum + m.count, 0);
  let total = n * n - margins.reduce((sum, m) => sum + m.count * m.count, 0);
  const holders = new Map<string, number[]>();
  margins.forEach((m, i) => {
    for (const element of m.value) {
      const list = holders.get(element);
      if (list) list.push(i);
      else holders.set(element, [i]);
    }
  });
  const seen = new Array<number>(margins.length).fill(-1);
  margins.forEach((m, i) => {
    for (const element of m.value) {
      for (const j of holders.get(element) ?? []) {
        if (j <= i || seen[j] === i) continue;
        seen[j] = i;
        total -= 2 * m.count * margins[j].count * (1 - masiDistance(m.value, margins[j].value));
      }
    }
  });
  return total;
}

/** The non-null values of each unit that has at least two (the only ones that can be compared). */
function pairableUnits<T>(units: ReadonlyArray<Unit<T>>): T[][] {
  const out: T[][] = [];
  for (const unit of units) {
    const present = unit.filter((v): v is T => v !== null);
    if (present.length >= 2) out.push(present);
  }
  return out;
}

/**
 * Share of agreeing coder pairs. With two coders: the share of units (both coded) where they agree.
 * With more, pairwise: agreeing ordered pairs over all ordered pairs within units, the same pairs
 * alpha's observed disagreement counts, so the two figures describe the same comparisons.
 */
export function percentAgreement<T>(units: ReadonlyArray<Unit<T>>, metric: AlphaMetric<T>): Figure {
  const pairable = pairableUnits(units);
  const values = pairable.reduce((sum, u) => sum + u.length, 0);
  if (pairable.length === 0) return undefinedFigure('no unit has values from two coders', 0, 0);
  let agreeing = 0;
  let pairs = 0;
  for (const unit of pairable) {
    const counts = countKeys(unit, metric);
    for (const { count } of counts.values()) agreeing += count * (count - 1);
    pairs += unit.length * (unit.length - 1);
  }
  return figure(agreeing / pairs, pairable.length, values);
}

function countKeys<T>(values: readonly T[], metric: AlphaMetric<T>): Map<string, Margin<T>> {
  const counts = new Map<string, Margin<T>>();
  for (const v of values) {
    const key = metric.key(v);
    const entry = counts.get(key);
    if (entry) entry.count++;
    else counts.set(key, { value: v, count: 1 });
  }
  return counts;
}

/**
 * Cohen's kappa from a square contingency table (rows coder A, columns coder B, same category
 * order). Computed on integer counts, κ = (n·Σdiag − Σ rᵢcᵢ) / (n² − Σ rᵢcᵢ), so "expected agreement
 * is exactly 1" is an exact zero test rather than a float comparison.
 */
export function cohensKappaTable(table: ReadonlyArray<ReadonlyArray<number>>): Figure {
  const k = table.length;
  for (const row of table) {
    if (row.length !== k) throw new RangeError('Contingency table must be square');
    for (const c of row) if (!Number.isInteger(c) || c < 0) throw new RangeError('Counts must be non-negative integers');
  }
  let n = 0;
  let diagonal = 0;
  const rows = new Array<number>(k).fill(0);
  const cols = new Array<number>(k).fill(0);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const c = table[i][j];
      n += c;
      rows[i] += c;
      cols[j] += c;
      if (i === j) diagonal += c;
    }
  }
  if (n === 0) return undefinedFigure('no unit has values from two coders', 0, 0);
  let chance = 0;
  for (let i = 0; i < k; i++) chance += rows[i] * cols[i];
  const denominator = n * n - chance;
  if (denominator === 0) {
    return undefinedFigure('expected agreement is 1: both coders used one and the same category for every unit', n, 2 * n);
  }
  return figure((n * diagonal - chance) / denominator, n, 2 * n);
}

/**
 * Cohen's kappa for two coders on nominal values. Units where either coder gave no value are left
 * out (kappa has no notion of missing); the figure's `units` says how many remained.
 */
export function cohensKappa<T>(pairs: ReadonlyArray<readonly [T | null, T | null]>, metric: AlphaMetric<T>): Figure {
  const index = new Map<string, number>();
  const cells: Array<[number, number]> = [];
  const indexOf = (v: T): number => {
    const key = metric.key(v);
    let i = index.get(key);
    if (i === undefined) {
      i = index.size;
      index.set(key, i);
    }
    return i;
  };
  for (const [a, b] of pairs) if (a !== null && b !== null) cells.push([indexOf(a), indexOf(b)]);
  const table = Array.from({ length: index.size }, () => new Array<number>(index.size).fill(0));
  for (const [i, j] of cells) table[i][j]++;
  return cohensKappaTable(table);
}

/**
 * Krippendorff's alpha, any number of coders, missing values allowed (Krippendorff 2011,
 * "Computing Krippendorff's Alpha-Reliability"):
 *
 *   α = 1 − (n − 1) · Σᵤ [Σ_{i≠j in u} δ²(vᵢ, vⱼ) / (mᵤ − 1)] / Σ_{c≠k} n_c·n_k·δ²(c, k)
 *
 * over units with mᵤ ≥ 2 values; n is the number of those pairable values and n_c how many of them
 * are c. Expected disagreement runs over the distinct values (the coincidence matrix's margins),
 * through the metric's closed form where it has one.
 */
export function krippendorffAlpha<T>(units: ReadonlyArray<Unit<T>>, metric: AlphaMetric<T>): Figure {
  const pairable = pairableUnits(units);
  const n = pairable.reduce((sum, u) => sum + u.length, 0);
  if (pairable.length === 0) return undefinedFigure('no unit has values from two coders', 0, 0);

  let observed = 0;
  for (const unit of pairable) {
    const counts = [...countKeys(unit, metric).values()];
    let within = 0;
    for (let i = 0; i < counts.length; i++) {
      for (let j = i + 1; j < counts.length; j++) {
        within += 2 * counts[i].count * counts[j].count * metric.distance(counts[i].value, counts[j].value);
      }
    }
    observed += within / (unit.length - 1);
  }

  const margins = [...countKeys(pairable.flat(), metric).values()];
  const expected = metric.expectedSum ? metric.expectedSum(margins) : pairwiseExpectedSum(margins, metric);
  // Exact zero only: with one distinct value every form above returns 0 without rounding.
  if (expected === 0) {
    return undefinedFigure('every pairable value is the same: no variation, so expected disagreement is 0', pairable.length, n);
  }
  return figure(1 - ((n - 1) * observed) / expected, pairable.length, n);
}

/** The definition: every ordered pair of distinct margins, O(V²). */
export function pairwiseExpectedSum<T>(margins: ReadonlyArray<Margin<T>>, metric: AlphaMetric<T>): number {
  let sum = 0;
  for (let i = 0; i < margins.length; i++) {
    for (let j = i + 1; j < margins.length; j++) sum += 2 * margins[i].count * margins[j].count * metric.distance(margins[i].value, margins[j].value);
  }
  return sum;
}
