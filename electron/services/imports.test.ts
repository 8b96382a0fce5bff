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
