import { describe, expect, it } from 'vitest';
import type { TextRange } from '../../../../shared/model/document';
import { chunkBounds, chunkText } from './chunks';

const paragraph = (i: number) => `Paragraph ${i} ${'word '.repeat(60).trim()}.`;

describe('chunkText', () => {
  it('covers the text once, in order, cut only after paragraph breaks', () => {
    const text = Array.from({ length: 40 }, (_, i) => paragraph(i)).join('\n\n');
    const boiler = text.indexOf('Paragraph 3 ');
    const ranges: TextRange[] = [{ kind: 'boilerplate', start: boiler, end: boiler + 40, label: 'share-buttons' }];
    const hitAt = text.indexOf('Paragraph 20');
    const chunks = chunkText(text, ranges, [{ start: hitAt, end: hitAt + 9 }], 900);
    expect(chunks.length).toBeGreaterThan(5);
    const runs = chunks.flatMap((c) => c.pieces.flatMap((p) => p.runs));
    expect(runs[0].start).toBe(0);
    expect(runs.at(-1)!.end).toBe(text.length);
    for (let i = 1; i < runs.length; i++) expect(runs[i].start).toBe(runs[i - 1].end);
    for (const c of chunks.slice(0, -1)) {
      expect(text.slice(c.end - 2, c.end)).toBe('\n\n');
      expect(c.pieces[0].start).toBe(c.start);
      expect(c.pieces.at(-1)!.end).toBe(c.end);
    }
    expect(chunks.flatMap((c) => c.pieces).some((p) => p.kind === 'boilerplate')).toBe(true);
    expect(runs.filter((r) => r.kind === 'hit').map((r) => text.slice(r.start, r.end))).toEqual(['Paragraph']);
  });

  it('keeps the same blocks with or without marks, and cuts a text with no paragraphs at line breaks', () => {
    const text = Array.from({ length: 200 }, (_, i) => `Line ${i} of a long dispatch without blank lines`).join('\n');
    expect(chunkBounds(text, 300).length).toBeGreaterThan(5);
    const plain = chunkText(text, [], []);
    const marked = chunkText(text, [], [{ start: 10, end: 2000 }]);
    expect(marked.map((c) => [c.start, c.end])).toEqual(plain.map((c) => [c.start, c.end]));
    expect(chunkText('short', [], [])).toEqual([{ start: 0, end: 5, pieces: [{ kind: 'text', start: 0, end: 5, runs: [{ start: 0, end: 5, kind: 'text' }], glueAfter: false }] }]);
  });
});
