import { describe, expect, it } from 'vitest';
import { selectionFileName } from './selection-file-name';

describe('selectionFileName', () => {
  it('names the file by the local date and time', () => {
    expect(selectionFileName(new Date(2026, 2, 5, 14, 7))).toBe('liaison-selection-2026-03-05-1407.csv');
  });
});
