import type { Actor, ActorRole } from '../model/actor';

/**
 * Roles are dated with ISO prefixes (YYYY, YYYY-MM, YYYY-MM-DD). A partial date stands for its
 * whole period: a role "from 2023" starts on 2023-01-01, one "to 2024-06" ends on 2024-06-30.
 */
function periodStart(value: string): string {
  return value.length === 4 ? `${value}-01-01` : value.length === 7 ? `${value}-01` : value;
}
function periodEnd(value: string): string {
  if (value.length === 4) return `${value}-12-31`;
  if (value.length === 7) return `${value}-31`; // compares after every day of the month
  return value;
}

/** Whether a role's period overlaps a (possibly partial) date; open ends always overlap. */
export function roleCovers(role: Pick<ActorRole, 'from' | 'to'>, date: string): boolean {
  const start = periodStart(date);
  const end = periodEnd(date);
  if (role.from && end < periodStart(role.from)) return false;
  if (role.to && periodEnd(role.to) < start) return false;
  return true;
}

/**
 * The role an actor held on a date: the one whose period covers it, preferring the most recently
 * started (a promotion supersedes an open-ended earlier role). Without a date, only an actor with a
 * single role, or a single current (open-ended) one, has an answer.
 */
export function roleAt(actor: Pick<Actor, 'roles'>, date: string | null | undefined): ActorRole | null {
  const roles = actor.roles;
  if (roles.length === 0) return null;
  if (!date) {
    if (roles.length === 1) return roles[0]!;
    const current = roles.filter((r) => !r.to);
    return current.length === 1 ? current[0]! : null;
  }
  const covering = roles.filter((r) => roleCovers(r, date));
  if (covering.length === 0) return null;
  return covering.reduce((best, r) => ((r.from ?? '') > (best.from ?? '') ? r : best));
}

/** Problems with a list of roles, by index: an empty title, a period that ends before it starts. */
export function roleProblems(roles: Pick<ActorRole, 'title' | 'from' | 'to'>[]): Map<number, string> {
  const problems = new Map<number, string>();
  const iso = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
  roles.forEach((r, i) => {
    if (!r.title.trim()) problems.set(i, 'A role needs a title, e.g. "Interior Minister".');
    else if (r.from && !iso.test(r.from)) problems.set(i, `"From" must be a date as YYYY, YYYY-MM or YYYY-MM-DD, not "${r.from}".`);
    else if (r.to && !iso.test(r.to)) problems.set(i, `"To" must be a date as YYYY, YYYY-MM or YYYY-MM-DD, not "${r.to}".`);
    else if (r.from && r.to && periodEnd(r.to) < periodStart(r.from)) problems.set(i, `The role ends (${r.to}) before it starts (${r.from}).`);
  });
  return problems;
}
