import { describe, expect, it } from 'vitest';
import { COLUMN_IDS, DEFAULT_LAYOUT, MAX_SIZE, MIN_SIZE, sanitizeLayout } from './column-layout';

describe('sanitizeLayout', () => {
  it('falls back to the default for anything that is not a layout', () => {
    for (const raw of [null, 1, 'x', [], undefined]) expect(sanitizeLayout(raw)).toEqual(DEFAULT_LAYOUT);
  });

  it('drops unknown columns, puts back missing ones in their default place, clamps widths', () => {
    const l = sanitizeLayout({
      order: ['words', 'title', 'nonsense', 'words', 'outlet'],
      hidden: ['outlet', 'evil', 'outlet'],
      sizes: { title: 5, outlet: 99_999, words: 'wide', nonsense: 100, publishedAt: 120.4 },
    });
    expect([...l.order].sort()).toEqual([...COLUMN_IDS].sort());
    // The saved order stands; a column it lacks goes after the one it follows by default.
    expect(l.order.filter((id) => ['words', 'title', 'outlet'].includes(id))).toEqual(['words', 'title', 'outlet']);
    expect(l.order[l.order.indexOf('outlet') + 1]).toBe('publishedAt');
    expect(l.order[l.order.indexOf('words') + 1]).toBe('duplicates');
    expect(l.hidden).toEqual(['outlet']);
    expect(l.sizes).toEqual({ title: MIN_SIZE, outlet: MAX_SIZE, publishedAt: 120 });
    expect(sanitizeLayout({ hidden: [...COLUMN_IDS] }).hidden).toEqual([]);
  });
});
