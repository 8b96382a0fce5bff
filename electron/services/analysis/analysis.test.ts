import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { SaxesParser } from 'saxes';
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
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-analysis-'));
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

function countElements(xml: string, name: string): number {
  let n = 0;
  const parser = new SaxesParser();
  parser.on('opentag', (t) => {
    if (t.name === name) n++;
  });
  parser.write(xml).close();
  return n;
}

describe('analysis service', () => {
  it('the countries graph links Iraq to Somalia, Iran, NATO and the United States', () => {
    const g = analysis.graph(ctx, { level: 'sides', filter: {} });
    const label = (id: string) => g.nodes.find((n) => n.id === id)?.label;
    const iraqId = g.nodes.find((n) => n.label === 'Iraq')!.id;
    const neighbours = g.edges.filter((e) => e.source === iraqId || e.target === iraqId).map((e) => label(e.source === iraqId ? e.target : e.source));
    expect(neighbours.sort()).toEqual(['Iran', 'NATO', 'Somalia', 'United States']);
    const somalia = g.edges.find((e) => [label(e.source), label(e.target)].sort().join('-') === 'Iraq-Somalia')!;
    expect(somalia.count).toBe(2);
    expect(somalia.dominantType).toBe('CONSULT');
    expect(somalia.engagementIds).toHaveLength(2);
  });

  it('filters in SQL by type, country, date range and actor', () => {
    expect(analysis.engagements(ctx, { filter: {}, limit: 100 }).total).toBe(6);
    expect(analysis.engagements(ctx, { filter: { types: ['AGREE'] }, limit: 100 }).total).toBe(1);
    expect(analysis.engagements(ctx, { filter: { countries: ['SOM'] }, limit: 100 }).total).toBe(2);
    expect(analysis.engagements(ctx, { filter: { from: '2023', to: '2023-04' }, limit: 100 }).total).toBe(2);
    const araji = (store.db.prepare("SELECT id FROM actors WHERE name = 'Qasim al-Araji'").get() as { id: string }).id;
    expect(analysis.engagements(ctx, { filter: { actorIds: [araji] }, limit: 100 }).total).toBe(3);
    expect(analysis.graph(ctx, { level: 'sides', filter: { from: '2023-01-01' } }).edges.length).toBe(2);
  });

  it('groups by country pair with the right counts', () => {
    const groups = analysis.groups(ctx, { by: 'country-pair', filter: {} });
    const byLabel = Object.fromEntries(groups.map((g) => [g.label, g.count]));
    const key = Object.keys(byLabel).find((k) => k.includes('Iraq') && k.includes('Somalia'))!;
    expect(byLabel[key]).toBe(2);
  });

  it('exports CSV, XLSX, JSON, PLOVER and dyads that read back', async () => {
    const csv = await analysis.exportEngagements(ctx, { format: 'csv', filter: {} });
    expect(csv.text!.trim().split('\n')).toHaveLength(7);
    const xlsx = await analysis.exportEngagements(ctx, { format: 'xlsx', filter: {} });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx.base64!, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets[0].rowCount).toBe(7);
    const json = JSON.parse((await analysis.exportEngagements(ctx, { format: 'json', filter: {} })).text!);
    expect(JSON.stringify(json)).toContain('met with');
    const plover = JSON.parse((await analysis.exportEngagements(ctx, { format: 'plover', filter: {} })).text!);
    expect(Array.isArray(plover) ? plover.length : plover.records.length).toBe(6);
    const dyads = (await analysis.exportEngagements(ctx, { format: 'dyads', filter: {} })).text!;
    // Six engagements between two sides each: 12 ordered pairs, plus the header.
    expect(dyads.trim().split('\n')).toHaveLength(13);
  });

  it('exports the graph as GEXF and GraphML that parse back', () => {
    const gexf = analysis.exportGraph(ctx, { level: 'sides', format: 'gexf', filter: {} });
    expect(countElements(gexf.text, 'node')).toBe(5);
    expect(countElements(gexf.text, 'edge')).toBe(4);
    const graphml = analysis.exportGraph(ctx, { level: 'actors', format: 'graphml', filter: {} });
    expect(countElements(graphml.text, 'node')).toBeGreaterThan(5);
  });

  it('stores node positions per level', () => {
    analysis.savePositions(ctx, { level: 'sides', positions: { a: { x: 1, y: 2 } } });
    analysis.savePositions(ctx, { level: 'sides', positions: { b: { x: 3, y: 4, pinned: true } } });
    expect(analysis.positions(ctx, { level: 'sides' })).toEqual({ a: { x: 1, y: 2 }, b: { x: 3, y: 4, pinned: true } });
    expect(analysis.positions(ctx, { level: 'actors' })).toEqual({});
  });
});
