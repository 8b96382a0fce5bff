/**
 * Maximum-weight bipartite assignment (Hungarian algorithm, Kuhn–Munkres with potentials).
 *
 * Why not try every pairing: a document usually has a handful of engagements, but a long report
 * of a summit can carry twenty or more per coder, and 20! pairings is out of reach while O(n³) is
 * instant. Why not greedy (best pair first): it can lock a pair that blocks two better ones, and a
 * reviewer comparing figures across runs needs the pairing to be the optimum, not an accident of
 * order. The test suite checks this against exhaustive search on small random matrices.
 */

/**
 * For each row, the column it is assigned to, or -1. Weights must be finite and ≥ 0; a weight of 0
 * means "no edge": such assignments are reported as -1, which is exact because a maximum matching
 * over the positive edges extends to a perfect one by zero edges with the same total.
 */
export function maxWeightAssignment(weights: ReadonlyArray<ReadonlyArray<number>>): number[] {
  const rows = weights.length;
  const cols = rows === 0 ? 0 : weights[0].length;
  for (const row of weights) {
    if (row.length !== cols) throw new RangeError('Weight matrix rows must have equal length');
    for (const w of row) if (!Number.isFinite(w) || w < 0) throw new RangeError(`Weights must be finite and >= 0, got ${w}`);
  }
  if (rows === 0 || cols === 0) return new Array<number>(rows).fill(-1);
  // The algorithm below wants rows ≤ columns: solve the transpose otherwise.
  if (rows > cols) {
    const transposed = Array.from({ length: cols }, (_, j) => weights.map((row) => row[j]));
    const byColumn = maxWeightAssignment(transposed);
    const out = new Array<number>(rows).fill(-1);
    byColumn.forEach((row, col) => {
      if (row >= 0) out[row] = col;
    });
    return out;
  }
  const owner = minCostAssignment(weights.map((row) => row.map((w) => -w)), rows, cols);
  const out = new Array<number>(rows).fill(-1);
  for (let j = 1; j <= cols; j++) {
    const i = owner[j];
    if (i > 0 && weights[i - 1][j - 1] > 0) out[i - 1] = j - 1;
  }
  return out;
}

/**
 * Shortest-augmenting-path Hungarian algorithm on an n×m cost matrix, n ≤ m (the classic
 * formulation with row potentials u, column potentials v, 1-based with column 0 as the virtual
 * start). Returns owner[j] = the 1-based row assigned to column j, 0 if none.
 */
function minCostAssignment(cost: number[][], n: number, m: number): number[] {
  const u = new Array<number>(n + 1).fill(0);
  const v = new Array<number>(m + 1).fill(0);
  const owner = new Array<number>(m + 1).fill(0);
  const way = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    owner[0] = i;
    let j0 = 0;
    const minv = new Array<number>(m + 1).fill(Number.POSITIVE_INFINITY);
    const used = new Array<boolean>(m + 1).fill(false);
    do {
      used[j0] = true;
      const i0 = owner[j0];
      let delta = Number.POSITIVE_INFINITY;
      let j1 = 0;
      for (let j = 1; j <= m; j++) {
        if (used[j]) continue;
        const reduced = cost[i0 - 1][j - 1] - u[i0] - v[j];
        if (reduced < minv[j]) {
          minv[j] = reduced;
          way[j] = j0;
        }
        if (minv[j] < delta) {
          delta = minv[j];
          j1 = j;
        }
      }
      for (let j = 0; j <= m; j++) {
        if (used[j]) {
          u[owner[j]] += delta;
          v[j] -= delta;
        } else {
          minv[j] -= delta;
        }
      }
      j0 = j1;
    } while (owner[j0] !== 0);
    do {
      const j1 = way[j0];
      owner[j0] = owner[j1];
      j0 = j1;
    } while (j0 !== 0);
  }
  return owner;
}
