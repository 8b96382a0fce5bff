import { describe, expect, it } from 'vitest';
import type { Engagement } from '../model/engagement';
import { compatibleWithin, dateGapDays, dateRangeDays, dayNumberOf, matchEngagements, scorePair } from './match';
import { AGENCIES, ARAJI, coderA000, coderB000, day, engagement, MOALLIM, participant, UNKNOWN } from './seed-000.fixture';

const ids = (es: readonly Engagement[]) => es.map((e) => e.id);
const pairIds = (r: ReturnType<typeof matchEngagements>) => r.pairs.map((p) => `${p.a.id}-${p.b.id}`);

describe('matching seed article 000 as two coders coded it', () => {
  it('pairs the two codings of the Baghdad meeting and leaves the rest to each coder', () => {
    const r = matchEngagements(coderA000(), coderB000());
    // a1 could pair with b1 (same two officials) or b2 (Moallim only): b1 overlaps more.
    expect(pairIds(r)).toEqual(['a1-b1']);
    // a2 is AGREE and B coded no AGREE; b2 (agencies) was coded by B alone.
    expect(ids(r.onlyA)).toEqual(['a2']);
    expect(ids(r.onlyB)).toEqual(['b2']);
    // Jaccard 1 + same type 1 + closeness 1 − 1/(1+1) for dates a day apart.
    expect(r.pairs[0].score).toBeCloseTo(2.5, 12);
    expect(r.pairs[0].detail).toEqual({ participantsJaccard: 1, typeEqual: true, dateGapDays: 1 });
  });

  it('with a zero-day tolerance the meeting dated a day apart no longer pairs', () => {
    const r = matchEngagements(coderA000(), coderB000(), { dateToleranceDays: 0 });
    // b2 is undated, so it still may pair with a1 (unknown dates do not block).
    expect(pairIds(r)).toEqual(['a1-b2']);
    expect(ids(r.onlyA)).toEqual(['a2']);
    expect(ids(r.onlyB)).toEqual(['b1']);
  });

  it('pairs AGREE with CONSULT when the caller declares them compatible, choosing the best total', () => {
    const r = matchEngagements(coderA000(), coderB000(), { compatibleTypes: compatibleWithin([['CONSULT', 'AGREE']]) });
    // a1-b1 2.5 + a2-b2 1/3 = 2.83 beats a1-b2 (1/3 + 1) + a2-b1 (1 + 0) = 2.33.
    expect(pairIds(r)).toEqual(['a1-b1', 'a2-b2']);
    expect(r.pairs[1].detail).toMatchObject({ typeEqual: false, dateGapDays: null });
    expect(r.onlyA).toEqual([]);
    expect(r.onlyB).toEqual([]);
  });

  it('finds the optimal pairing where going through coder A in order would not', () => {
    // A lumped the agencies into the main meeting (a1) and also coded a2 = the same two officials;
    // B kept them apart. In A's order, a1 would grab b1 first (tie on Jaccard 2/3), leaving a2 the
    // poor b2 (1/3): total 3.0. The optimum a1-b2 + a2-b1 totals 2/3 + 1 + 1 + 1 = 3.67.
    const a = [
      engagement('a1', 'A', { participants: [participant(MOALLIM), participant(ARAJI), participant(AGENCIES)] }),
      engagement('a2', 'A', { participants: [participant(MOALLIM), participant(ARAJI)] }),
    ];
    const b = [
      engagement('b1', 'B', { participants: [participant(MOALLIM), participant(ARAJI)] }),
      engagement('b2', 'B', { participants: [participant(MOALLIM), participant(AGENCIES)] }),
    ];
    const r = matchEngagements(a, b);
    expect(pairIds(r)).toEqual(['a1-b2', 'a2-b1']);
    expect(r.pairs.reduce((s, p) => s + p.score, 0)).toBeCloseTo(2 / 3 + 1 + 2, 12);
  });

  it('compares participants by resolved actor, so a merged duplicate still pairs', () => {
    const a = [engagement('a1', 'A', { participants: [participant(MOALLIM), participant(ARAJI)] })];
    const b = [engagement('b1', 'B', { participants: [participant('actor:moallim-duplicate'), participant('actor:araji-duplicate')] })];
    expect(matchEngagements(a, b).pairs).toEqual([]);
    const merged = new Map([
      ['actor:moallim-duplicate', MOALLIM],
      ['actor:araji-duplicate', ARAJI],
    ]);
    const r = matchEngagements(a, b, { resolveActor: (id) => merged.get(id) ?? id });
    expect(pairIds(r)).toEqual(['a1-b1']);
    expect(r.pairs[0].detail.participantsJaccard).toBe(1);
  });

  it('needs a shared participant and a shared type', () => {
    const a = engagement('a', 'A', { participants: [participant(MOALLIM)] });
    expect(scorePair(a, engagement('b', 'B', { participants: [participant(ARAJI)] }))).toBeNull();
    expect(scorePair(a, engagement('b', 'B', { type: 'AGREE', participants: [participant(MOALLIM)] }))).toBeNull();
    expect(scorePair(a, engagement('b', 'B', { participants: [participant(MOALLIM)] }))).not.toBeNull();
  });

  it('prefers a dated candidate at the same day over an undated one', () => {
    const a = [engagement('a1', 'A', { date: day('2023-04-03'), participants: [participant(MOALLIM), participant(ARAJI)] })];
    const b = [
      engagement('b-undated', 'B', { date: UNKNOWN, participants: [participant(MOALLIM), participant(ARAJI)] }),
      engagement('b-dated', 'B', { date: day('2023-04-03'), participants: [participant(MOALLIM), participant(ARAJI)] }),
    ];
    expect(pairIds(matchEngagements(a, b))).toEqual(['a1-b-dated']);
  });

  it('returns everything unmatched when one coder coded nothing', () => {
    const r = matchEngagements(coderA000(), []);
    expect(r.pairs).toEqual([]);
    expect(ids(r.onlyA)).toEqual(['a1', 'a2']);
    expect(matchEngagements([], coderB000()).onlyB).toHaveLength(2);
  });

  it('refuses a negative tolerance', () => {
    expect(() => matchEngagements(coderA000(), coderB000(), { dateToleranceDays: -1 })).toThrow(RangeError);
  });
});

