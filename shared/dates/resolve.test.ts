import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findDateExpressions, resolveDateExpression } from './resolve';

// The team kit beside the repository (../shared), not the repository's own shared/.
const SEED_DIR = path.resolve(import.meta.dirname, '../../../shared/fixtures/seed-articles');
function seed(prefix: string): string {
  const file = readdirSync(SEED_DIR).find((f) => f.startsWith(`${prefix}_`));
  if (!file) throw new Error(`seed article ${prefix} missing`);
  return readFileSync(path.join(SEED_DIR, file), 'utf8');
}

// Tuesday. 003 states this date; the brief's example uses it too.
const TUESDAY = '2023-04-04';

describe('resolveDateExpression: stated dates', () => {
  it('reads full dates as stated, to the day', () => {
    expect(resolveDateExpression('2023/04/04', null)).toEqual({ value: '2023-04-04', precision: 'day', inferred: false });
    expect(resolveDateExpression('April 4, 2023', null)).toEqual({ value: '2023-04-04', precision: 'day', inferred: false });
    expect(resolveDateExpression('on 16 April 2024', TUESDAY)).toEqual({ value: '2024-04-16', precision: 'day', inferred: false });
  });

  it('keeps month and year precision when that is all the text says', () => {
    expect(resolveDateExpression('March 2020', TUESDAY)).toEqual({ value: '2020-03', precision: 'month', inferred: false });
    expect(resolveDateExpression('defeated in late 2017', TUESDAY)).toEqual({ value: '2017', precision: 'year', inferred: false });
    expect(resolveDateExpression('The mission was launched in 2018 following', null)).toMatchObject({ value: '2018', precision: 'year' });
  });

  it('takes a missing year from the publication, saying so, and refuses to guess without one', () => {
    const withYear = resolveDateExpression('4 April', '2023-05-10');
    expect(withYear).toMatchObject({ value: '2023-04-04', precision: 'day', inferred: false });
    expect(withYear?.basis).toContain('2023-05-10');
    expect(resolveDateExpression('4 April', null)).toMatchObject({ value: null, precision: 'unknown' });
    // The weekday picks the year: chrono's nearest April 16 is 2024's, a Tuesday; 2023's was a Sunday.
    expect(resolveDateExpression('Sunday, April 16', '2024-01-10')?.value).toBe('2023-04-16');
    expect(resolveDateExpression('Tuesday, April 16', '2024-01-10')?.value).toBe('2024-04-16');
  });
});

describe('resolveDateExpression: relative dates, news style', () => {
  it('looks back for weekdays, the publication weekday being that same day', () => {
    expect(resolveDateExpression('Monday', TUESDAY)).toEqual({
      value: '2023-04-03',
      precision: 'day',
      inferred: true,
      basis: '"Monday" before 2023-04-04 (published)',
    });
    expect(resolveDateExpression('on Tuesday', TUESDAY)).toMatchObject({ value: '2023-04-04', inferred: true });
    expect(resolveDateExpression('late Sunday', TUESDAY)).toMatchObject({ value: '2023-04-02', inferred: true });
    // chrono alone would pick Thursday 6 April, two days after the story was published.
    expect(resolveDateExpression('Thursday', TUESDAY)?.value).toBe('2023-03-30');
  });

  it('honours next and last', () => {
    expect(resolveDateExpression('next Monday', TUESDAY)?.value).toBe('2023-04-10');
    expect(resolveDateExpression('last Tuesday', TUESDAY)?.value).toBe('2023-03-28');
  });

  it('resolves casual days and keeps only the precision a period allows', () => {
    expect(resolveDateExpression('yesterday', TUESDAY)).toMatchObject({ value: '2023-04-03', precision: 'day', inferred: true });
    expect(resolveDateExpression('today', TUESDAY)).toMatchObject({ value: '2023-04-04', precision: 'day' });
    // 27 March - 2 April spans two months: only the year is certain.
    const lastWeek = resolveDateExpression('last week', TUESDAY);
    expect(lastWeek).toMatchObject({ value: '2023', precision: 'year', inferred: true });
    expect(lastWeek?.basis).toContain('2023-03-27 to 2023-04-02');
    expect(resolveDateExpression('last week', '2023-04-20')).toMatchObject({ value: '2023-04', precision: 'month' });
    expect(resolveDateExpression('last month', TUESDAY)).toMatchObject({ value: '2023-03', precision: 'month' });
    expect(resolveDateExpression('earlier this month', TUESDAY)).toMatchObject({ value: '2023-04', precision: 'month' });
  });

  it('gives precision unknown, with the reason, when there is no publication day', () => {
    for (const phrase of ['Monday', 'late Sunday', 'yesterday', 'last week']) {
      const date = resolveDateExpression(phrase, null);
      expect(date).toMatchObject({ value: null, precision: 'unknown', inferred: true });
      expect(date?.basis).toContain('no publication date');
    }
    expect(resolveDateExpression('Monday', '2023-04')?.basis).toContain('not precise to the day');
    expect(resolveDateExpression('Monday', '2023-02-31')?.precision).toBe('unknown');
  });

  it('uses the written publication day, not UTC, and does not depend on the machine zone', () => {
    // 23:30 in New York on Tuesday is Wednesday in UTC; the paper's "Monday" is still the 3rd.
    expect(resolveDateExpression('Monday', '2023-04-04T23:30:00-04:00')?.value).toBe('2023-04-03');
    const original = process.env.TZ;
    try {
      for (const zone of ['Pacific/Kiritimati', 'America/Los_Angeles', 'UTC']) {
        process.env.TZ = zone;
        expect(resolveDateExpression('late Sunday', TUESDAY)?.value).toBe('2023-04-02');
        expect(resolveDateExpression('4 April', '2023-05-10')?.value).toBe('2023-04-04');
      }
    } finally {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    }
  });

  it('returns null when there is no date', () => {
    expect(resolveDateExpression('the two sides underlined the need', TUESDAY)).toBeNull();
  });
});

