import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

/**
 * Copies committed WAL pages back into the project file while an import writes, on a connection of
 * its own in this thread, so the main thread never waits for that copy (and its fsync) inside a
 * commit. A PASSIVE checkpoint takes no lock a writer or a reader waits for.
 */
if (!parentPort) throw new Error('checkpoint-worker must run as a worker thread');
const port = parentPort;
const { file, everyMs } = workerData as { file: string; everyMs: number };
const db = new Database(file, { fileMustExist: true });
let rounds = 0;
const checkpoint = () => {
  db.pragma('wal_checkpoint(PASSIVE)');
  rounds++;
};
const timer = setInterval(checkpoint, everyMs);
port.on('message', (msg: 'stop') => {
  if (msg !== 'stop') return;
  clearInterval(timer);
  checkpoint();
  db.close();
  port.postMessage({ rounds });
});
