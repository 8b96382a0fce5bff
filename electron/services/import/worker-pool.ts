import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FileJob, FileResult } from './prepare';

/**
 * The built worker lives at dist/workers/import-worker.js. From a bundle in dist/<door>/ it is
 * a sibling folder; from the sources (tests) we look for the repository's dist/.
 */
export function defaultWorkerPath(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.resolve(here, '..', 'workers', 'import-worker.js')];
  for (let dir = here; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    candidates.push(path.join(dir, 'dist', 'workers', 'import-worker.js'));
  }
  const found = candidates.find((c) => fs.existsSync(c));
  if (!found) throw new Error('The import worker is not built; run `npm run build`.');
  return found;
}

interface Pending {
  resolve: (r: FileResult) => void;
  reject: (e: Error) => void;
}

/** A fixed set of worker threads; `run` hands a file to the next free one. */
export class WorkerPool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly waiting: (() => void)[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(size = Math.max(1, Math.min(4, os.availableParallelism())), workerPath = defaultWorkerPath()) {
    for (let i = 0; i < size; i++) {
      const w = new Worker(workerPath);
      w.on('message', (msg: { id: number; result: FileResult }) => {
        const p = this.pending.get(msg.id);
        this.pending.delete(msg.id);
        this.release(w);
        p?.resolve(msg.result);
      });
      w.on('error', (err) => {
        for (const [id, p] of this.pending) {
          this.pending.delete(id);
          p.reject(err);
        }
      });
      this.workers.push(w);
      this.idle.push(w);
    }
  }

  get size(): number {
    return this.workers.length;
  }

  private release(w: Worker): void {
    this.idle.push(w);
    this.waiting.shift()?.();
  }

  async run(job: FileJob): Promise<FileResult> {
    while (this.idle.length === 0) await new Promise<void>((r) => this.waiting.push(r));
    const w = this.idle.pop()!;
    const id = this.nextId++;
    return new Promise<FileResult>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      w.postMessage({ id, job });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
