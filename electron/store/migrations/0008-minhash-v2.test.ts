import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_IMPORT_OPTIONS } from '../../../shared/model/library';
import { runImport } from '../../services/import/import-service';
import { createProject, openProject } from '../open';

const seedDir = path.resolve(import.meta.dirname, '../../../../shared/fixtures/seed-articles');
let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-minhash-v2-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A signature in the old format 1: 'M', 1, 128 (u16 LE), then 128 u32 values. */
function formatOne(seed: number): Buffer {
  const bytes = Buffer.alloc(4 + 128 * 4);
  bytes.writeUInt8(0x4d, 0);
  bytes.writeUInt8(1, 1);
  bytes.writeUInt16LE(128, 2);
  for (let i = 0; i < 128; i++) bytes.writeUInt32LE((seed * 2654435761 + i * 40503) >>> 0, 4 + i * 4);
  return bytes;
}

describe('migration 0008: near-duplicate signatures of format 2', () => {
  it('recomputes every stored signature from its text, exactly as the import computed it', async () => {
    const file = path.join(dir, 'old.liaison');
    const store = createProject(file);
    const coder = (store.db.prepare('SELECT id FROM coders').get() as { id: string }).id;
    await runImport(store, [seedDir], DEFAULT_IMPORT_OPTIONS, coder);
    const imported = store.db.prepare('SELECT rowid, minhash, shingles FROM documents ORDER BY rowid').all() as { rowid: number; minhash: Buffer; shingles: number }[];
    expect(imported.length).toBe(5);
    // The project as Liaison 7 left it: format 1 signatures, schema 7.
    const old = store.db.prepare('UPDATE documents SET minhash = ? WHERE rowid = ?');
    for (const d of imported) old.run(formatOne(d.rowid), d.rowid);
    store.db.pragma('user_version = 7');
    store.close();

    const upgraded = openProject(file, { backupDir: path.join(dir, 'backups') });
    try {
      expect(upgraded.backupPath).toBeDefined();
      const after = upgraded.db.prepare('SELECT rowid, minhash, shingles FROM documents ORDER BY rowid').all() as typeof imported;
      expect(after.map((d) => [d.rowid, d.minhash.toString('hex'), d.shingles])).toEqual(imported.map((d) => [d.rowid, d.minhash.toString('hex'), d.shingles]));
      expect(after.every((d) => d.minhash[1] === 2 && d.minhash.length === 4 + 128 * 2)).toBe(true);
    } finally {
      upgraded.close();
    }
  });
});
