// One measured run in its own process, so that peak RSS belongs to that run alone.
//   tsx bench/import-run.ts floor|full CORPUS_DIR DB_FILE
import fs from 'node:fs';
import Database from 'better-sqlite3';
import type { AppContext } from '../electron/services/context';
import { runImport } from '../electron/services/import/import-service';
import { dispatch, serviceHandlers } from '../electron/services/router';
import { createProject } from '../electron/store/open';
import { DEFAULT_IMPORT_OPTIONS } from '../shared/model/library';
import { listFiles } from './corpus';
import { quantile } from './report';

const [mode, dir, dbFile] = process.argv.slice(2);
fs.rmSync(dbFile, { force: true });
const started = performance.now();

/**
 * CPU time by thread from the start of the run, from Linux's /proc/self/task (sampled every 50 ms,
 * so a thread that ends is counted up to its last sample): the main thread, each worker thread
 * (parsers, the checkpointer), and V8's helper threads (garbage collection, compiling). A profile
 * of each thread cannot tell this: its samples count wall time, so a thread waiting for a core
 * looks busy.
 */
const threads = new Map<string, { name: string; ms: number }>();
const TICK_MS = 1000 / 100; // USER_HZ
function sampleThreads(): void {
  let tids: string[];
  try {
    tids = fs.readdirSync('/proc/self/task');
  } catch {
    return; // not Linux: no figures by thread
  }
  for (const tid of tids) {
    try {
      const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const fields = stat.slice(close + 2).split(' ');
      threads.set(tid, { name: stat.slice(stat.indexOf('(') + 1, close), ms: (Number(fields[11]) + Number(fields[12])) * TICK_MS });
    } catch {
      // the thread ended between the listing and the read
    }
  }
}
sampleThreads();
// What loading the modules took is not the run's: counted from here.
const before = new Map([...threads].map(([tid, t]) => [tid, t.ms]));
const usageBefore = process.resourceUsage();
setInterval(sampleThreads, 50).unref();
/** Bytes this process has had written to disk (Linux's /proc/self/io), and the project file's size. */
function written(): { writtenMb: number; fileMb: number } | null {
  try {
    const io = fs.readFileSync('/proc/self/io', 'utf8');
    const bytes = Number(/^write_bytes: (\d+)/m.exec(io)?.[1] ?? Number.NaN);
    return Number.isNaN(bytes) ? null : { writtenMb: bytes / 2 ** 20, fileMb: fs.statSync(dbFile).size / 2 ** 20 };
  } catch {
    return null;
  }
}

/** Seconds of CPU: main thread, worker threads (largest first), V8 helpers, whole process. */
function cpuByThread(): { main: number; workers: number[]; helpers: number; total: number } | null {
  sampleThreads();
  if (threads.size === 0) return null;
  const all = [...threads].map(([tid, t]) => ({ name: t.name, ms: t.ms - (before.get(tid) ?? 0) }));
  const sum = (xs: { ms: number }[]) => xs.reduce((a, t) => a + t.ms, 0) / 1000;
  const usage = process.resourceUsage();
  return {
    main: sum(all.filter((t) => t.name === 'MainThread')),
    workers: all
      .filter((t) => t.name === 'WorkerThread' && t.ms >= 100)
      .map((t) => t.ms / 1000)
      .sort((a, b) => b - a),
    helpers: sum(all.filter((t) => t.name !== 'MainThread' && t.name !== 'WorkerThread')),
    total: (usage.userCPUTime + usage.systemCPUTime - usageBefore.userCPUTime - usageBefore.systemCPUTime) / 1e6,
  };
}

if (mode === 'floor') {
  // The floor: read each file and insert it into an FTS5 table in one transaction, nothing else.
  const db = new Database(dbFile);
  db.pragma('journal_mode = WAL');
  db.exec("CREATE VIRTUAL TABLE t USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2')");
  const insert = db.prepare('INSERT INTO t (title, body) VALUES (?, ?)');
  const files = listFiles(dir);
  db.transaction(() => {
    for (const f of files) {
      const text = fs.readFileSync(f, 'utf8');
      insert.run(text.slice(0, text.indexOf('\n')), text);
    }
  })();
  db.close();
  const elapsedMs = performance.now() - started;
  process.stdout.write(`${JSON.stringify({ elapsedMs, maxRssMb: process.resourceUsage().maxRSS / 1024, docs: files.length, cpu: cpuByThread(), io: written() })}\n`);
} else {
  const store = createProject(dbFile);
  const coderId = (store.db.prepare('SELECT id FROM coders').get() as { id: string }).id;
  const ctx: AppContext = { mode: 'browser', version: 'bench', userDataDir: '/tmp', store, emit: () => {} };
  // While importing, a call every 50 ms, timed from when it should have run to its answer:
  // the delay an analyst clicking in the window would feel. The call due when the import's last
  // stretch ran is waited for and counted too: a synchronous tail would otherwise go unmeasured.
  const latencies: number[] = [];
  let expected = performance.now() + 50;
  let stop = false;
  let lastAnswered: () => void = () => {};
  const answeredAfterStop = new Promise<void>((resolve) => {
    lastAnswered = resolve;
  });
  const probe = async () => {
    await dispatch(ctx, serviceHandlers, 'documents.list', { limit: 50 });
    latencies.push(performance.now() - expected);
    if (stop) return lastAnswered();
    expected = performance.now() + 50;
    setTimeout(probe, 50);
  };
  setTimeout(probe, 50);
  const summary = await runImport(store, [dir], DEFAULT_IMPORT_OPTIONS, coderId);
  stop = true;
  const elapsedMs = performance.now() - started;
  const cpu = cpuByThread();
  await answeredAfterStop;
  store.close();
  const io = written();
  latencies.sort((a, b) => a - b);
  process.stdout.write(
    `${JSON.stringify({
      elapsedMs,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
      docs: summary.imported,
      duplicates: summary.duplicates,
      failed: summary.failed.length,
      callP50Ms: quantile(latencies, 0.5),
      callP95Ms: quantile(latencies, 0.95),
      callMaxMs: latencies.at(-1) ?? 0,
      cpu,
      io,
    })}\n`,
  );
}
