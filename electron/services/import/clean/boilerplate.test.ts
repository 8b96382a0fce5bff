import { describe, expect, it } from 'vitest';
import type { TextRange } from '../../../../shared/model/document';
import { findBatchRepeats, findBoilerplate } from './boilerplate';
import { allSeedArticles, seedArticle } from './test-seed-articles';

/** `[label, quoted text]` of each range, so a test reads like the article. */
function quoted(text: string, ranges: TextRange[]): [string, string][] {
  return ranges.map((r) => [r.label, text.slice(r.start, r.end)]);
}

describe('findBoilerplate on the seed articles', () => {
  it('001: the share strip on the first line, and nothing else', () => {
    const text = seedArticle('001');
    const ranges = findBoilerplate(text);
    expect(quoted(text, ranges)).toEqual([['share-buttons', "Facebook Twitter (X) Instagram Somali Magazine - People's Magazine"]]);
    expect(ranges[0]).toMatchObject({ kind: 'boilerplate', start: 0 });
  });

  it('002: glued category crumbs and the back-to-top button', () => {
    const text = seedArticle('002');
    expect(quoted(text, findBoilerplate(text))).toEqual([
      ['crumbs', 'IranIraqMiddle East'],
      ['back-to-top', 'Back to top button'],
    ]);
  });

  it('003: sponsored links and the inline credit fragment', () => {
    const text = seedArticle('003');
    expect(quoted(text, findBoilerplate(text))).toEqual([
      ['credit', '(ThisDay | Iraq News Now )'],
      ['sponsored', 'Sponsored Links'],
    ]);
  });

  it('004: the counter, the image file name and the comment form as one block', () => {
    const text = seedArticle('004');
    expect(quoted(text, findBoilerplate(text))).toEqual([
      ['counter', '0'],
      ['image-name', 'img_5152.jpg'],
      ['comment-prompt', 'Leave a Reply\n\nYour email address will not be published. Required fields are marked *'],
    ]);
  });

  it('never marks the headline or body prose of any seed article', () => {
    for (const { name, text } of allSeedArticles()) {
      for (const r of findBoilerplate(text)) {
        expect(r.end - r.start, `${name} ${r.label}`).toBeLessThan(120);
        expect(text.slice(r.start, r.end)).not.toMatch(/Iraq and Somalia have taken|Shamkhani underlined|The Iraqi Prime Minister/);
      }
    }
  });
});

describe('findBoilerplate rules', () => {
  it('marks common chrome lines with their labels', () => {
    const lines: [string, string][] = [
      ['WhatsApp Telegram Email Print', 'share-buttons'],
      ['Share on Facebook', 'share-buttons'],
      ['Share this:', 'share-buttons'],
      ['Print Friendly, PDF & Email', 'share-buttons'],
      ['Related Articles', 'related'],
      ['Read more', 'read-more'],
      ['Read also: Iraq and Iran sign border deal', 'read-more'],
      ['Sponsored Links', 'sponsored'],
      ['Advertisement', 'sponsored'],
      ['Back to top button', 'back-to-top'],
      ['Home » News » Middle East', 'crumbs'],
      ['WorldMiddle EastIraq', 'crumbs'],
      ['12 Comments', 'counter'],
      ['© 2024 Shafaq News. All rights reserved.', 'copyright'],
      ['Follow us on Telegram', 'follow'],
      ['https://example.com/uploads/2023/04/photo-1.jpeg', 'image-name'],
    ];
    for (const [line, label] of lines) {
      const text = `Prose before the chrome line, long enough to read as prose.\n${line}\nProse after.`;
      const ranges = findBoilerplate(text);
      expect(ranges, line).toHaveLength(1);
      expect(ranges[0].label, line).toBe(label);
      expect(text.slice(ranges[0].start, ranges[0].end)).toBe(line);
    }
  });

  it('marks a whole comment form, labels included, but not a lone "Comments" heading', () => {
    const form = 'Leave a Reply Cancel reply\nYour email address will not be published.\nComment *\nName *\nEmail *\nWebsite\nSave my name, email, and website in this browser for the next time I comment.\nPost Comment';
    const text = `The minister spoke on Monday.\n\n${form}\n`;
    expect(quoted(text, findBoilerplate(text))).toEqual([['comment-prompt', form]]);
    expect(findBoilerplate('Comments\nThe ministry did not respond to requests for comment.')).toEqual([]);
    const closed = 'Comments are closed.';
    expect(quoted(`The talks ended.\n${closed}`, findBoilerplate(`The talks ended.\n${closed}`))).toEqual([['comment-prompt', closed]]);
  });

  it('leaves prose that mentions the same words alone', () => {
    const prose = [
      'Facebook, Twitter and Instagram were blocked in Iraq on Monday.',
      'Facebook Twitter blocked in Baghdad amid protests, officials say',
      'Share prices rose on the Iraq Stock Exchange after the announcement.',
      'Read more about the agreement in the full statement released by the ministry.',
      'He said the attack would not go unanswered and that more troops would be deployed.',
      'Iraq and Somalia Sign Security Memorandum',
      'ExxonMobil Profits Rise',
      'McDonald Visits Baghdad',
      'Copyright law was not discussed at the meeting.',
      'Related talks are expected next week in Brussels.',
      'The ministry said 0 casualties were reported.',
      'Email exchanges between the two ministers were leaked to the press on Friday.',
      'Back to the topic of border security, the minister said more patrols are needed.',
      'The statement (issued by the ministry | not the cabinet) was brief.',
    ];
    for (const line of prose) {
      expect(findBoilerplate(`${line}\n`), line).toEqual([]);
    }
  });
});

