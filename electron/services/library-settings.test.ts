import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createProject, openProject, type Store } from '../store/open';
import type { AppContext } from './context';
import { dispatch, serviceHandlers } from './router';

let dir: string;
let file: string;
let store: Store;
const ctx = (s: Store = store): AppContext => ({ mode: 'browser', version: 'test', userDataDir: dir, store: s, emit: () => {} });
const call = (name: string, input: unknown, s: Store = store) => dispatch(ctx(s), serviceHandlers, name, input);

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-settings-'));
  file = path.join(dir, 'p.liaison');
  store = createProject(file);
});
afterEach(() => {
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('settings.get / settings.set', () => {
  it('remembers a JSON value per project, across reopening, and forgets it on null', async () => {
    expect(await call('settings.get', { key: 'library.columns' })).toEqual({ ok: true, value: { value: null } });
    const layout = { order: ['title', 'outlet'], hidden: ['place'], sizes: { title: 320 } };
    expect(await call('settings.set', { key: 'library.columns', value: layout })).toEqual({ ok: true, value: { saved: true } });
    expect(await call('settings.set', { key: 'library.columns', value: { ...layout, hidden: [] } })).toEqual({ ok: true, value: { saved: true } });
    store.close();
    store = openProject(file);
    expect(await call('settings.get', { key: 'library.columns' })).toEqual({ ok: true, value: { value: { ...layout, hidden: [] } } });
    expect(store.db.prepare('SELECT count(*) AS n FROM settings').get()).toEqual({ n: 1 });
    await call('settings.set', { key: 'library.columns', value: null });
    expect(await call('settings.get', { key: 'library.columns' })).toEqual({ ok: true, value: { value: null } });
  });

  it('refuses malformed keys and oversized values, naming the field', async () => {
    for (const key of ['', 'Library.columns', 'columns', 'library..columns', 'library.columns;drop', `library.${'x'.repeat(120)}`]) {
      const r = await call('settings.set', { key, value: 1 });
      expect(r.ok, key).toBe(false);
      if (!r.ok) expect(r.error).toMatchObject({ code: 'invalid-input', message: expect.stringContaining('key') });
    }
    const big = await call('settings.set', { key: 'library.columns', value: { blob: 'x'.repeat(17 * 1024) } });
    expect(big).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('16 KB') } });
    const missing = await call('settings.set', { key: 'library.columns' });
    expect(missing.ok).toBe(false);
    const extra = await call('settings.get', { key: 'library.columns', other: 1 });
    expect(extra.ok).toBe(false);
  });

  it('a read-only project answers saved: false and keeps what it had', async () => {
    await call('settings.set', { key: 'library.columns', value: { hidden: ['place'] } });
    store.close();
    store = openProject(file, { readOnly: true });
    expect(await call('settings.set', { key: 'library.columns', value: { hidden: [] } })).toEqual({ ok: true, value: { saved: false } });
    expect(await call('settings.get', { key: 'library.columns' })).toEqual({ ok: true, value: { value: { hidden: ['place'] } } });
  });
});
