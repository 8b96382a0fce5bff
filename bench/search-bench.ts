// npm run bench:search [-- --size 100000]
// p50/p95 latency of a query mix for the top 50 hits with snippets, on a project of synthetic
// articles imported by Liaison's own import; baseline in the same run: the same MATCH, unranked,
// first 50 rowids, no snippets.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AppContext } from '../electron/services/context';
import { runImport } from '../electron/services/import/import-service';
import { searchDocuments } from '../electron/services/library';
import { toFtsQuery } from '../electron/services/search-query';
import { createProject, openProject } from '../electron/store/open';
import { DEFAULT_IMPORT_OPTIONS } from '../shared/model/library';
import { CORPUS_VERSION, ensureCorpus } from './corpus';
import { quantile, writeSection } from './report';

const arg = process.argv.indexOf('--size');
const size = Number(arg > 0 ? process.argv[arg + 1] : (process.env.BENCH_SEARCH_SIZE ?? '100000'));
const work = path.join(os.tmpdir(), 'liaison-bench');
const projectFile = path.join(work, `search-v${CORPUS_VERSION}-${size}.liaison`);

if (!fs.existsSync(projectFile)) {
  const { dir } = ensureCorpus(work, size);
  process.stderr.write(`importing ${size} articles for the search bench…\n`);
  const store = createProject(`${projectFile}.tmp`);
  const coderId = (store.db.prepare('SELECT id FROM coders').get() as { id: string }).id;
  await runImport(store, [dir], DEFAULT_IMPORT_OPTIONS, coderId);
  store.close();
  fs.renameSync(`${projectFile}.tmp`, projectFile);
}

const store = openProject(projectFile, { readOnly: true });
const ctx: AppContext = { mode: 'browser', version: 'bench', userDataDir: work, store, emit: () => {} };
const mix: Record<string, string[]> = {
  words: ['security', 'Baghdad', 'memorandum', 'al-Araji', 'Mayorkas'],
  phrases: ['"border security"', '"intelligence sharing"', '"met with"', '"regional stability"'],
  boolean: ['Iraq AND Somalia', 'training OR advisory', 'security NOT Tehran', '(Baghdad OR Mogadishu) AND delegation'],
  prefix: ['secur*', 'terror*', 'coop*', 'Shamk*'],
  near: ['NEAR(border security, 5)', 'NEAR(training support, 10)'],
};
const ROUNDS = 15;
const loadBefore = os.loadavg()[0].toFixed(1);
const baseline = store.db.prepare('SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? LIMIT 50');
const countMatches = store.db.prepare('SELECT count(*) AS n FROM documents_fts WHERE documents_fts MATCH ?');
const rows: string[] = [];
const all: number[] = [];
const allBase: number[] = [];
for (const [kind, queries] of Object.entries(mix)) {
  const times: number[] = [];
  const base: number[] = [];
  const matches = queries.map((q) => (countMatches.get(toFtsQuery(q)) as { n: number }).n);
  for (let round = 0; round < ROUNDS; round++) {
    for (const q of queries) {
      let t = performance.now();
      baseline.all(toFtsQuery(q));
      base.push(performance.now() - t);
      t = performance.now();
      await searchDocuments(ctx, { query: q, limit: 50, offset: 0 });
      times.push(performance.now() - t);
    }
  }
  times.sort((a, b) => a - b);
  base.sort((a, b) => a - b);
  all.push(...times);
  allBase.push(...base);
  rows.push(`| ${kind} | ${Math.min(...matches).toLocaleString('en')}–${Math.max(...matches).toLocaleString('en')} | ${quantile(times, 0.5).toFixed(1)} ms | ${quantile(times, 0.95).toFixed(1)} ms | ${quantile(base, 0.5).toFixed(2)} ms | ${quantile(base, 0.95).toFixed(2)} ms |`);
}
all.sort((a, b) => a - b);
allBase.sort((a, b) => a - b);
const total = (store.db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
store.close();
rows.push(`| **all** | | **${quantile(all, 0.5).toFixed(1)} ms** | **${quantile(all, 0.95).toFixed(1)} ms** | ${quantile(allBase, 0.5).toFixed(2)} ms | ${quantile(allBase, 0.95).toFixed(2)} ms |`);
const table = rows.join('\n');
process.stderr.write(`${table}\n`);
writeSection(
  'search',
  `## Search (\`npm run bench:search\`)

${total.toLocaleString('en')} articles. Liaison's search: ranked by bm25 over all matches, total count, top 50 with highlighted snippets and titles. Baseline: the same FTS5 MATCH, unranked, first 50 rowids, no snippets. ${ROUNDS} rounds of each query. Aim: p95 under 50 ms. Load average (1 min) when the queries started and ended: ${loadBefore} → ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores (other work on the machine slows every figure).

The articles' words follow Zipf's law (bench/corpus.ts, corpus version ${CORPUS_VERSION}), so a query's matches range from a few hundred articles to all of them (\`"met with"\` is in every lead): the matches column gives each kind's range. Ranking (bm25 over every match) and counting grow with the matches, as the baseline's unranked first 50 shows. A bare prefix (\`secur*\`) is spelt out as the index's terms for the snippets of the page shown (from an fts5vocab table): highlighting a row with the prefix itself made FTS5 merge the lists of every matching term for each row, a quarter of a second per page.

| queries | matches | p50 | p95 | baseline p50 | baseline p95 |
|---|---|---|---|---|---|
${table}`,
);