describe('findBatchRepeats', () => {
  const footer = 'Subscribe to Baghdad Herald alerts on your phone today';

  function article(n: number, extra = ''): string {
    return `Headline number ${n} about a distinct security event\n\nBody ${n}: officials from two ministries met in city ${n} to discuss cooperation item ${n}, according to a statement on day ${n}.\n${extra}\n${footer}\n`;
  }

  it('marks a footer repeated across an outlet, as the exact line, in every document', () => {
    const docs = Array.from({ length: 8 }, (_, i) => ({ id: `d${i}`, text: article(i), outlet: 'Baghdad Herald' }));
    const found = findBatchRepeats(docs);
    expect([...found.keys()].sort()).toEqual(docs.map((d) => d.id).sort());
    for (const d of docs) {
      const ranges = found.get(d.id) ?? [];
      expect(quoted(d.text, ranges)).toEqual([['batch-repeat', footer]]);
      expect(ranges[0].kind).toBe('boilerplate');
    }
  });

  it('counts per outlet: a line shared by few documents of each outlet is not boilerplate', () => {
    const docs = Array.from({ length: 8 }, (_, i) => ({ id: `d${i}`, text: article(i), outlet: `Outlet ${i % 4}` }));
    expect(findBatchRepeats(docs).size).toBe(0);
    // Without outlets they form one group, and the footer is found again.
    expect(findBatchRepeats(docs.map(({ id, text }) => ({ id, text }))).size).toBe(8);
  });

  it('respects minDocs and minFraction', () => {
    const docs = Array.from({ length: 6 }, (_, i) => ({ id: `d${i}`, text: i < 3 ? article(i) : `Unrelated text ${i}\nwith its own lines ${i}\n`, outlet: 'X' }));
    expect(findBatchRepeats(docs, { minDocs: 3 }).size).toBe(3);
    expect(findBatchRepeats(docs, { minDocs: 3, minFraction: 0.6 }).size).toBe(0);
    expect(findBatchRepeats(docs, { minDocs: 4 }).size).toBe(0);
  });

  it('does not mark the shared paragraphs of copies of one story as boilerplate', () => {
    const story = seedArticle('000');
    const docs = Array.from({ length: 6 }, (_, i) => ({ id: `copy${i}`, text: `Scraped on day ${i} at ${i}:00\n${story}`, outlet: 'Mogadishu24' }));
    for (let i = 0; i < 6; i++) docs.push({ id: `other${i}`, text: article(i), outlet: 'Mogadishu24' });
    const found = findBatchRepeats(docs, { minDocs: 5 });
    for (const [id, ranges] of found) {
      const text = docs.find((d) => d.id === id)?.text ?? '';
      for (const [, line] of quoted(text, ranges)) {
        expect(line, id).not.toMatch(/National Security Adviser|security cooperation|Leave a Reply/);
      }
    }
    // The footer of the six other articles is still found.
    expect(quoted(docs[6].text, found.get('other0') ?? [])).toEqual([['batch-repeat', footer]]);
  });

  it('ignores lines shorter than 3 characters and prose lines longer than maxLineChars', () => {
    const long = 'A long paragraph that repeats verbatim in every article of the batch. '.repeat(3).trim();
    const docs = Array.from({ length: 6 }, (_, i) => ({ id: `d${i}`, text: `ok\n${long}\n${`Unique line ${i} with words and more distinct words ${i} to dominate the text of document ${i}. `.repeat(4)}\n` }));
    expect(findBatchRepeats(docs, { maxLineChars: 100 }).size).toBe(0);
    const withLong = findBatchRepeats(docs, { maxLineChars: 400 });
    expect(quoted(docs[0].text, withLong.get('d0') ?? [])).toEqual([['batch-repeat', long]]);
  });
});
