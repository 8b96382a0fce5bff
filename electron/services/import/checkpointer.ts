import { Worker } from 'node:worker_threads';
import type { Db } from '../../store/open';
import { defaultWorkerPath, workerExecArgv } from './worker-pool';

/** How often the checkpoint thread copies the WAL back while an import writes. */
const EVERY_MS = 100;

/**
 * While an import writes, the WAL is copied back into the project file by a checkpoint thread
 * (checkpoint-worker.ts) instead of inside the main thread's commits: SQLite's automatic checkpoint
 * runs in the commit that crosses its threshold, so one write transaction in a few also copied and
 * fsynced megabytes, and a call made meanwhile waited for it. The main connection's automatic
 * checkpoint is off for that time and put back after.
 *
 * When the thread cannot start (the worker is not built), the import goes on with SQLite's own.
 */
export class Checkpointer {
  private exited = false;

  private constructor(
    private readonly db: Db,
    private readonly worker: Worker,
    private readonly walPages: number,
  ) {
    worker.once('exit', () => {
      this.exited = true;
    });
  }

  static start(db: Db, file: string): Checkpointer | null {
    let worker: Worker;
    try {
      worker = new Worker(defaultWorkerPath('checkpoint-worker'), { execArgv: workerExecArgv(), workerData: { file, everyMs: EVERY_MS } });
    } catch {
      return null;
    }
    const walPages = db.pragma('wal_autocheckpoint', { simple: true }) as number;
    db.pragma('wal_autocheckpoint = 0');
    // A thread that fails (the file gone, out of memory) hands the copying back to SQLite.
    const checkpointer = new Checkpointer(db, worker, walPages);
    worker.on('error', () => checkpointer.restore());
    return checkpointer;
  }

  /** Final copy, the thread gone, the automatic checkpoint back; how many rounds the thread ran. */
  async stop(): Promise<number> {
    // A thread that already ended (an error) answers nothing: do not wait for it.
    if (this.exited) {
      this.restore();
      return 0;
    }
    try {
      return await new Promise<number>((resolve, reject) => {
        this.worker.once('message', (m: { rounds: number }) => resolve(m.rounds));
        this.worker.once('error', reject);
        this.worker.once('exit', () => resolve(0));
        this.worker.postMessage('stop');
      });
    } catch {
      return 0;
    } finally {
      await this.worker.terminate();
      this.restore();
    }
  }

  private restore(): void {
    if (this.db.open) this.db.pragma(`wal_autocheckpoint = ${this.walPages}`);
  }
}
