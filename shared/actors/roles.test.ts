import { describe, expect, it } from 'vitest';
import type { ActorRole } from '../model/actor';
import { roleAt, roleCovers, roleProblems } from './roles';

const role = (title: string, from: string | null, to: string | null): ActorRole => ({ id: title, title, organisationId: null, countryCode: 'IRQ', from, to });

describe('roles held over time', () => {
  const araji = {
    roles: [role('Minister of Interior', '2017-01', '2018-10'), role('National Security Adviser', '2020-07', null), role('Member of Parliament', '2018-11', '2020-06-30')],
  };

  it('finds the role held on a day, a month or a year', () => {
    expect(roleAt(araji, '2018-05-02')?.title).toBe('Minister of Interior');
    expect(roleAt(araji, '2023-04-04')?.title).toBe('National Security Adviser');
    expect(roleAt(araji, '2019-11')?.title).toBe('Member of Parliament');
    expect(roleAt(araji, '2016-12-31')).toBeNull();
  });

  it('prefers the role that started last when periods overlap', () => {
    // 2018 as a whole overlaps both the ministry (to 2018-10) and Parliament (from 2018-11).
    expect(roleAt(araji, '2018')?.title).toBe('Member of Parliament');
    expect(roleAt(araji, '2018-10-15')?.title).toBe('Minister of Interior');
    expect(roleAt({ roles: [role('Deputy', '2019', null), role('Minister', '2021-03', null)] }, '2022-01-01')?.title).toBe('Minister');
  });

  it('treats partial bounds as their whole period', () => {
    expect(roleCovers(role('x', '2023-04', null), '2023-04-01')).toBe(true);
    expect(roleCovers(role('x', null, '2023-04'), '2023-04-30')).toBe(true);
    expect(roleCovers(role('x', null, '2023-04'), '2023-05-01')).toBe(false);
    expect(roleCovers(role('x', '2023', '2023'), '2023-12-31')).toBe(true);
  });

  it('answers without a date only when one role is current', () => {
    expect(roleAt(araji, null)?.title).toBe('National Security Adviser');
    expect(roleAt({ roles: [role('A', null, null), role('B', null, null)] }, null)).toBeNull();
    expect(roleAt({ roles: [] }, '2023')).toBeNull();
  });

  it('says which role is wrong and why', () => {
    const problems = roleProblems([role('', null, null), role('Envoy', '2023-13', null), role('Envoy', '2024-02', '2023'), role('Envoy', '2023', '2023-02-10')]);
    expect(problems.get(0)).toMatch(/needs a title/);
    expect(problems.get(1)).toMatch(/"From" must be a date/);
    expect(problems.get(2)).toMatch(/ends \(2023\) before it starts \(2024-02\)/);
    expect(problems.has(3)).toBe(false);
  });
});
