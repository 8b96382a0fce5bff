import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createProject, type Store } from '../../store/open';
import { Checkpointer } from './checkpointer';

let dir: string;
let store: Store;
let file: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-ckpt-'));
  file = path.join(dir, 'p.liaison');
  store = createProject(file);
});
afterEach(() => {
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the checkpoint thread', () => {
  it('copies committed pages into the project file while the main connection does not, then hands back', async () => {
    expect(store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    const checkpointer = Checkpointer.start(store.db, file);
    expect(checkpointer).not.toBeNull();
    expect(store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    const before = fs.statSync(file).size;
    // About 8 MB in 20 commits: well past SQLite's own threshold (1000 pages), which is off.
    store.db.exec('CREATE TABLE filler (x TEXT)');
    for (let t = 0; t < 20; t++) store.db.exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400) INSERT INTO filler SELECT printf('%01000d', i) FROM n`);
    const deadline = Date.now() + 5000;
    while (fs.statSync(file).size < before + 7_000_000 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(fs.statSync(file).size).toBeGreaterThan(before + 7_000_000);
    expect(await checkpointer!.stop()).toBeGreaterThan(0);
    expect(store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    expect((store.db.prepare('SELECT count(*) AS n FROM filler').get() as { n: number }).n).toBe(8000);
  });

  it('a thread that fails hands the copying back to SQLite, and stopping it does not wait', async () => {
    const checkpointer = Checkpointer.start(store.db, path.join(dir, 'missing.liaison'));
    expect(checkpointer).not.toBeNull();
    const deadline = Date.now() + 5000;
    while (store.db.pragma('wal_autocheckpoint', { simple: true }) !== 1000 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    await new Promise((r) => setTimeout(r, 100));
    expect(await checkpointer!.stop()).toBe(0);
    expect(store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
  });
});
