import { describe, expect, it } from 'vitest';
import type { TextRange } from '../../../../shared/model/document';
import { paint } from './paint';

const text = 'Intro text.Glued here.\n\n\n\nShare this article\nSecond para about NATO and NATO.';
const boiler = text.indexOf('Share');
const ranges: TextRange[] = [
  { kind: 'glue', start: text.indexOf('Glued'), end: text.indexOf('Glued'), label: 'sentence' },
  { kind: 'boilerplate', start: boiler, end: boiler + 'Share this article\n'.length, label: 'share-buttons' },
];

describe('paint', () => {
  it('covers the text once, in order, with hits, glue and paragraph breaks', () => {
    const nato = [...text.matchAll(/NATO/g)].map((m) => ({ start: m.index, end: m.index + 4 }));
    const segs = paint(text, ranges, nato);
    const runs = segs.flatMap((s) => s.runs);
    expect(runs[0].start).toBe(0);
    expect(runs.at(-1)!.end).toBe(text.length);
    for (let i = 1; i < runs.length; i++) expect(runs[i].start).toBe(runs[i - 1].end);
    expect(segs[0].glueAfter).toBe(true);
    expect(segs.find((s) => s.kind === 'boilerplate')?.label).toBe('share-buttons');
    const hits = runs.filter((r) => r.kind === 'hit').map((r) => text.slice(r.start, r.end));
    expect(hits).toEqual(['NATO', 'NATO']);
    const breaks = runs.filter((r) => r.kind === 'break');
    expect(breaks).toHaveLength(1);
    expect(text.slice(breaks[0].start, breaks[0].end)).toBe('\n\n\n\n');
  });

  it('splits a hit that crosses a segment boundary and merges overlapping hits', () => {
    const start = text.indexOf('Glued') - 3;
    const segs = paint(text, ranges, [
      { start, end: start + 8 },
      { start: start + 2, end: start + 6 },
    ]);
    const hits = segs.flatMap((s) => s.runs.filter((r) => r.kind === 'hit'));
    expect(hits.map((r) => text.slice(r.start, r.end))).toEqual(['xt.', 'Glued']);
  });
});
