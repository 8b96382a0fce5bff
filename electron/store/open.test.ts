import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { SCHEMA_VERSION } from './migrations';
import { createProject, openProject } from './open';
import { appendAudit, verifyAuditChain } from './repos/audit';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-store-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function expectAppError(fn: () => unknown, code: string, text?: RegExp): void {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe(code);
    if (text) expect((err as AppError).message).toMatch(text);
    return;
  }
  throw new Error(`expected an AppError ${code}`);
}

/** A file as an older Liaison (schema 1, the first release) wrote it: built from the real first migration only. */
function makeSchema1File(file: string): void {
  const db = new Database(file);
  db.exec(fs.readFileSync(path.join(import.meta.dirname, '__fixtures__', 'schema-v1.sql'), 'utf8'));
  db.close();
}

describe('project store', () => {
  it('lists its migrations once each, in numbered order', async () => {
    const { migrations } = await import('./migrations');
    const numbers = migrations.map((m) => Number(m.name.slice(0, 4)));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('creates a fresh file with every migration, WAL, foreign keys and an identity', () => {
    const file = path.join(dir, 'a.liaison');
    const store = createProject(file, 'Alpha');
    const info = store.info();
    expect(info).toMatchObject({ name: 'Alpha', path: file, schemaVersion: SCHEMA_VERSION, readOnly: false });
    expect(info.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.db.pragma('synchronous', { simple: true })).toBe(2);
    store.close();
    const again = openProject(file);
    expect(again.info().id).toBe(info.id);
    expect(again.backupPath).toBeUndefined();
    again.close();
  });

  it('refuses to create over an existing file', () => {
    const file = path.join(dir, 'a.liaison');
    fs.writeFileSync(file, 'precious');
    expectAppError(() => createProject(file), 'exists');
    expect(fs.readFileSync(file, 'utf8')).toBe('precious');
  });

  it('migrates a copy of an older version, taking a backup first', () => {
    const file = path.join(dir, 'old.liaison');
    makeSchema1File(file);
    expect(SCHEMA_VERSION).toBeGreaterThan(1);
    const before = fs.readFileSync(file);
    const store = openProject(file, { backupDir: path.join(dir, 'backups') });
    expect(store.info().schemaVersion).toBe(SCHEMA_VERSION);
    expect(store.backupPath).toBeDefined();
    expect(fs.existsSync(store.backupPath!)).toBe(true);
    const backup = new Database(store.backupPath!, { readonly: true });
    expect(backup.prepare('SELECT value FROM meta WHERE key = ?').get('name')).toEqual({ value: 'Old project' });
    backup.close();
    expect(before.length).toBeGreaterThan(0);
    store.close();
  });

  it('refuses a file from a newer Liaison without changing it', () => {
    const file = path.join(dir, 'new.liaison');
    createProject(file).close();
    const db = new Database(file);
    db.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    db.close();
    const bytes = fs.readFileSync(file);
    expectAppError(() => openProject(file), 'project-too-new', /newer Liaison/);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    expect(fs.existsSync(`${file}.lock`)).toBe(false);
  });

  it('reports a damaged file clearly instead of crashing', () => {
    const file = path.join(dir, 'bad.liaison');
    const store = createProject(file);
    store.db.exec("CREATE TABLE filler (x TEXT); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400) INSERT INTO filler SELECT printf('%0500d', i) FROM n;");
    store.close();
    const bytes = fs.readFileSync(file);
    // Scribble over pages after the header: the header stays valid, the b-trees do not.
    for (let i = 4096 * 2; i < bytes.length; i += 97) bytes[i] = 0xff;
    fs.writeFileSync(file, bytes);
    expectAppError(() => openProject(file), 'project-damaged', /damaged/);
    expect(fs.existsSync(`${file}.lock`)).toBe(false);
  });

  it('refuses a file that is not a project', () => {
    const file = path.join(dir, 'notes.liaison');
    fs.writeFileSync(file, 'just some text that is long enough to have a header');
    expectAppError(() => openProject(file), 'not-a-project');
    const other = path.join(dir, 'other.db');
    new Database(other).exec('CREATE TABLE t(x)');
    expectAppError(() => openProject(other), 'not-a-project');
  });

  it('does not open a project for writing twice, and takes over a stale lock', () => {
    const file = path.join(dir, 'a.liaison');
    const first = createProject(file);
    expectAppError(() => openProject(file), 'project-locked', /already open/);
    first.close();
    // A lock left by a process that no longer exists is stale.
    fs.writeFileSync(`${file}.lock`, JSON.stringify({ pid: 2 ** 22 + 12345, host: os.hostname(), since: '2020-01-01T00:00:00Z' }));
    const second = openProject(file);
    second.close();
    // A live holder in another process: this test process's parent stands in for it.
    fs.writeFileSync(`${file}.lock`, JSON.stringify({ pid: process.ppid, host: os.hostname(), since: '2020-01-01T00:00:00Z' }));
    expectAppError(() => openProject(file), 'project-locked', new RegExp(`process ${process.ppid}`));
    // Read-only opens take no lock.
    const ro = openProject(file, { readOnly: true });
    expect(ro.readOnly).toBe(true);
    ro.close();
  });

  it('keeps an append-only, hash-chained audit log that detects an edited row', () => {
    const store = createProject(path.join(dir, 'a.liaison'));
    const coderId = (store.db.prepare('SELECT id FROM coders').get() as { id: string }).id;
    for (let i = 0; i < 3; i++) appendAudit(store.db, { coderId, entity: 'document', entityId: `d${i}`, action: 'edit', before: { t: i }, after: { t: i + 1 } });
    expect(verifyAuditChain(store.db)).toEqual({ entries: 3, breaks: [] });
    expect(() => store.db.exec("UPDATE audit_log SET action = 'x' WHERE seq = 2")).toThrow(/append-only/);
    // Someone bypasses the trigger: the chain still tells.
    store.db.exec('DROP TRIGGER audit_log_no_update');
    store.db.exec(`UPDATE audit_log SET after_json = '{"t":99}' WHERE seq = 2`);
    const result = verifyAuditChain(store.db);
    expect(result.breaks).toEqual([{ seq: 2, reason: expect.stringContaining('edited') }]);
    store.close();
  });
});
