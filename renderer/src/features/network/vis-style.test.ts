import { describe, expect, it } from 'vitest';
import { edgeWidth, maxEdgeCount } from './vis-style';

describe('edgeWidth', () => {
  it('draws one engagement thin and the largest link widest, even when all links are single', () => {
    expect(edgeWidth(1, 1)).toBe(1);
    expect(edgeWidth(1, 4)).toBe(1);
    expect(edgeWidth(4, 4)).toBe(6);
    expect(edgeWidth(2, 3)).toBeCloseTo(3.5);
  });
});

describe('maxEdgeCount', () => {
  it('is the largest count, at least 1, even for more edges than a spread call takes', () => {
    expect(maxEdgeCount([])).toBe(1);
    const many = Array.from({ length: 200_000 }, (_, i) => ({ count: (i % 7) + 1 }));
    expect(maxEdgeCount(many)).toBe(7);
  });
});
