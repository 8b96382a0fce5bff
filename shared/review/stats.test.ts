import { describe, expect, it } from 'vitest';
import {
  cohensKappa,
  cohensKappaTable,
  type Figure,
  intervalMetric,
  krippendorffAlpha,
  masiDistance,
  masiMetric,
  type Nominal,
  nominalMetric,
  pairwiseExpectedSum,
  percentAgreement,
} from './stats';

const _ = null;

/** Units × coders from coders × units, the way published tables print reliability data. */
const byUnit = <T>(coders: ReadonlyArray<ReadonlyArray<T | null>>): Array<Array<T | null>> =>
  coders[0].map((_, u) => coders.map((c) => c[u]));

/**
 * Krippendorff (2011) "Computing Krippendorff's Alpha-Reliability", section C: four observers,
 * twelve units, values 1-5, with missing data.
 *
 * By hand: unit 12 has one value and drops out; n = 40 pairable values in 11 units.
 * Value totals n_1..n_5 = 9, 13, 10, 5, 3 (Σ n_c² = 384).
 * Disagreeing units: u2 {2,2,3,2}, u6 {1,2,3,4}, u8 {1,1,2,1}, each m = 4, so each ordered pair
 * weighs 1/3. Ordered disagreeing pairs: u2 6, u6 12, u8 6 → observed Σ = 24/3 = 8.
 * Nominal: α = 1 − (n−1)·8 / (n² − Σ n_c²) = 1 − 39·8/1216 = 0.7434.
 * Interval (δ² = (c−k)²): observed = (6·1 + 2·20 + 6·1)/3 = 52/3 (u6's unordered pairs sum to
 * 1+4+9+1+4+1 = 20); expected = 2·Σ_{c<k} n_c n_k (c−k)² = 2·2240 = 4480;
 * α = 1 − 39·(52/3)/4480 = 1 − 676/4480 = 0.8491.
 */
