// npm run bench:import [-- --sizes 20000,100000]
// Generates a synthetic corpus per size and measures, in the same run, the floor (read + FTS5
// insert, nothing else) and Liaison's full import; reports docs/s, MB/s, the ratio, peak RSS and
// how long a contract call waits while the import runs.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureCorpus } from './corpus';
import { writeSection } from './report';

const arg = process.argv.indexOf('--sizes');
const sizes = (arg > 0 ? process.argv[arg + 1] : (process.env.BENCH_IMPORT_SIZES ?? '20000')).split(',').map(Number);
const work = path.join(os.tmpdir(), 'liaison-bench');
fs.mkdirSync(work, { recursive: true });

interface Cpu {
  main: number;
  workers: number[];
  helpers: number;
  total: number;
}

interface Io {
  writtenMb: number;
  fileMb: number;
}

interface Run {
  elapsedMs: number;
  io?: Io | null;
  cpu?: Cpu | null;
  maxRssMb: number;
  docs: number;
  callP50Ms?: number;
  callP95Ms?: number;
  callMaxMs?: number;
}

function run(mode: 'floor' | 'full', dir: string): Run {
  const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'import-run.ts'), mode, dir, path.join(work, `${mode}.liaison`)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.trim().split('\n').at(-1)!) as Run;
}

const rows: string[] = [];
const cpuRows: string[] = [];
const ioRows: string[] = [];
const loads: string[] = [];
const cores = os.availableParallelism();
const secs = (x: number) => `${x.toFixed(1)} s`;
const verdicts: string[] = [];
const met = (ok: boolean) => (ok ? 'met' : '**missed**');
const load = () => os.loadavg()[0].toFixed(1);
for (const size of sizes) {
  const { dir, bytes } = ensureCorpus(work, size);
  const loadBefore = load();
  process.stderr.write(`${size}: floor…\n`);
  const floor = run('floor', dir);
  process.stderr.write(`${size}: full import…\n`);
  const full = run('full', dir);
  const mb = bytes / 2 ** 20;
  const rate = (r: Run) => (size / r.elapsedMs) * 1000;
  const ratio = rate(full) / rate(floor);
  const line = `| ${size.toLocaleString('en')} | ${mb.toFixed(0)} MB | ${rate(floor).toFixed(0)} docs/s, ${((mb / floor.elapsedMs) * 1000).toFixed(1)} MB/s | ${rate(full).toFixed(0)} docs/s, ${((mb / full.elapsedMs) * 1000).toFixed(1)} MB/s | **${(ratio * 100).toFixed(0)}%** | ${floor.maxRssMb.toFixed(0)} MB | ${full.maxRssMb.toFixed(0)} MB | ${full.callP50Ms?.toFixed(0)} / ${full.callP95Ms?.toFixed(0)} / ${full.callMaxMs?.toFixed(0)} ms |`;
  process.stderr.write(`${line}\n`);
  rows.push(line);
  const maxWait = full.callMaxMs ?? 0;
  verdicts.push(
    `${size.toLocaleString('en')}: speed ${met(ratio >= 0.5)} (${(ratio * 100).toFixed(0)}%), call wait ${met(maxWait < 200)} (max ${maxWait.toFixed(0)} ms)` +
      (size >= 100_000 ? `, peak RSS ${met(full.maxRssMb < 600)} (${full.maxRssMb.toFixed(0)} MB)` : ''),
  );
  loads.push(`${size.toLocaleString('en')}: ${loadBefore} → ${load()}`);
  if (floor.io && full.io) {
    const gb = (mb: number) => `${(mb / 1024).toFixed(2)} GB`;
    const io = (r: Run) => `${gb(r.io!.writtenMb)} for ${gb(r.io!.fileMb)} (${(r.io!.writtenMb / r.io!.fileMb).toFixed(1)}×), ${((r.io!.writtenMb / r.elapsedMs) * 1000).toFixed(0)} MB/s`;
    ioRows.push(`| ${size.toLocaleString('en')} | ${io(floor)} | ${io(full)} |`);
  }
  if (floor.cpu && full.cpu) {
    // However well the work were spread, the import cannot take less wall time than its CPU time
    // over the cores, nor less than its busiest thread: the ratio to the floor that this allows.
    const least = Math.max(full.cpu.total / cores, full.cpu.main);
    const best = floor.elapsedMs / 1000 / least;
    cpuRows.push(
      `| ${size.toLocaleString('en')} | ${secs(floor.cpu.total)} (main ${secs(floor.cpu.main)}) | ${secs(full.cpu.main)} | ${full.cpu.workers.map(secs).join(', ')} | ${secs(full.cpu.helpers)} | ${secs(full.cpu.total)} | ${secs(full.elapsedMs / 1000)} | ${secs(least)} | ${(best * 100).toFixed(0)}% |`,
    );
  }
}

writeSection(
  'import',
  `## Import (\`npm run bench:import\`)

Floor: read each file and insert it into an FTS5 table in one transaction, nothing else. Full: Liaison's import (walk, hash, decode, parse and clean in worker threads, short write transactions with ranges and exact and near duplicate links, batch boilerplate, search rows written once after the batch pass). Aim: full at 50% of the floor or better; peak RSS under 600 MB at 100k. The last column is the wait for a \`documents.list\` call made every 50 ms during the full import, its last stretch included (p50 / p95 / max); aim: under 200 ms.

Load average (1 min) when each size started and ended, on ${os.cpus().length} cores (other work on the machine slows every figure): ${loads.join('; ')}.

| articles | corpus | floor | full import | full / floor | floor peak RSS | full peak RSS | call wait during import |
|---|---|---|---|---|---|---|---|
${rows.join('\n')}

Aims: ${verdicts.join('; ')}.
${
  cpuRows.length > 0
    ? `
CPU time by thread (Linux's per-thread counters, sampled every 50 ms; a profile cannot give this, as its samples count a thread that waits for a core as busy). Worker threads: the parsing threads and the checkpoint thread, largest first. Other: V8's garbage collection and compiling threads, libuv. *Least wall time* is the larger of the total over the ${cores} cores and the main thread's own time: no spreading of this work could finish sooner, and the last column is the ratio to the floor that this would give.

| articles | floor CPU | full: main thread | worker threads | other | full: total CPU | full: wall | least wall time | best ratio this CPU allows |
|---|---|---|---|---|---|---|---|---|
${cpuRows.join('\n')}`
    : ''
}${
  ioRows.length > 0
    ? `

Written to disk (Linux's /proc/self/io: the WAL, the checkpoints into the project file, and the file itself) against the project file's final size, and the average rate over the run.

| articles | floor | full import |
|---|---|---|
${ioRows.join('\n')}`
    : ''
}`,
);
