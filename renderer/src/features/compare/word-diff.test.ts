import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TextRange } from '../../../../shared/model/document';
import { mapOffset } from './sync-scroll';
import { tokenize, wordDiff } from './word-diff';

const seedDir = path.resolve(import.meta.dirname, '../../../../../shared/fixtures/seed-articles');
const seed = (prefix: string) => {
  const name = fs.readdirSync(seedDir).find((f) => f.startsWith(prefix))!;
  return fs.readFileSync(path.join(seedDir, name), 'utf8');
};

/** The marked text of a side: what the triples [start, end, hunk] cover. */
const marked = (text: string, marks: Int32Array) => {
  const out: string[] = [];
  for (let i = 0; i < marks.length; i += 3) out.push(text.slice(marks[i], marks[i + 1]));
  return out;
};

/** A long article of numbered sentences: every word is findable, none repeats by accident. */
function longArticle(sentences: number, seed = 1): string {
  const words = ['minister', 'delegation', 'security', 'border', 'cooperation', 'training', 'Baghdad', 'statement', 'agreement', 'forces', 'talks', 'visit'];
  let s = seed;
  const out: string[] = [];
  for (let i = 0; i < sentences; i++) {
    const w: string[] = [];
    for (let k = 0; k < 12; k++) {
      s = (s * 1103515245 + 12345) % 2147483648;
      w.push(words[s % words.length]);
    }
    out.push(`Sentence ${i} ${w.join(' ')}.`);
    if (i % 6 === 5) out.push('\n\n');
  }
  return out.join(' ');
}

describe('wordDiff', () => {
  it('marks the words only in each text and finds the rest in common', () => {
    const a = { text: 'The minister met the delegation in Baghdad on Monday.', ranges: [] };
    const b = { text: 'The minister met a NATO delegation in Baghdad on Tuesday.', ranges: [] };
    const d = wordDiff(a, b);
    expect(marked(a.text, d.marksA)).toEqual(['the', 'Monday']);
    expect(marked(b.text, d.marksB)).toEqual(['a NATO', 'Tuesday']);
    // Two differences: "the" → "a NATO", "Monday" → "Tuesday"; the marks name their hunk.
    expect(d.hunks.length / 2).toBe(2);
    expect(d.gapsA.length + d.gapsB.length).toBe(0);
    expect([...d.marksA].filter((_, i) => i % 3 === 2)).toEqual([0, 1]);
    expect(d.stats.wordsA).toBe(9);
    expect(d.stats.wordsB).toBe(10);
    expect(d.stats.commonWords).toBe(7);
    expect(d.stats.ratio).toBeCloseTo(14 / 19, 5);
    expect(d.stats.coarse).toBe(false);
  });

  it('leaves boilerplate and repeats out of the comparison and the figures', () => {
    const text = 'Share this article\nThe minister met the delegation.';
    const ranges: TextRange[] = [{ kind: 'boilerplate', start: 0, end: 19, label: 'share-buttons' }];
    const d = wordDiff({ text, ranges }, { text: 'The minister met the delegation.', ranges: [] });
    expect(d.marksA.length).toBe(0);
    expect(d.marksB.length).toBe(0);
    expect(d.stats.ratio).toBe(1);
    expect(tokenize({ text, ranges }).keys[0]).toBe('The');
  });

  it('treats typographic and plain quotes alike and keeps hyphenated names whole', () => {
    const d = wordDiff({ text: 'Iraq’s al-Araji said “yes”.', ranges: [] }, { text: "Iraq's al-Araji said \"yes\".", ranges: [] });
    expect(d.hunks.length).toBe(0);
    expect(tokenize({ text: 'Qasim al-Araji', ranges: [] }).keys).toEqual(['Qasim', 'al-Araji']);
  });

  it('compares the seed articles 000 and 003: different stories, a low figure', () => {
    const a = { text: seed('000'), ranges: [] };
    const b = { text: seed('003'), ranges: [] };
    const d = wordDiff(a, b);
    // Little in the same order (stray "the"s are not shown as common), more in shared vocabulary.
    expect(d.stats.ratio).toBeLessThan(0.1);
    expect(d.stats.jaccard).toBeGreaterThan(0.05);
    expect(d.stats.jaccard).toBeLessThan(0.5);
    expect(marked(b.text, d.marksB).join(' ')).toContain('NATO');
    // Every mark lies inside its text and marks are in order.
    for (const [text, marks] of [
      [a.text, d.marksA],
      [b.text, d.marksB],
    ] as const) {
      for (let i = 0; i < marks.length; i += 3) {
        expect(marks[i]).toBeLessThan(marks[i + 1]);
        expect(marks[i + 1]).toBeLessThanOrEqual(text.length);
        if (i > 0) expect(marks[i]).toBeGreaterThanOrEqual(marks[i - 2]);
      }
    }
  });

  it('stays fast on 100,000+ characters, alike or unrelated', () => {
    const a = longArticle(1400, 1);
    expect(a.length).toBeGreaterThan(100_000);
    // A copy with a few words changed here and there.
    const b = a.replace(/Sentence (\d*7) minister/g, 'Sentence $1 ambassador');
    const alike = wordDiff({ text: a, ranges: [] }, { text: b, ranges: [] });
    expect(alike.stats.coarse).toBe(false);
    expect(alike.hunks.length / 2).toBe((a.match(/Sentence (\d*7) minister/g) ?? []).length);
    expect(marked(b, alike.marksB).every((m) => m === 'ambassador')).toBe(true);
    expect(alike.stats.ratio).toBeGreaterThan(0.99);
    expect(alike.stats.elapsedMs).toBeLessThan(2000);

    const unrelated = wordDiff({ text: a, ranges: [] }, { text: longArticle(1400, 99), ranges: [] });
    expect(unrelated.stats.elapsedMs).toBeLessThan(5000);
    expect(unrelated.stats.ratio).toBeLessThan(0.9);
  });
});

describe('mapOffset', () => {
  it('maps exactly at anchors and proportionally between them, both ways', () => {
    const anchors = Int32Array.from([0, 0, 10, 20, 30, 40, 100, 60]);
    expect(mapOffset(anchors, 10, 'a')).toBe(20);
    expect(mapOffset(anchors, 20, 'a')).toBe(30);
    expect(mapOffset(anchors, 65, 'a')).toBe(50);
    expect(mapOffset(anchors, 50, 'b')).toBe(65);
    expect(mapOffset(anchors, 0, 'b')).toBe(0);
    expect(mapOffset(anchors, 200, 'a')).toBe(160);
  });

  it('follows a real alignment: the same sentence sits at corresponding offsets', () => {
    const a = 'Intro only in A. The minister met the delegation. Closing words.';
    const b = 'The minister met the delegation. Closing words, and more.';
    const d = wordDiff({ text: a, ranges: [] }, { text: b, ranges: [] });
    expect(mapOffset(d.anchors, a.indexOf('minister'), 'a')).toBe(b.indexOf('minister'));
    expect(mapOffset(d.anchors, b.indexOf('Closing'), 'b')).toBe(a.indexOf('Closing'));
    // "Intro only in A." and ", and more" have nothing on the other side: a gap point there.
    expect([...d.gapsB]).toEqual([0, 0]);
    expect([...d.gapsA]).toEqual([a.indexOf('words.') + 'words'.length, 1]);
    expect(marked(b, d.marksB)).toEqual([', and more']);
  });
});
