import { describe, expect, it } from 'vitest';
import { SECURITY_COOPERATION } from '../codebook/presets/security-cooperation';
import type { EngagementDate } from '../model/engagement';
import { edgeId } from './aggregate';
import { groupByCountryPair, groupByPeriod, groupByTopic, groupByType, NONE_KEY, timelineSeries } from './grouping';
import { nextPeriod, periodOf } from './periods';
import { SEED_CONTEXT, SEED_ENGAGEMENTS, seedEngagement } from './test-seed-engagements';

const day = (value: string): EngagementDate => ({ value, precision: 'day', inferred: false });

function dated(id: string, date: EngagementDate, type = 'CONSULT') {
  return seedEngagement({ id, type, date, participants: [] });
}

describe('groupByCountryPair', () => {
  const groups = groupByCountryPair(SEED_ENGAGEMENTS, SEED_CONTEXT);

  it('counts the seed engagements per pair of sides, keyed like the sides graph edges', () => {
    const byLabel = Object.fromEntries(groups.map((g) => [g.label, g.count]));
    expect(byLabel).toEqual({ 'Iraq – Somalia': 2, 'Iraq – NATO': 2, 'Iran – Iraq': 1, 'Iraq – United States': 1, Iraq: 1 });
    const pair = groups.find((g) => g.label === 'Iraq – Somalia');
    expect(pair?.key).toBe(edgeId('irq', 'som'));
    expect(pair?.engagementIds).toEqual(['e000', 'e001']);
    // Largest groups first.
    expect(groups[0].count).toBe(2);
    expect(groups[groups.length - 1].count).toBe(1);
  });

  it('puts an engagement of three sides in each of its three pairs', () => {
    const e = seedEngagement({
      id: 'tri',
      type: 'CONSULT',
      participants: ['irq', 'som', 'nato'].map((actorId) => ({ id: actorId, actorId, role: 'participant', title: null, sideId: null })),
    });
    const groups3 = groupByCountryPair([e], SEED_CONTEXT);
    expect(groups3.map((g) => g.label).sort()).toEqual(['Iraq – NATO', 'Iraq – Somalia', 'NATO – Somalia']);
  });
});

describe('groupByType and groupByTopic', () => {
  it('counts types with codebook labels', () => {
    expect(groupByType(SEED_ENGAGEMENTS, SECURITY_COOPERATION).map((g) => [g.key, g.label, g.count])).toEqual([
      ['CONSULT', 'Consult', 5],
      ['AGREE', 'Agree', 2],
    ]);
  });

  it('counts an engagement under each of its topics, and the ones without a topic last', () => {
    const groups = groupByTopic(SEED_ENGAGEMENTS, SECURITY_COOPERATION);
    const counts = Object.fromEntries(groups.map((g) => [g.key, g.count]));
    expect(counts['counter-terrorism']).toBe(3);
    expect(counts['border-security']).toBe(2);
    expect(counts[NONE_KEY]).toBe(2);
    expect(groups[groups.length - 1]).toMatchObject({ key: NONE_KEY, label: '(no topic)', engagementIds: ['e003b', 'e004b'] });
    expect(groups.find((g) => g.key === 'counter-terrorism')?.label).toBe('Counter-terrorism');
  });
});

describe('groupByPeriod', () => {
  it('groups the seed by month in time order, coarse dates on their own, undated last', () => {
    const groups = groupByPeriod(SEED_ENGAGEMENTS, 'month');
    expect(groups.map((g) => [g.key, g.count])).toEqual([
      ['2020-03', 1],
      ['2023-04', 2],
      ['2024-04', 2],
      [NONE_KEY, 2],
    ]);
  });

  it('does not guess a month for a year-only date', () => {
    const groups = groupByPeriod([dated('a', { value: '2022', precision: 'year', inferred: false }), dated('b', day('2022-01-15'))], 'month');
    expect(groups.map((g) => [g.key, g.label])).toEqual([
      ['2022', '2022, month unknown'],
      ['2022-01', '2022-01'],
    ]);
    expect(groupByPeriod([dated('c', { value: '2022-06', precision: 'month', inferred: false })], 'week')[0].label).toBe('2022-06, week unknown');
  });

  it('groups by year', () => {
    expect(groupByPeriod(SEED_ENGAGEMENTS, 'year').map((g) => [g.key, g.count])).toEqual([
      ['2020', 1],
      ['2023', 2],
      ['2024', 2],
      [NONE_KEY, 2],
    ]);
  });
});