const KRIPPENDORFF_2011_C = byUnit<number>([
  [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
  [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
]);

/**
 * The three-coder, fifteen-unit example used by Wikipedia's "Krippendorff's alpha" article and
 * the `krippendorff` Python package's tests (nominal 0.691, interval 0.811).
 * By hand: 12 pairable units, n = 26. Nominal: observed Σ = 6, n² − Σ n_c² = 486,
 * α = 1 − 25·6/486 = 56/81 = 0.6914. Interval: observed Σ = 12, expected Σ = 1586,
 * α = 1 − 25·12/1586 = 643/793 = 0.8108.
 */
const WIKIPEDIA_3x15 = byUnit<number>([
  [_, _, _, _, _, 3, 4, 1, 2, 1, 1, 3, 3, _, 3],
  [1, _, 2, 1, 3, 3, 4, 3, _, _, _, _, _, _, _],
  [_, _, 2, 1, 3, 4, 4, _, 2, 1, 1, 3, 3, _, 4],
]);

/**
 * Krippendorff (2011) section A: binary data, two observers, ten units, no missing values.
 * Disagreements in u1, u3, u6, u9: o_01 = 4. n = 20 with n_0 = 14, n_1 = 6.
 * α = 1 − (n−1)·o_01/(n_0·n_1) = 1 − 19·4/84 = 0.0952.
 * Cohen's kappa on the same data: table (A rows, B columns) [[5, 3], [1, 1]]; p_o = 0.6,
 * p_e = (8·6 + 2·4)/100 = 0.56, κ = 0.04/0.44 = 1/11 = 0.0909.
 */
const KRIPPENDORFF_2011_A = { a: [0, 1, 0, 0, 0, 0, 0, 0, 1, 0], b: [1, 1, 1, 0, 0, 1, 0, 0, 0, 0] };

const value = (f: Figure): number => {
  if (f.value === null) throw new Error(`expected a value, got null: ${f.reason}`);
  return f.value;
};

describe("Krippendorff's alpha against published worked examples", () => {
  it('reproduces Krippendorff 2011 section C, nominal: 0.743 over 11 units and 40 values', () => {
    const alpha = krippendorffAlpha<Nominal>(KRIPPENDORFF_2011_C, nominalMetric);
    expect(value(alpha)).toBeCloseTo(1 - (39 * 8) / 1216, 12);
    expect(value(alpha)).toBeCloseTo(0.743, 3);
    expect(alpha).toMatchObject({ units: 11, values: 40, reason: null });
  });

  it('reproduces Krippendorff 2011 section C, interval: 0.849', () => {
    const alpha = krippendorffAlpha(KRIPPENDORFF_2011_C, intervalMetric);
    expect(value(alpha)).toBeCloseTo(1 - 676 / 4480, 12);
    expect(value(alpha)).toBeCloseTo(0.849, 3);
  });

  it('reproduces Krippendorff 2011 section A (binary, two observers): 0.095', () => {
    const units = KRIPPENDORFF_2011_A.a.map((a, i) => [a, KRIPPENDORFF_2011_A.b[i]]);
    expect(value(krippendorffAlpha<Nominal>(units, nominalMetric))).toBeCloseTo(1 - 76 / 84, 12);
  });

  it('reproduces the Wikipedia three-coder example: nominal 0.691, interval 0.811', () => {
    expect(value(krippendorffAlpha<Nominal>(WIKIPEDIA_3x15, nominalMetric))).toBeCloseTo(56 / 81, 12);
    expect(value(krippendorffAlpha(WIKIPEDIA_3x15, intervalMetric))).toBeCloseTo(643 / 793, 12);
    expect(krippendorffAlpha(WIKIPEDIA_3x15, intervalMetric)).toMatchObject({ units: 12, values: 26 });
  });

  it('does not depend on the order of units or of coders', () => {
    const shuffled = [...KRIPPENDORFF_2011_C].reverse().map((u) => [...u].reverse());
    expect(value(krippendorffAlpha(shuffled, intervalMetric))).toBeCloseTo(1 - 676 / 4480, 12);
  });
});

describe("Cohen's kappa", () => {
  it('gives 0.4 for the textbook 2×2 table 20/5/10/15 (p_o = 0.7, p_e = 0.5)', () => {
    const kappa = cohensKappaTable([
      [20, 5],
      [10, 15],
    ]);
    expect(value(kappa)).toBeCloseTo(0.4, 12);
    expect(kappa).toMatchObject({ units: 50, values: 100 });
  });

  it('gives the same from the 50 coded pairs the table summarises', () => {
    const pairs: Array<[string, string]> = [
      ...Array.from({ length: 20 }, (): [string, string] => ['yes', 'yes']),
      ...Array.from({ length: 5 }, (): [string, string] => ['yes', 'no']),
      ...Array.from({ length: 10 }, (): [string, string] => ['no', 'yes']),
      ...Array.from({ length: 15 }, (): [string, string] => ['no', 'no']),
    ];
    expect(value(cohensKappa<Nominal>(pairs, nominalMetric))).toBeCloseTo(0.4, 12);
  });

  it('gives 1/11 on Krippendorff 2011 section A, and drops units with a missing side', () => {
    const { a, b } = KRIPPENDORFF_2011_A;
    const pairs: Array<[number | null, number | null]> = a.map((x, i) => [x, b[i]]);
    expect(value(cohensKappa<Nominal>(pairs, nominalMetric))).toBeCloseTo(1 / 11, 12);
    const withMissing = [...pairs, [1, null] as [number, null], [null, 0] as [null, number]];
    expect(cohensKappa<Nominal>(withMissing, nominalMetric)).toMatchObject({ units: 10 });
    expect(value(cohensKappa<Nominal>(withMissing, nominalMetric))).toBeCloseTo(1 / 11, 12);
  });

  it('is 1 for perfect agreement with variation and negative below chance', () => {
    expect(value(cohensKappa<Nominal>([['x', 'x'], ['y', 'y']], nominalMetric))).toBe(1);
    // Always opposite: p_o = 0, p_e = 0.5 → κ = −1.
    expect(value(cohensKappa<Nominal>([['x', 'y'], ['y', 'x']], nominalMetric))).toBe(-1);
  });

  it('is null with a reason when every unit is the same category (p_e = 1), never NaN', () => {
    const kappa = cohensKappa<Nominal>([['coded', 'coded'], ['coded', 'coded']], nominalMetric);
    expect(kappa.value).toBeNull();
    expect(kappa.reason).toMatch(/expected agreement is 1/);
    expect(kappa.units).toBe(2);
  });

  it('is null when no unit has both coders', () => {
    expect(cohensKappa<Nominal>([['x', null]], nominalMetric)).toMatchObject({ value: null, units: 0, reason: expect.stringMatching(/no unit/) });
    expect(cohensKappaTable([])).toMatchObject({ value: null, units: 0 });
  });

  it('refuses a table that is not square or has non-count cells', () => {
    expect(() => cohensKappaTable([[1, 2]])).toThrow(RangeError);
    expect(() => cohensKappaTable([[0.5]])).toThrow(RangeError);
  });
});

describe('percent agreement', () => {
  it('is the share of agreeing units for two coders, ignoring units one coder skipped', () => {
    const f = percentAgreement<Nominal>([['x', 'x'], ['x', 'y'], ['y', 'y'], ['z', null]], nominalMetric);
    expect(value(f)).toBeCloseTo(2 / 3, 12);
    expect(f).toMatchObject({ units: 3, values: 6 });
  });

  it('is pairwise for more coders: Krippendorff 2011 C has 86 agreeing of 110 ordered pairs', () => {
    // Ordered pairs per unit m(m−1): 6 + 12·8 + 6 + 2 = 110; disagreeing: u2 6, u6 12, u8 6.
    expect(value(percentAgreement<Nominal>(KRIPPENDORFF_2011_C, nominalMetric))).toBeCloseTo(86 / 110, 12);
  });

  it('is null with a reason when nothing is pairable', () => {
    expect(percentAgreement<Nominal>([['x', null], [null, null]], nominalMetric)).toMatchObject({ value: null, units: 0 });
  });
});

describe('alpha edge cases', () => {
  it('is null with a reason when every value is the same (no variation), never NaN', () => {
    const alpha = krippendorffAlpha<Nominal>([['coded', 'coded'], ['coded', 'coded', null]], nominalMetric);
    expect(alpha).toMatchObject({ value: null, units: 2, values: 4 });
    expect(alpha.reason).toMatch(/no variation/);
  });

  it('is null when no unit has two values', () => {
    expect(krippendorffAlpha<Nominal>([['x', null], [null, 'y'], []], nominalMetric)).toMatchObject({ value: null, units: 0, values: 0 });
  });

  it('is 1 for perfect agreement with variation and 0 for one unit of two different values', () => {
    expect(value(krippendorffAlpha<Nominal>([['x', 'x'], ['y', 'y']], nominalMetric))).toBe(1);
    expect(value(krippendorffAlpha([[10, 12]], intervalMetric))).toBe(0);
  });

  it('refuses non-finite interval values instead of returning NaN', () => {
    expect(() => krippendorffAlpha([[1, Number.NaN]], intervalMetric)).toThrow(RangeError);
  });
});

describe('MASI distance (Passonneau 2006)', () => {
  const s = (...xs: string[]) => new Set(xs);
  it('scores identity, subset, overlap and disjoint as 1 − J·M', () => {
    expect(masiDistance(s('a', 'b'), s('b', 'a'))).toBe(0);
    expect(masiDistance(s('a', 'b'), s('a', 'b', 'c'))).toBeCloseTo(1 - (2 / 3) * (2 / 3), 12);
    expect(masiDistance(s('a', 'b'), s('a', 'c'))).toBeCloseTo(1 - (1 / 3) * (1 / 3), 12);
    expect(masiDistance(s('a'), s('b'))).toBe(1);
    expect(masiDistance(s(), s())).toBe(0);
    expect(masiDistance(s(), s('a'))).toBe(1);
  });

  it('gives alpha partial credit where set equality gives none', () => {
    // Two units: {a,b} vs {a,b,c} and {d} vs {d}. Set equality agrees on one unit of two.
    const units = [
      [s('a', 'b'), s('a', 'b', 'c')],
      [s('d'), s('d')],
    ];
    expect(value(percentAgreement(units, masiMetric))).toBe(0.5);
    // n = 4; δ(ab, abc) = 5/9; δ(d, ·) = 1. Observed = 2·5/9 = 10/9.
    // Expected = 2·(1·1·5/9 + 1·2·1 + 1·2·1) = 82/9. α = 1 − 3·(10/9)/(82/9) = 1 − 30/82.
    expect(value(krippendorffAlpha(units, masiMetric))).toBeCloseTo(1 - 30 / 82, 12);
  });
});

describe('closed forms of expected disagreement agree with the definition', () => {
  const rand = (() => {
    let a = 7;
    return () => {
      a = (a * 16807) % 2147483647;
      return a / 2147483647;
    };
  })();
  const marginsOf = <T>(values: T[], key: (v: T) => string) => {
    const m = new Map<string, { value: T; count: number }>();
    for (const v of values) {
      const e = m.get(key(v));
      if (e) e.count++;
      else m.set(key(v), { value: v, count: 1 });
    }
    return [...m.values()];
  };

  it('for nominal, interval (day numbers) and MASI on random data', () => {
    for (let trial = 0; trial < 50; trial++) {
      const nominal = marginsOf(Array.from({ length: 40 }, () => Math.floor(rand() * 6)), (v) => nominalMetric.key(v));
      expect(nominalMetric.expectedSum?.(nominal)).toBe(pairwiseExpectedSum(nominal, nominalMetric));
      const days = marginsOf(Array.from({ length: 40 }, () => 19_000 + Math.floor(rand() * 60)), intervalMetric.key);
      expect(intervalMetric.expectedSum?.(days)).toBeCloseTo(pairwiseExpectedSum(days, intervalMetric), 3);
      const actors = ['m', 'a', 'g', 'x', 'y'];
      const sets = marginsOf(
        Array.from({ length: 40 }, () => new Set(actors.filter(() => rand() < 0.35))),
        masiMetric.key,
      );
      expect(masiMetric.expectedSum?.(sets)).toBeCloseTo(pairwiseExpectedSum(sets, masiMetric), 9);
    }
  });
});
