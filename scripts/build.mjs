// Builds everything into dist/: the Node/Electron bundles with esbuild (fast, one config here)
// and the renderer with Vite. Flags: --node-only (skip the renderer), --if-missing (do nothing
// when dist/ is already complete: used by `prepare` so `npm install` leaves a runnable checkout).
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const dist = path.join(root, 'dist');

const nodeEntries = [
  { in: 'electron/main/main.ts', out: 'main/main' },
  { in: 'electron/cli/cli.ts', out: 'cli/cli' },
];
const optionalEntries = [
  { in: 'electron/services/import/import-worker.ts', out: 'workers/import-worker' },
  { in: 'electron/services/import/checkpoint-worker.ts', out: 'workers/checkpoint-worker' },
  { in: 'electron/services/search-worker.ts', out: 'workers/search-worker' },
];

const outputs = ['main/main.js', 'cli/cli.js', 'preload/preload.cjs', 'renderer/index.html', 'workers/import-worker.js', 'workers/checkpoint-worker.js', 'workers/search-worker.js'];
if (args.has('--if-missing') && outputs.every((o) => existsSync(path.join(dist, o)))) process.exit(0);

const define = { 'process.env.LIAISON_VERSION': JSON.stringify(pkg.version) };
const started = Date.now();

const entries = [...nodeEntries, ...optionalEntries.filter((e) => existsSync(path.join(root, e.in)))];
await esbuild({
  absWorkingDir: root,
  entryPoints: entries,
  outdir: dist,
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'esm',
  // Dependencies stay in node_modules (native better-sqlite3, pdfjs' own files); ours is bundled.
  packages: 'external',
  external: ['electron'],
  sourcemap: 'linked',
  define,
  logLevel: 'warning',
});
// A sandboxed preload must be one CommonJS file with nothing to require but electron.
await esbuild({
  absWorkingDir: root,
  entryPoints: { 'preload/preload': 'electron/preload/preload.ts' },
  outdir: dist,
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  external: ['electron'],
  define,
  logLevel: 'warning',
});

if (!args.has('--node-only')) {
  const { build: viteBuild } = await import('vite');
  rmSync(path.join(dist, 'renderer'), { recursive: true, force: true });
  await viteBuild({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
}
process.stderr.write(`built dist/ in ${Date.now() - started} ms\n`);
