import { describe, expect, it } from 'vitest';
import { lastAtOrBefore } from './sorted';

describe('lastAtOrBefore', () => {
  const keys = [0, 10, 10, 20, 35];
  const at = (x: number) => lastAtOrBefore(keys.length, (i) => keys[i], x);
  it('finds the last key at or before x', () => {
    expect(at(0)).toBe(0);
    expect(at(9)).toBe(0);
    expect(at(10)).toBe(2);
    expect(at(19)).toBe(2);
    expect(at(20)).toBe(3);
    expect(at(1000)).toBe(4);
  });
  it('gives 0 when no key is at or before x, or there are none', () => {
    expect(lastAtOrBefore(3, (i) => [5, 6, 7][i], 1)).toBe(0);
    expect(lastAtOrBefore(0, () => 0, 1)).toBe(0);
  });
});