describe('dates as day ranges', () => {
  it('maps day, month and year precision to the days they cover', () => {
    expect(dateRangeDays(day('1970-01-02'))).toEqual([1, 1]);
    expect(dateRangeDays({ value: '2024-02', precision: 'month', inferred: false })).toEqual([19754, 19782]); // leap February
    expect(dateRangeDays({ value: '2023-12', precision: 'month', inferred: false })).toEqual([19692, 19722]);
    expect(dateRangeDays({ value: '2023', precision: 'year', inferred: false })).toEqual([19358, 19722]);
    expect(dateRangeDays(UNKNOWN)).toBeNull();
    expect(dateRangeDays(day('2023-02-30'))).toBeNull();
    expect(dateRangeDays(day('April 3'))).toBeNull();
  });

  it('measures gaps between ranges, zero when one contains the other', () => {
    expect(dateGapDays(day('2023-04-03'), day('2023-04-05'))).toBe(2);
    expect(dateGapDays(day('2023-04-03'), { value: '2023-04', precision: 'month', inferred: false })).toBe(0);
    expect(dateGapDays(day('2023-05-02'), { value: '2023-04', precision: 'month', inferred: false })).toBe(2);
    expect(dateGapDays(day('2023-04-03'), UNKNOWN)).toBeNull();
  });

  it('gives day numbers for day precision only', () => {
    expect(dayNumberOf(day('2023-04-03'))).toBe(19450);
    expect(dayNumberOf({ value: '2023-04', precision: 'month', inferred: false })).toBeNull();
  });
});
