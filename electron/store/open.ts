import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import type { ProjectInfo } from '../../shared/model/project';
import { acquireLock, type ProjectLock } from './lock';
import { migrations, SCHEMA_VERSION } from './migrations';

export type Db = Database.Database;

export interface Store {
  db: Db;
  path: string;
  readOnly: boolean;
  /** Set when opening made a pre-migration backup. */
  backupPath?: string;
  info(): ProjectInfo;
  close(): void;
  /** Runs `fn` when the project is closed, before its connection is (threads reading it stop then). */
  onClose(fn: () => void): void;
}

export const PROJECT_EXTENSION = '.liaison';
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export interface OpenOptions {
  readOnly?: boolean;
  /** Folder for pre-migration backups; default `<project>-backups` beside the file. */
  backupDir?: string;
}

function applyPragmas(db: Db, readOnly: boolean): void {
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  if (!readOnly) {
    db.pragma('journal_mode = WAL');
    // FULL: a crash or power cut never loses a committed transaction (the analyst's coding).
    db.pragma('synchronous = FULL');
  }
}

function damaged(file: string, detail: string): AppError {
  return new AppError(
    'project-damaged',
    `${file} is damaged (${detail}). Nothing was changed. Restore it from a backup (see the ${path.basename(file, PROJECT_EXTENSION)}-backups folder beside it) or try "sqlite3 ${path.basename(file)} .recover".`,
  );
}

export function backupDirFor(file: string): string {
  return path.join(path.dirname(file), `${path.basename(file, PROJECT_EXTENSION)}-backups`);
}

function migrate(db: Db, from: number): void {
  const run = db.transaction(() => {
    for (let v = from; v < SCHEMA_VERSION; v++) migrations[v].up(db);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  });
  run();
}

function readMeta(db: Db): Record<string, string> {
  const rows = db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[];
  return Object.fromEntries(rows.map((r) => [r.key, r.value]));
}

function makeStore(db: Db, file: string, readOnly: boolean, lock: ProjectLock | null, backupPath?: string): Store {
  let closed = false;
  const closers: (() => void)[] = [];
  return {
    db,
    path: file,
    readOnly,
    backupPath,
    info() {
      const meta = readMeta(db);
      return {
        id: meta.project_id,
        name: meta.name,
        path: file,
        schemaVersion: db.pragma('user_version', { simple: true }) as number,
        createdAt: meta.created_at,
        readOnly,
        ...(backupPath ? { backupPath } : {}),
      };
    },
    onClose(fn) {
      closers.push(fn);
    },
    close() {
      if (closed) return;
      closed = true;
      try {
        for (const fn of closers) fn();
        if (!readOnly) db.pragma('wal_checkpoint(TRUNCATE)');
      } finally {
        db.close();
        lock?.release();
      }
    },
  };
}

/** Create a new project file. Refuses a path that exists. */
export function createProject(file: string, name?: string): Store {
  const abs = path.resolve(file);
  if (fs.existsSync(abs)) {
    throw new AppError('exists', `${abs} already exists. Open it instead, or choose another name.`);
  }
  const dir = path.dirname(abs);
  if (!fs.existsSync(dir)) throw new AppError('not-found', `The folder ${dir} does not exist. Create it first or choose another place.`);
  const lock = acquireLock(abs);
  let db: Db | undefined;
  try {
    db = new Database(abs);
    applyPragmas(db, false);
    migrate(db, 0);
    const now = new Date().toISOString();
    const coderName = os.userInfo().username || 'Analyst';
    const coderId = randomUUID();
    const seed = db.transaction(() => {
      const put = db!.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
      put.run('project_id', randomUUID());
      put.run('name', name?.trim() || path.basename(abs, PROJECT_EXTENSION));
      put.run('created_at', now);
      put.run('current_coder_id', coderId);
      db!
        .prepare('INSERT INTO coders (id, name, initials, color, created_at) VALUES (?, ?, ?, ?, ?)')
        .run(coderId, coderName, coderName.slice(0, 2).toUpperCase(), '#2f6f9f', now);
    });
    seed();
    return makeStore(db, abs, false, lock);
  } catch (err) {
    db?.close();
    lock.release();
    fs.rmSync(abs, { force: true });
    throw err;
  }
}

/** Open an existing project: checks it, refuses newer files, backs up then migrates older ones. */
export function openProject(file: string, opts: OpenOptions = {}): Store {
  const abs = path.resolve(file);
  const readOnly = opts.readOnly ?? false;
  let header: Buffer;
  try {
    const fd = fs.openSync(abs, 'r');
    header = Buffer.alloc(16);
    fs.readSync(fd, header, 0, 16, 0);
    fs.closeSync(fd);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new AppError('not-found', `${abs} does not exist. It may have been moved or deleted.`);
    if (code === 'EISDIR') throw new AppError('not-a-project', `${abs} is a folder, not a project file.`);
    throw new AppError('io', `Cannot read ${abs}: ${(err as Error).message}.`);
  }
  if (!header.equals(SQLITE_HEADER)) {
    throw new AppError('not-a-project', `${abs} is not a Liaison project (it is not an SQLite database).`);
  }
  const lock = readOnly ? null : acquireLock(abs);
  let db: Db | undefined;
  try {
    try {
      db = new Database(abs, { readonly: readOnly, fileMustExist: true });
      const check = db.pragma('quick_check', { simple: true }) as string;
      if (check !== 'ok') throw damaged(abs, `quick_check: ${check}`);
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw damaged(abs, (err as Error).message);
    }
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) {
      throw new AppError(
        'project-too-new',
        `${abs} was written by a newer Liaison (schema ${version}; this one knows up to ${SCHEMA_VERSION}). Update Liaison to open it; the file was not changed.`,
      );
    }
    const hasMeta = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").get();
    if (version === 0 || !hasMeta) {
      throw new AppError('not-a-project', `${abs} is an SQLite database but not a Liaison project.`);
    }
    applyPragmas(db, readOnly);
    let backupPath: string | undefined;
    if (version < SCHEMA_VERSION) {
      if (readOnly) {
        throw new AppError('project-too-new', `${abs} needs an upgrade (schema ${version} to ${SCHEMA_VERSION}); open it for writing once to upgrade it.`);
      }
      const dir = opts.backupDir ?? backupDirFor(abs);
      fs.mkdirSync(dir, { recursive: true });
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      backupPath = path.join(dir, `${path.basename(abs, PROJECT_EXTENSION)}.v${version}.${stamp}${PROJECT_EXTENSION}`);
      // VACUUM INTO writes a consistent, compact copy in one synchronous step.
      db.prepare('VACUUM INTO ?').run(backupPath);
      migrate(db, version);
    }
    return makeStore(db, abs, readOnly, lock, backupPath);
  } catch (err) {
    db?.close();
    lock?.release();
    throw err;
  }
}
