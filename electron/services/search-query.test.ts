import Database from 'better-sqlite3';
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

  it('writes the AND that FTS5 needs beside a parenthesised group, and FTS5 then reads every form', () => {
    expect(toFtsQuery('Somali secur*', { expandPrefix })).toBe('Somali AND ("secure" OR "security")');
    expect(toFtsQuery('secur* Somali', { expandPrefix })).toBe('("secure" OR "security") AND Somali');
    expect(toFtsQuery('Somali (security OR defence)')).toBe('Somali AND ( security OR defence )');
    expect(toFtsQuery('(Iraq OR Somalia) (security) talks')).toBe('( Iraq OR Somalia ) AND ( security ) AND talks');
    // Between two phrases FTS5's own implicit AND stands; inside NEAR no operator may.
    expect(toFtsQuery('Somali security')).toBe('Somali security');
    expect(toFtsQuery('NEAR((a) b, 5)')).toBe('NEAR ( ( a ) b , 5 )');
    const db = new Database(':memory:');
    db.exec("CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'unicode61 remove_diacritics 2')");
    db.prepare('INSERT INTO t (body) VALUES (?)').run('The Somali delegation discussed security with Iraq');
    db.prepare('INSERT INTO t (body) VALUES (?)').run('Iraq signed a secure border deal');
    const count = (q: string) => (db.prepare('SELECT count(*) AS n FROM t WHERE t MATCH ?').get(toFtsQuery(q, { expandPrefix })) as { n: number }).n;
    expect(count('Somali secur*')).toBe(1);
    expect(count('secur* Iraq')).toBe(2);
    expect(count('Iraq (secure OR Somali)')).toBe(2);
    expect(count('(Somali OR border) (security OR deal) Iraq')).toBe(2);
    expect(count('NEAR(Somali delegation, 2) (security)')).toBe(1);
    db.close();
  });
});
