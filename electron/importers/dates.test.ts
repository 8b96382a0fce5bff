import { describe, expect, test } from 'vitest';
import { epochToIso, findDate, normaliseDateValue } from './dates';

describe('findDate', () => {
  test.each([
    ['2023/04/04 | 19:04 - Source: Shafaq News', '2023-04-04'],
    ['date 2023-04-04 Iraq talks', '2023-04-04'],
    ['Published April 4, 2023', '2023-04-04'],
    ['Apr. 4 2023', '2023-04-04'],
    ['4 April 2023', '2023-04-04'],
    ['Tuesday, 4th of April, 2023', '2023-04-04'],
    ['Sept 30, 2021', '2021-09-30'],
    ['25/12/2022', '2022-12-25'],
    ['12/25/2022', '2022-12-25'],
  ])('%s → %s', (input, iso) => {
    expect(findDate(input)?.iso).toBe(iso);
  });

  test.each([['03/04/2023'], ['2023-02-30'], ['April 31, 2023'], ['1850-01-01'], ['no date here'], ['call 2023 now']])(
    '%s is not read as a date',
    (input) => {
      expect(findDate(input)).toBeNull();
    },
  );

  test('the earliest date wins and its position is reported', () => {
    const found = findDate('Updated 5 May 2023, first published 2023-04-04');
    expect(found).toEqual({ iso: '2023-05-05', index: 8, length: 10 });
  });
});

describe('normaliseDateValue', () => {
  test.each([
    ['2023-04-04T19:04:00+03:00', '2023-04-04T19:04:00+03:00'],
    ['2023-04-04 19:04:00', '2023-04-04T19:04:00'],
    ['2023-04-04', '2023-04-04'],
    ['2023-04', '2023-04'],
    ['2023', '2023'],
    ['Tue, 04 Apr 2023 16:04:00 +0300', '2023-04-04T16:04:00+03:00'],
    ['Mon, 19 Feb 2024 09:30:00 GMT', '2024-02-19T09:30:00Z'],
    ["D:20230404190400+03'00'", '2023-04-04'],
    ['April 4, 2023', '2023-04-04'],
    ['1700000000', '2023-11-14T22:13:20.000Z'],
  ])('%s → %s', (input, expected) => {
    expect(normaliseDateValue(input)).toBe(expected);
  });

  test.each([[''], ['yesterday'], ['2023-13-01'], ['2023-02-29T10:00:00Z']])('%s → null', (input) => {
    expect(normaliseDateValue(input)).toBeNull();
  });

  test('epoch seconds and milliseconds', () => {
    expect(epochToIso(1700000000)).toBe('2023-11-14T22:13:20.000Z');
    expect(epochToIso(1700000000000)).toBe('2023-11-14T22:13:20.000Z');
    expect(epochToIso(-5)).toBeNull();
  });
});