describe('periods', () => {
  it('uses ISO weeks: Monday start, week 1 holds the first Thursday', () => {
    expect(periodOf(day('2023-04-04'), 'week').period).toEqual({ key: '2023-W14', start: '2023-04-03', end: '2023-04-09' });
    // 1 January 2021 was a Friday: it belongs to the last week of 2020.
    expect(periodOf(day('2021-01-01'), 'week').period?.key).toBe('2020-W53');
    expect(periodOf(day('2024-12-30'), 'week').period?.key).toBe('2025-W01');
  });

  it('knows month lengths and steps over year ends', () => {
    expect(periodOf(day('2024-02-10'), 'month').period).toEqual({ key: '2024-02', start: '2024-02-01', end: '2024-02-29' });
    const dec = periodOf(day('2023-12-31'), 'month').period;
    expect(dec && nextPeriod(dec, 'month').key).toBe('2024-01');
    const w52 = periodOf(day('2023-12-25'), 'week').period;
    expect(w52 && nextPeriod(w52, 'week').key).toBe('2024-W01');
  });

  it('refuses malformed and unknown dates', () => {
    expect(periodOf({ value: '2023-13', precision: 'month', inferred: false }, 'month')).toEqual({ period: null, reason: 'undated' });
    expect(periodOf({ value: '2023-04-04', precision: 'unknown', inferred: false }, 'year')).toEqual({ period: null, reason: 'undated' });
    expect(periodOf({ value: '2023', precision: 'year', inferred: false }, 'week')).toEqual({ period: null, reason: 'imprecise' });
  });
});

describe('timelineSeries', () => {
  it('stacks the seed by type per month, fills the empty months, and reports what it could not place', () => {
    const series = timelineSeries(SEED_ENGAGEMENTS, 'month', { typeOrder: SECURITY_COOPERATION.types.map((t) => t.key) });
    expect(series.types).toEqual(['CONSULT', 'AGREE']);
    // March 2020 to April 2024 inclusive.
    expect(series.buckets).toHaveLength(50);
    expect(series.buckets[0]).toMatchObject({ key: '2020-03', total: 1, countsByType: { CONSULT: 1 } });
    expect(series.buckets.find((b) => b.key === '2023-04')).toMatchObject({ total: 2, countsByType: { CONSULT: 1, AGREE: 1 } });
    expect(series.buckets.find((b) => b.key === '2021-07')).toMatchObject({ total: 0, engagementIds: [] });
    expect(series.undated).toEqual(['e000', 'e001']);
    expect(series.imprecise).toEqual([]);
  });

  it('leaves a month-only date out of a weekly series rather than guess its week', () => {
    const series = timelineSeries(SEED_ENGAGEMENTS, 'week');
    expect(series.imprecise).toEqual(['e004b']);
    expect(series.buckets.reduce((n, b) => n + b.total, 0)).toBe(4);
    expect(series.buckets[series.buckets.length - 1]).toMatchObject({ key: '2024-W16', start: '2024-04-15', engagementIds: ['e004a'] });
  });

  it('stops filling gaps past maxBuckets (a mistyped year) and keeps only the dated periods', () => {
    const series = timelineSeries([dated('a', day('0203-01-01')), dated('b', day('2023-01-02'))], 'week', { maxBuckets: 100 });
    expect(series.buckets.map((b) => b.engagementIds)).toEqual([['a'], ['b']]);
  });
});
