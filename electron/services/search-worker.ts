import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

/**
 * One thread of the search pool (search-pool.ts): runs the statements it is sent on a read-only
 * connection of its own to the project file and answers with their rows. Read-only at the SQLite
 * level: nothing sent here can change the project.
 */
if (!parentPort) throw new Error('search-worker must run as a worker thread');
const port = parentPort;
const { file, closed, index } = workerData as { file: string; closed: SharedArrayBuffer; index: number };
const db = new Database(file, { readonly: true, fileMustExist: true });
// As the main connection: wait out a checkpoint that briefly holds the file rather than fail.
db.pragma('busy_timeout = 5000');
const statements = new Map<string, Database.Statement>();

export interface SearchJob {
  id: number;
  statements: { sql: string; params: Record<string, unknown> }[];
}

port.on('message', (job: SearchJob | 'close') => {
  if (job === 'close') {
    db.close();
    // The main thread waits on this flag before closing its own connection (search-pool.ts).
    const flags = new Int32Array(closed);
    Atomics.store(flags, index, 1);
    Atomics.notify(flags, index);
    port.close();
    return;
  }
  try {
    const results = job.statements.map(({ sql, params }) => {
      let stmt = statements.get(sql);
      if (!stmt) {
        stmt = db.prepare(sql);
        statements.set(sql, stmt);
      }
      return stmt.all(params);
    });
    port.postMessage({ id: job.id, results });
  } catch (err) {
    port.postMessage({ id: job.id, error: (err as Error).message });
  }
});
