import { describe, expect, it } from 'vitest';
import { findGlue } from './glue';
import { allSeedArticles, seedArticle } from './test-seed-articles';

/** The 12 characters either side of each glue point, with a `|` where the space goes. */
function around(text: string): string[] {
  return findGlue(text).map((g) => {
    expect(g.start).toBe(g.end);
    expect(g.kind).toBe('glue');
    return `${text.slice(Math.max(0, g.start - 12), g.start)}|${text.slice(g.start, g.start + 12)}`;
  });
}

describe('findGlue', () => {
  it('003: finds the glued sentence starts, twice each since the passage repeats', () => {
    const points = around(seedArticle('003'));
    expect(points).toEqual([
      'ry services.|During the c',
      'two parties.|Echoing the ',
      ' operations.|The mission ',
      'the country.|The NATO mis',
      'g in combat.|The NATO off',
      'ion in Iraq.|A statement ',
      'ry services.|During the c',
      'al partners.|Al-Araji hig',
      'two parties.|Echoing the ',
      ' operations.|The mission ',
      'the country.|The NATO mis',
    ]);
  });

  it('points exactly at the uppercase letter after the stop', () => {
    const text = seedArticle('003');
    for (const g of findGlue(text)) {
      expect(text[g.start - 1]).toBe('.');
      expect(text[g.start]).toMatch(/\p{Lu}/u);
    }
  });

  it('finds nothing in the seed articles that have no glued sentences', () => {
    for (const { name, text } of allSeedArticles()) {
      if (name.startsWith('003')) continue;
      expect(findGlue(text), name).toEqual([]);
    }
  });

  it('handles closing quotes, brackets, digits, and ! ? …', () => {
    expect(around('He said "enough."The talks ended.')).toEqual(['id "enough."|The talks en']);
    expect(around('The mission began in 2018.It continues.')).toEqual(['gan in 2018.|It continues']);
    expect(around('Was it a threat?Officials said no!Then they left (again).Later more.')).toEqual([
      'it a threat?|Officials sa',
      'als said no!|Then they le',
      'eft (again).|Later more.',
    ]);
    expect(around('And then…Nothing.')).toEqual(['And then…|Nothing.']);
  });

  it('refuses abbreviations, initials, numbers, domains, e-mails and file names', () => {
    const clean = [
      'The U.S. Army and the U.S.Army are both written here.',
      'Several partners, e.g.NATO and the EU, attended.',
      'Growth was 3.5 percent, ranked No.1 in the region.',
      'Visit example.com or Booking.Com or news.Example.org for details.',
      'The author J.K. Rowling and j.K. were not there.',
      'Mr.Smith met Dr.Jones and Gen.Austin at St.Petersburg on Jan.Tuesday.',
      'Mail john.Smith@example.com or see https://site.org/path.Html today.',
      'Open photo.JPG and report.PDF from the archive.',
      'See Article 3.A of the agreement and Iannucci et al.The list.',
      'The meeting ran from 9 a.m.To noon.',
    ];
    for (const line of clean) expect(around(line), line).toEqual([]);
  });
});
