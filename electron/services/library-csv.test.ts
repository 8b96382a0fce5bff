import { describe, expect, it } from 'vitest';
import type { ListedDocument } from '../../shared/model/library';
import { selectionCsv } from './library-csv';

const row = (patch: Partial<ListedDocument>): ListedDocument => ({
  id: 'd1',
  title: 'Title',
  outlet: null,
  publishedAt: '2023-04-04',
  place: null,
  batchSeq: 1,
  format: 'txt',
  words: 120,
  duplicateGroupId: null,
  duplicateKind: null,
  isPrimary: false,
  excluded: false,
  engagements: 0,
  codingStatus: 'uncoded',
  ...patch,
});

describe('selectionCsv', () => {
  it('writes one line per row, quoting and defusing text, figures as numbers', () => {
    const csv = selectionCsv([
      row({ title: 'Iraq, NATO and "the mission"', outlet: 'Shafaq News', engagements: 2, codingStatus: 'coded' }),
      row({ id: 'd2', title: '=HYPERLINK("x")', duplicateGroupId: 'g1', duplicateKind: 'near', excluded: true, words: 7 }),
    ]);
    expect(csv.startsWith('\uFEFFid,title,outlet,published,place,batch,format,words,duplicate_status,duplicate_set,engagements,coding_status,relevant\r\n')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toBe('d1,"Iraq, NATO and ""the mission""",Shafaq News,2023-04-04,,1,txt,120,none,,2,coded,yes');
    expect(lines[2]).toBe(`d2,"'=HYPERLINK(""x"")",,2023-04-04,,1,txt,7,near copy,g1,0,uncoded,no`);
  });
});
