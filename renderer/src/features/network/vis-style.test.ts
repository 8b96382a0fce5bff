import { describe, expect, it } from 'vitest';
import { edgeWidth } from './vis-style';

describe('edgeWidth', () => {
  it('draws one engagement thin and the largest link widest, even when all links are single', () => {
    expect(edgeWidth(1, 1)).toBe(1);
    expect(edgeWidth(1, 4)).toBe(1);
    expect(edgeWidth(4, 4)).toBe(6);
    expect(edgeWidth(2, 3)).toBeCloseTo(3.5);
  });
});
