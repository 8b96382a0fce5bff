import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_IMPORT_OPTIONS } from '../../../shared/model/library';
import { createProject, type Store } from '../../store/open';
import { codeSeedArticles } from '../coding/seed-coding.fixture';
import type { AppContext } from '../context';
import { runImport } from '../import/import-service';
import * as analysis from './analysis';

const seedDir = path.resolve(import.meta.dirname, '../../../../shared/fixtures/seed-articles');
let dir: string;
let store: Store;
let ctx: AppContext;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-analysis-sort-'));
  store = createProject(path.join(dir, 'p.liaison'));
  ctx = { mode: 'browser', version: 'test', userDataDir: dir, store, emit: () => {} };
  const coderId = (store.db.prepare('SELECT id FROM coders').get() as { id: string }).id;
  await runImport(store, [seedDir], DEFAULT_IMPORT_OPTIONS, coderId, { workers: 1 });
  codeSeedArticles(ctx, store.db);
});
afterAll(() => {
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const dates = (rows: { date: { value: string | null } }[]) => rows.map((r) => r.date.value);

describe('analysis.engagements sorting (in SQL, before the limit)', () => {
  it('by date both ways, undated last either way', () => {
    const desc = analysis.engagements(ctx, { filter: {}, limit: 100, sort: { by: 'date', direction: 'desc' } }).rows;
    expect(dates(desc)).toEqual(['2024-04-16', '2023-04-04', '2023-04-04', '2020-03-08', null, null]);
    const asc = analysis.engagements(ctx, { filter: {}, limit: 100, sort: { by: 'date', direction: 'asc' } }).rows;
    expect(dates(asc)).toEqual(['2020-03-08', '2023-04-04', '2023-04-04', '2024-04-16', null, null]);
  });

  it('by type, then newest first', () => {
    const rows = analysis.engagements(ctx, { filter: {}, limit: 100, sort: { by: 'type', direction: 'asc' } }).rows;
    expect(rows.map((r) => r.type)).toEqual(['AGREE', 'CONSULT', 'CONSULT', 'CONSULT', 'CONSULT', 'CONSULT']);
    expect(dates(rows).slice(1)).toEqual(['2024-04-16', '2023-04-04', '2020-03-08', null, null]);
  });

  it('by place, unplaced last', () => {
    const rows = analysis.engagements(ctx, { filter: {}, limit: 100, sort: { by: 'place', direction: 'desc' } }).rows;
    expect(rows.map((r) => r.place)).toEqual(['Washington DC', 'Brussels', 'Baghdad', 'Baghdad', 'Baghdad', null]);
  });

  it('the limit keeps the first rows of the order, and total counts them all', () => {
    const page = analysis.engagements(ctx, { filter: {}, limit: 2, sort: { by: 'date', direction: 'asc' } });
    expect(dates(page.rows)).toEqual(['2020-03-08', '2023-04-04']);
    expect(page.total).toBe(6);
  });

  it('answers what the table shows: topics, outcomes, sides and the coder', () => {
    const [row] = analysis.engagements(ctx, { filter: { types: ['AGREE'] }, limit: 10 }).rows;
    expect(row.outcomes).toEqual(['invitation-extended']);
    expect(row.sides?.map((s) => s.label)).toEqual(['Iraq', 'NATO']);
    expect(row.coderName).toBeTruthy();
    expect(row.countryCode).toBe('BEL');
  });
});
