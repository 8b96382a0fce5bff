/**
 * The last index `i` in [0, count) whose `key(i)` is at or before `x`, the keys ascending; 0 when
 * none is (the callers then read the first item, or check `count` first). Binary search.
 */
export function lastAtOrBefore(count: number, key: (i: number) => number, x: number): number {
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (key(mid) <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