describe('findDateExpressions', () => {
  it('ignores what chrono over-reads: times, "sat", "The Sun", "Now", "ThisDay"', () => {
    const text = '2023/04/04 | 19:04 - he sat down as The Sun reported (ThisDay | Iraq News Now )';
    const found = findDateExpressions(text, TUESDAY);
    expect(found.map((f) => f.quote)).toEqual(['2023/04/04']);
  });

  it('finds the seed articles’ phrases with quotes that match the text', () => {
    const cases: { prefix: string; publishedAt: string; quote: string; value: string }[] = [
      // 000 has no publication date in the file; a Tuesday is assumed.
      { prefix: '000', publishedAt: TUESDAY, quote: 'Monday', value: '2023-04-03' },
      // PressTV, Monday 9 March 2020: Shamkhani met Salih on Sunday the 8th.
      { prefix: '002', publishedAt: '2020-03-09', quote: 'late Sunday', value: '2020-03-08' },
      { prefix: '003', publishedAt: TUESDAY, quote: 'on Tuesday', value: '2023-04-04' },
      // Al-Sudani met Mayorkas on Tuesday 16 April 2024 and Austin on Monday 15 April.
      { prefix: '004', publishedAt: '2024-04-17', quote: 'on Tuesday', value: '2024-04-16' },
      { prefix: '004', publishedAt: '2024-04-17', quote: 'on Monday', value: '2024-04-15' },
    ];
    for (const c of cases) {
      const text = seed(c.prefix);
      const found = findDateExpressions(text, c.publishedAt);
      for (const f of found) expect(text.slice(f.start, f.end)).toBe(f.quote);
      // 002 writes "late\u00a0Sunday": the quote keeps the article's own space.
      const hit = found.find((f) => f.quote.replace(/\s+/g, ' ') === c.quote);
      expect(hit, `${c.prefix} ${c.quote}`).toBeDefined();
      expect(hit?.date).toMatchObject({ value: c.value, precision: 'day', inferred: true });
    }
  });

  it('resolves 000’s "... of mutual interest Monday" in context', () => {
    const text = seed('000');
    const sentence = 'engaged in extensive discussions on various issues of mutual interest Monday';
    expect(text).toContain(sentence);
    const [hit] = findDateExpressions(sentence, TUESDAY);
    expect(hit.quote).toBe('Monday');
    expect(hit.start).toBe(sentence.length - 'Monday'.length);
    expect(hit.date.basis).toBe('"Monday" before 2023-04-04 (published)');
  });

  it('finds stated dates and years in 003, and returns spans sorted and disjoint', () => {
    const found = findDateExpressions(seed('003'), TUESDAY);
    expect(found.find((f) => f.quote === '2023/04/04')?.date).toEqual({ value: '2023-04-04', precision: 'day', inferred: false });
    expect(found.some((f) => f.quote === '2018' && f.date.precision === 'year')).toBe(true);
    for (let i = 1; i < found.length; i++) expect(found[i].start).toBeGreaterThanOrEqual(found[i - 1].end);
  });
});
