import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_IMPORT_OPTIONS } from '../../shared/model/library';
import { currentCoderId } from '../services/coders';
import { codeSeedArticles } from '../services/coding/seed-coding.fixture';
import type { AppContext } from '../services/context';
import { runImport } from '../services/import/import-service';
import { createProject } from '../store/open';

/** The real `liaison export` command (built by the test setup) on a project with the seed articles coded. */
const bin = path.resolve(import.meta.dirname, '../../bin/liaison.js');
const seedDir = path.resolve(import.meta.dirname, '../../../shared/fixtures/seed-articles');
let dir: string;
let project: string;
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, LIAISON_USER_DATA: path.join(dir, 'ud') } });
const csvRows = (csv: string) => csv.trim().split(/\r?\n/).length - 1;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-export-'));
  project = path.join(dir, 'coded.liaison');
  const store = createProject(project);
  const ctx: AppContext = { mode: 'browser', version: 'test', userDataDir: dir, store, emit: () => {} };
  await runImport(store, [seedDir], DEFAULT_IMPORT_OPTIONS, currentCoderId(ctx), { workers: 1 });
  codeSeedArticles(ctx, store.db);
  store.close();
}, 60_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('liaison export', () => {
  it('exports every engagement, or those the filter options keep', () => {
    const all = run('export', 'engagements', '--project', project, '--format', 'csv');
    expect(all.status).toBe(0);
    expect(csvRows(all.stdout)).toBe(6);
    // 2023 as a period: the NATO call and the invitation (dated 2023-04-04).
    expect(csvRows(run('export', 'engagements', '--project', project, '--format', 'csv', '--from', '2023', '--to', '2023').stdout)).toBe(2);
    // Repeatable options: either type; a country side (lower case accepted).
    expect(csvRows(run('export', 'engagements', '--project', project, '--format', 'csv', '--type', 'AGREE', '--type', 'SUPPORT').stdout)).toBe(1);
    expect(csvRows(run('export', 'engagements', '--project', project, '--format', 'csv', '--country', 'som').stdout)).toBe(2);
    // Al-Sudani in Washington (2024-04-16): one engagement, the ordered pairs of its two sides.
    const dyads = run('export', 'engagements', '--project', project, '--format', 'dyads', '--from', '2024-04').stdout;
    expect(csvRows(dyads)).toBe(2);
    expect(dyads).toContain('IRQ');
    expect(dyads).toContain('USA');
  });

  it('exports the graph of the filtered engagements for Gephi', () => {
    const out = path.join(dir, 'g.gexf');
    const r = run('export', 'graph', '--project', project, '--level', 'countries', '--format', 'gexf', '--out', out, '--to', '2020-12');
    expect(r.status).toBe(0);
    const gexf = fs.readFileSync(out, 'utf8');
    // Up to 2020 (undated engagements have no period and are left out): Iran visiting Iraq.
    expect(gexf).toContain('label="Iraq"');
    expect(gexf).toContain('label="Iran"');
    expect(gexf).not.toContain('label="NATO"');
    expect(gexf).not.toContain('label="Somalia"');
  });

  it('says which option is wrong and exits 1', () => {
    const bad = run('export', 'engagements', '--project', project, '--format', 'csv', '--from', '23-04');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/--from: must be a date like 2023/);
    expect(run('export', 'engagements', '--project', project, '--format', 'csv', '--from', '2024', '--to', '2023').stderr).toMatch(/--to \(2023\) is before --from \(2024\)/);
    expect(run('export', 'engagements', '--project', project, '--format', 'csv', '--status', 'approved').status).toBe(1);
    expect(run('export', 'engagements', '--project', project, '--format', 'xlsx').stderr).toMatch(/--out/);
  });
});
