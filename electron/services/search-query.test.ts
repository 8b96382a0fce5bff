import { describe, expect, it } from 'vitest';
import { toFtsQuery } from './search-query';

describe('toFtsQuery', () => {
  const expandPrefix = (prefix: string) => (prefix.toLowerCase() === 'secur' ? ['secure', 'security'] : prefix === 'zz' ? [] : null);

  it('quotes words FTS5 would reject and keeps its operators', () => {
    expect(toFtsQuery('al-Araji AND (Iraq OR Somalia)')).toBe('"al-Araji" AND ( Iraq OR Somalia )');
    expect(toFtsQuery('secur*')).toBe('secur*');
  });

  it('spells a bare prefix out as its terms when asked, but not inside phrases or NEAR', () => {
    expect(toFtsQuery('Secur* AND Iraq', { expandPrefix })).toBe('("secure" OR "security") AND Iraq');
    expect(toFtsQuery('"border secur"*', { expandPrefix })).toBe('"border secur"*');
    expect(toFtsQuery('NEAR(border secur*, 5) OR secur*', { expandPrefix })).toBe('NEAR ( border secur* , 5 ) OR ("secure" OR "security")');
    // No terms, or too many (null): the prefix stays.
    expect(toFtsQuery('zz*', { expandPrefix })).toBe('zz*');
    expect(toFtsQuery('trai*', { expandPrefix })).toBe('trai*');
  });
});
