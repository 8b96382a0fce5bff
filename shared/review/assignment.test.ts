import { describe, expect, it } from 'vitest';
import { maxWeightAssignment } from './assignment';

/** Best total over every partial injection rows → columns (the definition, by brute force). */
function bruteForceBest(w: number[][]): number {
  const cols = w[0]?.length ?? 0;
  const used = new Array<boolean>(cols).fill(false);
  const go = (i: number): number => {
    if (i === w.length) return 0;
    let best = go(i + 1); // row i left unassigned
    for (let j = 0; j < cols; j++) {
      if (used[j] || w[i][j] === 0) continue;
      used[j] = true;
      best = Math.max(best, w[i][j] + go(i + 1));
      used[j] = false;
    }
    return best;
  };
  return go(0);
}

function total(w: number[][], assignment: number[]): number {
  return assignment.reduce((sum, j, i) => sum + (j >= 0 ? w[i][j] : 0), 0);
}

/** Deterministic PRNG (mulberry32) so a failure reproduces. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('maxWeightAssignment', () => {
  it('beats greedy where the best single pair blocks two good ones', () => {
    // Greedy takes (0,0)=10 and is left with nothing; the optimum is (0,1)+(1,0) = 9+9.
    const w = [
      [10, 9],
      [9, 0],
    ];
    expect(maxWeightAssignment(w)).toEqual([1, 0]);
  });

  it('leaves rows unassigned rather than using a zero (non-candidate) cell', () => {
    expect(maxWeightAssignment([[0, 0], [0, 3]])).toEqual([-1, 1]);
    expect(maxWeightAssignment([[0], [0]])).toEqual([-1, -1]);
  });

  it('handles empty and rectangular matrices in both orientations', () => {
    expect(maxWeightAssignment([])).toEqual([]);
    expect(maxWeightAssignment([[], []])).toEqual([-1, -1]);
    expect(maxWeightAssignment([[1, 5, 2]])).toEqual([1]);
    expect(maxWeightAssignment([[1], [5], [2]])).toEqual([-1, 0, -1]);
  });

  it('matches exhaustive search on 300 random sparse matrices up to 6×7', () => {
    const rand = prng(20240601);
    for (let trial = 0; trial < 300; trial++) {
      const rows = 1 + Math.floor(rand() * 6);
      const cols = 1 + Math.floor(rand() * 7);
      // About 40% zeros, as in a real candidate matrix; fractional weights like Jaccard sums.
      const w = Array.from({ length: rows }, () => Array.from({ length: cols }, () => (rand() < 0.4 ? 0 : Math.round(rand() * 300) / 100)));
      const assignment = maxWeightAssignment(w);
      const usedColumns = assignment.filter((j) => j >= 0);
      expect(new Set(usedColumns).size, 'a column is used twice').toBe(usedColumns.length);
      for (const [i, j] of assignment.entries()) if (j >= 0) expect(w[i][j]).toBeGreaterThan(0);
      expect(total(w, assignment)).toBeCloseTo(bruteForceBest(w), 9);
    }
  });

  it('refuses negative or non-finite weights', () => {
    expect(() => maxWeightAssignment([[-1]])).toThrow(RangeError);
    expect(() => maxWeightAssignment([[Number.NaN]])).toThrow(RangeError);
    expect(() => maxWeightAssignment([[1, 2], [3]])).toThrow(RangeError);
  });
});
