import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createProject, type Store } from '../store/open';
import type { AppContext } from './context';
import { dispatch, serviceHandlers } from './router';

let dir: string;
let store: Store;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-imports-'));
  store = createProject(path.join(dir, 'p.liaison'));
});
afterEach(() => {
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

it('refuses an encoding nobody knows before starting, and starts no batch', async () => {
  const ctx: AppContext = { mode: 'browser', version: 'test', userDataDir: dir, store, emit: () => {} };
  fs.writeFileSync(path.join(dir, 'a.txt'), 'An article.');
  const answer = await dispatch(ctx, serviceHandlers, 'import.start', { paths: [dir], nearThreshold: 0.8, maxFileBytes: 1 << 20, encoding: 'klingon' });
  expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('"klingon" is not an encoding Liaison knows') } });
  expect(store.db.prepare('SELECT count(*) AS n FROM import_batches').get()).toEqual({ n: 0 });
});

it('refuses a path that is not a full one (~ or relative): the window has no current folder', async () => {
  const ctx: AppContext = { mode: 'browser', version: 'test', userDataDir: dir, store, emit: () => {} };
  for (const p of ['~/articles', 'articles/iraq']) {
    const answer = await dispatch(ctx, serviceHandlers, 'import.start', { paths: [dir, p], nearThreshold: 0.8, maxFileBytes: 1 << 20 });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-input', message: `"${p}" is not a full path. Give the full path of each file or folder, e.g. /home/me/articles.` } });
  }
  expect(store.db.prepare('SELECT count(*) AS n FROM import_batches').get()).toEqual({ n: 0 });
});

it('saves the report as one CSV table, a row per file, copies saying which file they repeat', async () => {
  const ctx: AppContext = { mode: 'browser', version: 'test', userDataDir: dir, store, emit: () => {} };
  const folder = path.join(dir, 'articles');
  fs.mkdirSync(folder);
  const seed = path.resolve(import.meta.dirname, '../../../shared/fixtures/seed-articles');
  const text = fs.readFileSync(path.join(seed, '001_6eedfd3423a29a8e.txt'), 'utf8');
  fs.writeFileSync(path.join(folder, 'a.txt'), text);
  fs.writeFileSync(path.join(folder, 'b-copy.txt'), `${text}\n`);
  fs.writeFileSync(path.join(folder, 'c-empty.txt'), '  \n');
  fs.writeFileSync(path.join(folder, 'd, "quoted".md'), 'A note\n\nThe delegation met in Doha to discuss security cooperation and border control.\n');
  const coderId = (store.db.prepare('SELECT id FROM coders').get() as { id: string }).id;
  const { runImport } = await import('./import/import-service');
  const summary = await runImport(store, [folder], { nearThreshold: 0.8, maxFileBytes: 1 << 20 }, coderId, { workers: 1 });
  const answer = (await dispatch(ctx, serviceHandlers, 'import.reportCsv', { batchId: summary.batchId })) as { ok: true; value: { csv: string } };
  const lines = answer.value.csv.trimEnd().split('\r\n');
  const at = (name: string) => path.join(folder, name);
  expect(lines).toEqual([
    'status,path,documents,duplicates,code,reason',
    `imported,${at('a.txt')},1,,,`,
    `imported,${at('b-copy.txt')},1,exact copy of ${at('a.txt')},,`,
    `imported,"${at('d, ""quoted"".md')}",1,,,`,
    expect.stringMatching(new RegExp(`^failed,${at('c-empty.txt')},0,,empty,`)),
  ]);
});
