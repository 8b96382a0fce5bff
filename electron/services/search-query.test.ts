import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { AppError } from '../../shared/errors';
import { arabicSpellings, toFtsQuery } from './search-query';

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

  it('reads what analysts type: lowercase operators, -word, title:, stray commas, a star inside quotes', () => {
    expect(toFtsQuery('Iraq not Somalia')).toBe('Iraq NOT Somalia');
    expect(toFtsQuery('Iraq or Syria and Iran')).toBe('Iraq OR Syria AND Iran');
    // Not between two operands: a word like any other.
    expect(toFtsQuery('not')).toBe('"not"');
    expect(toFtsQuery('Iraq and')).toBe('Iraq "and"');
    expect(toFtsQuery('Iraq -Somalia -"al-Shabaab"')).toBe('Iraq NOT Somalia NOT "al-Shabaab"');
    expect(toFtsQuery('Iraq -(Iran OR Syria)')).toBe('Iraq NOT ( Iran OR Syria )');
    expect(toFtsQuery('title:Iraq text:"border security" headline:secur*')).toBe('title:Iraq body:"border security" title:secur*');
    expect(toFtsQuery('title:al-Araji')).toBe('title:"al-Araji"');
    expect(toFtsQuery('Iraq, Somalia 1,200')).toBe('Iraq Somalia 1 200');
    expect(toFtsQuery('NEAR(Iraq Iran, 5)')).toBe('NEAR ( Iraq Iran , 5 )');
    expect(toFtsQuery('"national secur*"')).toBe('"national secur"*');
    expect(toFtsQuery('+Iraq')).toBe('Iraq');
    // Arabic typed with its vowel marks (or a tatweel) looks for the word as news prints it.
    expect(toFtsQuery('بَغْدَاد')).toBe('("بغداد" OR "بغدأد" OR "بغدإد" OR "بغدآد")');
    // Hamza, alef maqsura and teh marbuta: each printed spelling is asked for; the article's alef stays.
    const spellings = arabicSpellings('الاعرجي');
    expect(spellings[0]).toBe('الاعرجي');
    expect([...spellings].sort()).toEqual(['الاعرجي', 'الأعرجي', 'الإعرجي', 'الآعرجي', 'الاعرجى', 'الأعرجى', 'الإعرجى', 'الآعرجى'].sort());
    expect(arabicSpellings('Iraq')).toEqual(['Iraq']);
    expect(arabicSpellings('مستشفى')).toEqual(['مستشفى', 'مستشفي']);
    expect(arabicSpellings('ااااااا').length).toBeLessThanOrEqual(16);
    expect(toFtsQuery('NEAR(Iraq Iran 5)')).toBe('NEAR ( Iraq Iran , 5 )');
    expect(toFtsQuery('Baghdad Iraq NEAR Iran')).toBe('Baghdad NEAR ( Iraq Iran )');
    // NEAR takes phrases only: beside a group (or an Arabic word's spellings) it stays a word.
    expect(toFtsQuery('(Iraq OR Iran) NEAR Syria')).toBe('( Iraq OR Iran ) AND NEAR Syria');
    expect(toFtsQuery('بغداد NEAR Iraq', { expandPrefix })).toBe('NEAR ( بغداد Iraq )');
    const refused = (q: string) => {
      try {
        toFtsQuery(q);
      } catch (err) {
        return (err as AppError).message;
      }
      return null;
    };
    expect(refused('-Iraq')).toBe('A search cannot only leave words out: put a word to find before -Iraq, e.g. Iraq -Iraq (the same as Iraq NOT Iraq).');
    expect(refused('Iraq ()')).toContain('empty parentheses');
    expect(refused(',')).toBe('Type something to search for.');
    expect(refused('**')).toContain('A lone * is not a search');
  });

  it('runs each of those forms on real FTS5 with the documents an analyst expects', () => {
    const db = new Database(':memory:');
    db.exec("CREATE VIRTUAL TABLE t USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2')");
    const add = db.prepare('INSERT INTO t (rowid, title, body) VALUES (?, ?, ?)');
    add.run(1, 'Iraq and Somalia sign a pact', 'The Somali delegation met al-Araji in Baghdad; 1,200 troops.');
    add.run(2, 'Iraq hosts Iran', 'Border security talks in Baghdad.');
    add.run(3, 'Syria talks', 'Nothing about the others.');
    const ids = (q: string) => (db.prepare('SELECT rowid FROM t WHERE t MATCH ? ORDER BY rowid').all(toFtsQuery(q)) as { rowid: number }[]).map((r) => r.rowid);
    expect(ids('Iraq not Somalia')).toEqual([2]);
    expect(ids('Iraq -Somalia')).toEqual([2]);
    expect(ids('Baghdad -(Somali OR Syria)')).toEqual([2]);
    expect(ids('Iraq or Syria')).toEqual([1, 2, 3]);
    expect(ids('title:Iran')).toEqual([2]);
    expect(ids('text:Iraq')).toEqual([]);
    expect(ids('title:Iraq -text:Somali')).toEqual([2]);
    expect(ids('Iraq, 1,200')).toEqual([1]);
    expect(ids('"border secur*"')).toEqual([2]);
    expect(ids('NEAR(Border talks 2)')).toEqual([2]);
    expect(ids('Iran NEAR Baghdad')).toEqual([]); // one in a title, the other in a text
    expect(ids('Somali NEAR delegation')).toEqual([1]);
    add.run(4, 'الأعرجي في بغداد', 'استقبل مستشار الأمن القومي وفداً صومالياً في بغداد');
    expect(ids('بَغْدَادَ')).toEqual([4]);
    expect(ids('الاعرجي')).toEqual([4]);
    expect(ids('الامن')).toEqual([4]);
    expect(ids('الأعرجي بغداد')).toEqual([4]);
    db.close();
  });
});
