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
  process.stdout.write(`${JSON.stringify({ elapsedMs: performance.now() - started, maxRssMb: process.resourceUsage().maxRSS / 1024, docs: files.length })}\n`);
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
  await answeredAfterStop;
  store.close();
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
    })}\n`,
  );
}
