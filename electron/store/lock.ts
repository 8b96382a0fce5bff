import fs from 'node:fs';
import os from 'node:os';
import { AppError } from '../../shared/errors';

/**
 * One writer per project file. SQLite's own locks only last a transaction, so a second Liaison
 * window or process could open the same file and interleave edits. A lock file beside the project
 * (`<file>.lock`, created with O_EXCL) names the holder; a lock whose process is gone is stale and
 * taken over. Read-only opens (terminal reports) take no lock.
 */
export interface ProjectLock {
  path: string;
  release(): void;
}

interface LockBody {
  pid: number;
  host: string;
  since: string;
}

const heldHere = new Set<string>();

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(lockPath: string): LockBody | null {
  try {
    return JSON.parse(fs.readFileSync(lockPath, 'utf8')) as LockBody;
  } catch {
    return null;
  }
}

export function acquireLock(projectPath: string): ProjectLock {
  const lockPath = `${projectPath}.lock`;
  if (heldHere.has(lockPath)) {
    throw new AppError('project-locked', `${projectPath} is already open in another Liaison window. Switch to that window, or close the project there first.`);
  }
  const body: LockBody = { pid: process.pid, host: os.hostname(), since: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, JSON.stringify(body), { flag: 'wx' });
      heldHere.add(lockPath);
      let released = false;
      return {
        path: lockPath,
        release() {
          if (released) return;
          released = true;
          heldHere.delete(lockPath);
          const current = readLock(lockPath);
          if (current && current.pid === body.pid && current.since === body.since) fs.rmSync(lockPath, { force: true });
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new AppError('io', `Cannot create the lock file ${lockPath}: ${(err as Error).message}. Check that the folder is writable.`);
      }
      const holder = readLock(lockPath);
      const stale = !holder || (holder.host === os.hostname() && !processAlive(holder.pid));
      if (!stale) {
        const where = holder.host === os.hostname() ? `process ${holder.pid}` : `process ${holder.pid} on ${holder.host}`;
        throw new AppError(
          'project-locked',
          `${projectPath} is open for writing in another Liaison (${where}, since ${holder.since}). Close it there first; if that Liaison is gone, delete ${lockPath}.`,
        );
      }
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new AppError('project-locked', `Could not take the lock ${lockPath}; another Liaison is opening the same project.`);
}
