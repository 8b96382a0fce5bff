import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatePrecision } from '../../../shared/model/engagement';
import { DEFAULT_IMPORT_OPTIONS } from '../../../shared/model/library';
import { createProject, type Store } from '../../store/open';
import * as actors from '../coding/actors';
import * as coding from '../coding/engagements';
import type { AppContext } from '../context';
import { runImport } from '../import/import-service';
import * as analysis from './analysis';

/**
 * The date range rule the table, the graph and the exports share (one SQL filter): a date stands
 * for its whole period, so an engagement dated only to a month or a year is in the range when that
 * period overlaps it. On a real project file, engagements coded through the real services.
 */
const seedDir = path.resolve(import.meta.dirname, '../../../../shared/fixtures/seed-articles');
let dir: string;
let store: Store;
let ctx: AppContext;
const ids: Record<string, string> = {};

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-date-overlap-'));
  store = createProject(path.join(dir, 'p.liaison'));
  ctx = { mode: 'browser', version: 'test', userDataDir: dir, store, emit: () => {} };
  const coderId = (store.db.prepare('SELECT id FROM coders').get() as { id: string }).id;
  await runImport(store, [seedDir], DEFAULT_IMPORT_OPTIONS, coderId, { workers: 1 });
  const doc = store.db.prepare("SELECT id, text FROM documents WHERE path LIKE '%002_%'").get() as { id: string; text: string };
  const quote = 'He met Iraqi President Barham Salih';
  const start = doc.text.indexOf(quote);
  const irq = actors.country(ctx, { countryCode: 'IRQ' }).id;
  const irn = actors.country(ctx, { countryCode: 'IRN' }).id;
  const dated: [string, string | null, DatePrecision][] = [
    ['day', '2023-04-04', 'day'],
    ['month', '2023-04', 'month'],
    ['year', '2023', 'year'],
    ['december', '2022-12', 'month'],
    ['next-year', '2024', 'year'],
    ['undated', null, 'unknown'],
  ];
  for (const [name, value, precision] of dated) {
    ids[name] = coding.saveEngagement(ctx, {
      type: 'CONSULT',
      mode: 'visit',
      date: { value, precision, inferred: false },
      place: 'Baghdad',
      countryCode: 'IRQ',
      status: 'coded',
      topics: [],
      outcomes: [],
      notes: name,
      confidence: 'high',
      participants: [
        { actorId: irn, role: 'visitor', sideId: irn, title: null },
        { actorId: irq, role: 'host', sideId: irq, title: null },
      ],
      sources: [{ documentId: doc.id, primary: true }],
      evidence: [{ documentId: doc.id, field: 'type', start, end: start + quote.length, quote }],
    }).engagement.id;
  }
});
afterAll(() => {
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const names = (list: string[]): string[] =>
  list
    .map((id) => Object.keys(ids).find((k) => ids[k] === id))
    .filter((k): k is string => k !== undefined)
    .sort();

/** What each door answers for one range: the table, the graph's only edge, the CSV export. */
async function matches(from?: string, to?: string): Promise<string[]> {
  const filter = { ...(from ? { from } : {}), ...(to ? { to } : {}) };
  const table = names(analysis.engagements(ctx, { filter, limit: 100 }).rows.map((r) => r.id));
  const graph = analysis.graph(ctx, { level: 'sides', filter });
  expect(names(graph.edges.flatMap((e) => e.engagementIds))).toEqual(table);
  const csv = (await analysis.exportEngagements(ctx, { format: 'csv', filter })).text!;
  expect(csv.trim().split('\n').length - 1).toBe(table.length);
  return table;
}

describe('date range: a partial date overlaps by its period', () => {
  it('a day range inside April 2023 keeps April 2023 and 2023, not the 4th', async () => {
    expect(await matches('2023-04-15', '2023-05-31')).toEqual(['month', 'year']);
  });

  it('the first quarter of 2023 keeps only the year-dated one', async () => {
    expect(await matches('2023-01-01', '2023-03-31')).toEqual(['year']);
  });

  it('a month range keeps the day, the month and the year within it', async () => {
    expect(await matches('2023-04', '2023-04')).toEqual(['day', 'month', 'year']);
  });

  it('one day in December 2022 keeps December 2022 only', async () => {
    expect(await matches('2022-12-15', '2022-12-15')).toEqual(['december']);
  });

  it('open-ended ranges: from only, to only', async () => {
    expect(await matches('2023-06-30')).toEqual(['next-year', 'year']);
    expect(await matches(undefined, '2023-01-10')).toEqual(['december', 'year']);
  });

  it('a year range keeps everything dated in it; undated engagements are never in a range', async () => {
    expect(await matches('2023', '2023')).toEqual(['day', 'month', 'year']);
    expect(await matches('2000', '2100')).not.toContain('undated');
    expect(await matches()).toContain('undated');
  });
});
