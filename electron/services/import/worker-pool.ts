import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FileJob, FileResult } from './prepare';

/**
 * The built workers live in dist/workers/ (import-worker.js, checkpoint-worker.js). From a bundle
 * in dist/<door>/ that is a sibling folder; from the sources (tests) we look for the repository's
 * dist/.
 */
export function defaultWorkerPath(name = 'import-worker'): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.resolve(here, '..', 'workers', `${name}.js`)];
  for (let dir = here; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    candidates.push(path.join(dir, 'dist', 'workers', `${name}.js`));
  }
  const found = candidates.find((c) => fs.existsSync(c));
  if (!found) throw new Error(`The ${name} is not built; run \`npm run build\`.`);
  return found;
}

/**
 * The worker is a built bundle, so a TypeScript loader the parent was started with (`--import tsx`
 * in benches and scripts) is left out: loading it again in every worker cost about a second of
 * CPU each. Other flags (--cpu-prof, --max-old-space-size ...) pass through.
 */
export function workerExecArgv(parent: readonly string[] = process.execArgv): string[] {
  const out: string[] = [];
  for (let i = 0; i < parent.length; i++) {
    const a = parent[i];
    if ((a === '--import' || a === '--require' || a === '-r' || a === '--loader') && /tsx/.test(parent[i + 1] ?? '')) {
      i++;
      continue;
    }
    if (/^--(import|require|loader)=.*tsx/.test(a)) continue;
    out.push(a);
  }
  return out;
}

/**
 * A parsing thread's young generation (where its many short-lived strings live), in MB. V8's
 * default let each thread hold far more: at 20k articles, 12 MB took the import's peak RSS from 402
 * to 372 MB at the same speed.
 */
export const PARSER_LIMITS = { maxYoungGenerationSizeMb: 12 };

interface Pending {
  resolve: (r: FileResult) => void;
  reject: (e: Error) => void;
}

/**
 * A fixed set of worker threads. Each worker keeps a few jobs queued so it never waits for the
 * main thread (which pauses to write a batch) before starting its next file.
 */
export class WorkerPool {
  private readonly workers: { worker: Worker; inFlight: number }[] = [];
  private readonly waiting: (() => void)[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(
    size = Math.max(1, Math.min(4, os.availableParallelism())),
    workerPath = defaultWorkerPath(),
    private readonly perWorker = 4,
  ) {
    for (let i = 0; i < size; i++) {
      const slot = { worker: new Worker(workerPath, { execArgv: workerExecArgv(), resourceLimits: PARSER_LIMITS }), inFlight: 0 };
      slot.worker.on('message', (msg: { id: number; result: FileResult }) => {
        const p = this.pending.get(msg.id);
        this.pending.delete(msg.id);
        slot.inFlight--;
        this.waiting.shift()?.();
        p?.resolve(msg.result);
      });
      slot.worker.on('error', (err) => {
        for (const [id, p] of this.pending) {
          this.pending.delete(id);
          p.reject(err);
        }
      });
      this.workers.push(slot);
    }
  }

  /** Each thread's resource limits as V8 applied them. */
  get limits(): Worker['resourceLimits'][] {
    return this.workers.map((w) => w.worker.resourceLimits);
  }

  /** How many jobs can usefully be in flight at once. */
  get capacity(): number {
    return this.workers.length * this.perWorker;
  }

  async run(job: FileJob): Promise<FileResult> {
    for (;;) {
      const slot = this.workers.reduce((a, b) => (b.inFlight < a.inFlight ? b : a));
      if (slot.inFlight < this.perWorker) {
        slot.inFlight++;
        const id = this.nextId++;
        return new Promise<FileResult>((resolve, reject) => {
          this.pending.set(id, { resolve, reject });
          slot.worker.postMessage({ id, job });
        });
      }
      await new Promise<void>((r) => this.waiting.push(r));
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }
}
