// npm run bench:graph [-- --nodes 5000 --edges 20000]
// A large actor network in headless Chromium, two ways in the same browser: Liaison's (the app's own
// layout worker: a draft placement drawn at once, then ForceAtlas2 refining it; vis-network with
// physics off, stored positions and the view's options) and plain vis-network with its default physics; plus vis's defaults with physics
// off on the same positions, for frame times. Reports time to the picture, the frame times of
// panning and zooming (scripted, and by mouse wheel and drag), and the ratios.
// Aim (issue 7): 5,000 nodes and 20,000 edges drawn in under 2 s, no stalls.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { type Browser, chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumExecutable } from '../e2e/browser';
import { layoutIterations } from '../renderer/src/features/network/layout';
import { generateGraph } from './graph-page/graph';
import type { BaselineDraw, BenchApi, LiaisonDraw, PanZoom, Positions } from './graph-page/page';
import { quantile, writeSection } from './report';

const argOf = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return Number(i > 0 ? process.argv[i + 1] : fallback);
};
const NODES = argOf('nodes', process.env.BENCH_GRAPH_NODES ?? '5000');
const EDGES = argOf('edges', process.env.BENCH_GRAPH_EDGES ?? '20000');
/** Plain vis-network may never settle on a graph this size: stop waiting here and say so. */
const STABILIZE_CAP_MS = 60_000;
/** First opens and reopens are each drawn this many times, each in a fresh page; the median is reported. */
const RUNS = 3;
const PAN_ZOOM_MS = 2000;
/** The cap timer fires between vis's batches of 50 iterations; past this the page is blocked inside one. */
const BLOCKED_SLACK_MS = 60_000;
/** A frame this long is a visible stall (the issue's "without stalls"). */
const STALL_MS = 50;
const VIEWPORT = { width: 1280, height: 800 };

const root = path.resolve(import.meta.dirname, '..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-graph-bench-'));

/** The page and the app's own layout worker, bundled from node_modules: nothing is fetched. */
async function buildPage(): Promise<void> {
  await build({
    absWorkingDir: root,
    entryPoints: { page: 'bench/graph-page/page.ts', 'layout-worker': 'renderer/src/features/network/layout-worker.ts' },
    outdir: work,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    logLevel: 'warning',
  });
  fs.copyFileSync(path.join(root, 'bench', 'graph-page', 'index.html'), path.join(work, 'index.html'));
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json' };

/** A loopback static server over `work`, on a port the system picks. */
function serve(): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const name = path.basename(new URL(req.url ?? '/', 'http://x').pathname) || 'index.html';
    const file = path.join(work, name);
    if (!fs.existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(name)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

interface Frames {
  frames: number;
  draws: number;
  p50: number;
  p95: number;
  max: number;
  stalls: number;
}

function frames(p: PanZoom): Frames {
  const sorted = [...p.gaps].sort((a, b) => a - b);
  return {
    frames: p.gaps.length,
    draws: p.draws,
    p50: quantile(sorted, 0.5),
    p95: quantile(sorted, 0.95),
    max: sorted.at(-1) ?? 0,
    // Frame times come in whole vsyncs (16.7 ms): exactly three reads 49.9-50.1 ms and is no stall.
    stalls: p.gaps.filter((g) => g > STALL_MS + 1).length / Math.max(1, p.gaps.length),
  };
}

/** Wheel in, drag the view across, wheel out, as an analyst's hand would; the frame gaps meanwhile. */
async function userPanZoom(page: Page): Promise<Frames> {
  await page.evaluate(() => (window as unknown as { bench: BenchApi }).bench.startFrames());
  const cx = VIEWPORT.width / 2;
  const cy = VIEWPORT.height / 2;
  await page.mouse.move(cx, cy);
  for (let i = 0; i < 8; i++) await page.mouse.wheel(0, -100);
  await page.mouse.down();
  await page.mouse.move(cx + 300, cy + 120, { steps: 20 });
  await page.mouse.move(cx - 200, cy - 80, { steps: 20 });
  await page.mouse.up();
  for (let i = 0; i < 8; i++) await page.mouse.wheel(0, 100);
  // vis redraws the edges it hid while zooming 250 ms after the last wheel: that frame counts too.
  await page.waitForTimeout(500);
  return frames(await page.evaluate(() => (window as unknown as { bench: BenchApi }).bench.stopFrames()));
}

async function scriptedPanZoom(page: Page): Promise<Frames> {
  return frames(await page.evaluate((ms) => (window as unknown as { bench: BenchApi }).bench.animatedPanZoom(ms), PAN_ZOOM_MS));
}

async function openPage(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext({ viewport: VIEWPORT })).newPage();
  page.on('pageerror', (e) => process.stderr.write(`page error: ${e.message}\n`));
  page.on('crash', () => process.stderr.write('page crashed\n'));
  page.on('console', (m) => m.type() === 'error' && process.stderr.write(`page console: ${m.text()}\n`));
  await page.goto(`${base}/index.html`);
  await page.waitForFunction(() => 'bench' in window);
  const loaded = await page.evaluate(() => (window as unknown as { bench: BenchApi }).bench.load());
  if (loaded.nodes !== NODES || loaded.edges !== EDGES) throw new Error(`page loaded ${loaded.nodes} nodes and ${loaded.edges} edges`);
  return page;
}

const t = performance.now();
const loadAtStart = os.loadavg()[0];
const graph = generateGraph(NODES, EDGES);
const degrees = graph.nodes.map((n) => n.degree).sort((a, b) => b - a);
fs.writeFileSync(path.join(work, 'graph.json'), JSON.stringify(graph));
await buildPage();
process.stderr.write(`graph of ${NODES} nodes, ${graph.edges.length} edges (max degree ${degrees[0]}, median ${quantile([...degrees].reverse(), 0.5)}) and page built in ${(performance.now() - t).toFixed(0)} ms\n`);

const server = await serve();
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const executablePath = chromiumExecutable();
const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: CHROMIUM_ARGS });
try {
  // Each open in a fresh page, as the app opens a project in a new session: nothing of vis-network
  // compiled yet, no text measured. (Drawing again in the same page took about half as long: a
  // reopen measured after a first open in one page looked faster than any reopen is.)
  // First opens: no position stored, the layout in the worker.
  const firsts: LiaisonDraw[] = [];
  let stored: Positions = {};
  let page: Page;
  for (let i = 0; i < RUNS; i++) {
    page = await openPage(browser);
    firsts.push(await page.evaluate(() => (window as unknown as { bench: BenchApi }).bench.liaison(false)));
    process.stderr.write(`liaison, first open: ${JSON.stringify(firsts.at(-1))}\n`);
    if (i === 0) stored = await page.evaluate(() => (window as unknown as { bench: BenchApi }).bench.getStored());
    await page.context().close();
  }
  // Reopens: every position stored (the first run's refined layout), handed to a fresh page.
  const reopens: LiaisonDraw[] = [];
  for (let i = 0; i < RUNS; i++) {
    page = await openPage(browser);
    await page.evaluate((p) => (window as unknown as { bench: BenchApi }).bench.setStored(p), stored);
    reopens.push(await page.evaluate(() => (window as unknown as { bench: BenchApi }).bench.liaison(true)));
    process.stderr.write(`liaison, reopen: ${JSON.stringify(reopens.at(-1))}\n`);
    if (i < RUNS - 1) await page.context().close();
  }
  page = page!;
  const median = (runs: LiaisonDraw[]) => [...runs].sort((a, b) => a.totalMs - b.totalMs)[Math.floor(runs.length / 2)];
  const first = median(firsts);
  const reopen = median(reopens);
  // Pan and zoom on the last reopened page.
  const liaison = { scripted: await scriptedPanZoom(page), mouse: await userPanZoom(page) };
  process.stderr.write(`liaison, pan and zoom: ${JSON.stringify(liaison)}\n`);
  // Reference for frame times: vis-network's defaults with physics off on the same positions.
  const plainMs = await page.evaluate(() => (window as unknown as { bench: BenchApi }).bench.plainStatic());
  const plain = { scripted: await scriptedPanZoom(page), mouse: await userPanZoom(page) };
  process.stderr.write(`vis defaults, physics off: ${plainMs.toFixed(0)} ms, ${JSON.stringify(plain)}\n`);
  await page.context().close();

  // Baseline: plain vis-network with its default options (physics on), same graph, fresh page.
  page = await openPage(browser);
  const baseline = await Promise.race([
    page.evaluate((cap) => (window as unknown as { bench: BenchApi }).bench.baseline(cap), STABILIZE_CAP_MS),
    new Promise<null>((resolve) => setTimeout(() => resolve(null), STABILIZE_CAP_MS + BLOCKED_SLACK_MS).unref()),
  ]);
  process.stderr.write(`baseline: ${JSON.stringify(baseline)}\n`);
  const baselineFrames = baseline ? { scripted: await scriptedPanZoom(page), mouse: await userPanZoom(page) } : null;
  if (baselineFrames) process.stderr.write(`baseline, pan and zoom: ${JSON.stringify(baselineFrames)}\n`);
  await page.context().close();
  writeReport({ version: browser.version(), first, reopen, liaison, plainMs, plain, baseline, baselineFrames });
} finally {
  await browser.close();
  server.close();
  fs.rmSync(work, { recursive: true, force: true });
}

interface Results {
  version: string;
  first: LiaisonDraw;
  reopen: LiaisonDraw;
  liaison: { scripted: Frames; mouse: Frames };
  plainMs: number;
  plain: { scripted: Frames; mouse: Frames };
  baseline: BaselineDraw | null;
  baselineFrames: { scripted: Frames; mouse: Frames } | null;
}

function writeReport(r: Results): void {
  const ms = (v: number) => (v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : `${v.toFixed(0)} ms`);
  const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
  const b = r.baseline;
  // The baseline's time to a usable picture, or the lower bound we know when it never got there.
  const waited = b ? (b.stabilizedMs ?? STABILIZE_CAP_MS) : STABILIZE_CAP_MS + BLOCKED_SLACK_MS;
  const reached = b?.stabilizedMs != null;
  const baseShown = !b
    ? `nothing drawn; the page was still blocked ${ms(waited)} in`
    : reached
      ? ms(waited)
      : `not stabilized by the ${ms(STABILIZE_CAP_MS)} cap (${b.iterations} of ${b.targetIterations} iterations; ${b.firstDrawMs === null ? 'nothing drawn' : `first drawn at ${ms(b.firstDrawMs)}`})`;
  const ratio = (x: number) => `${reached ? '' : '> '}${(waited / x).toFixed(reached ? 1 : 0)}×`;
  const row = (name: string, f: Frames | undefined) =>
    f ? `| ${name} | ${f.frames} / ${f.draws} | ${f.p50.toFixed(1)} ms | ${f.p95.toFixed(1)} ms | ${f.max.toFixed(0)} ms | ${pct(f.stalls)} |` : `| ${name} | – | – | – | – | – |`;
  const drawAim = (x: number) => (x < 2000 ? 'met' : 'missed');
  const f = r.first;
  const stallAim = r.liaison.mouse.stalls < 0.05 ? 'met' : 'missed';
  const markdown = `## Network graph (\`npm run bench:graph\`)

${NODES.toLocaleString('en')} nodes and ${EDGES.toLocaleString('en')} edges, generated deterministically by preferential attachment (an actor network: max degree ${degrees[0]}, median ${quantile([...degrees].reverse(), 0.5)}), drawn in headless Chromium ${r.version} (software rendering, ${VIEWPORT.width} × ${VIEWPORT.height}) from a loopback page that bundles vis-network, the app's own \`layout-worker.ts\` and the view's \`vis-style.ts\` (how NetworkView builds nodes, edges and options).
**Liaison**: on first open that worker sends a draft placement (one breadth-first pass, neighbours beside each other), drawn at once by vis-network with physics off and NetworkView's options for a graph this size (vis fits the view before its first draw, and the page checks the picture was fitted); then ForceAtlas2 (Barnes-Hut, ${f.iterations ?? layoutIterations(NODES)} iterations for ${NODES.toLocaleString('en')} nodes, the view's settings) refines it in the worker and the nodes move to the refined positions when it is done. Those are stored, so a reopened project skips the layout. Every open, first or reopen, is in a fresh page, as the app opens a project in a new session (nothing compiled, no text measured yet: drawing again in the same page takes about half as long); each is run ${RUNS} times and the median shown.
**Baseline**: plain vis-network on the same graph with its default options (physics on), until \`stabilized\`, capped at ${ms(STABILIZE_CAP_MS)}.
Aims (issue 7): drawn in under 2 s; pan and zoom without stalls. Load average when the run started: ${loadAtStart.toFixed(1)} on ${os.cpus().length} cores (other work on the machine slows every figure here).

| to the picture | Liaison | baseline | baseline / Liaison |
|---|---|---|---|
| reopen: data → fitted picture | **${ms(r.reopen.totalMs)}** (build ${ms(r.reopen.buildMs)}, draw ${ms(r.reopen.drawMs - r.reopen.buildMs)}) | ${baseShown} | **${ratio(r.reopen.totalMs)}** |
| first open: data → fitted picture (draft) | **${ms(f.totalMs)}** (draft ${ms(f.layoutMs)}, build ${ms(f.buildMs)}, draw ${ms(f.drawMs - f.buildMs)}) | ${baseShown} | **${ratio(f.totalMs)}** |
| first open: data → refined layout drawn | ${f.refinedMs === undefined ? '– (no draft: laid out at once)' : `${ms(f.refinedMs)} (nodes moved and redrawn in ${ms(f.updateMs ?? 0)})`} | | |
| longest UI-thread frame gap until the first picture | ${ms(f.layoutMaxFrameGapMs)} (layout in a worker; includes drawing) | ${b ? ms(b.maxFrameGapMs) : `over ${ms(waited)}`} (physics on the UI thread) | |
| longest UI-thread frame gap while refining | ${f.refineMaxFrameGapMs === undefined ? '–' : `${ms(f.refineMaxFrameGapMs)} (ForceAtlas2 in the worker; includes moving the nodes)`} | | |

Drawn in under 2 s: **${drawAim(r.reopen.totalMs)}** on reopen, **${drawAim(f.totalMs)}** on first open (the draft; the refined layout follows while the graph can be panned, zoomed and clicked).
A figure that the machine's load moves less: the first open took ${(f.totalMs / r.reopen.totalMs).toFixed(2)}× as long as a reopen in the same run (the draft adds ${ms(f.layoutMs)} of worker start and placement before the same drawing); in an earlier run, when the first open waited for 300 ForceAtlas2 iterations, it took 9.6× (11.0 s against 1149 ms for a reopen drawn in the same page, load 1.9).

Pan and zoom: the gaps between animation frames. *Scripted*: zoom ×4 into the busiest node, pan 1.5 screens, zoom back out, the view set by the clock every frame for ${ms(PAN_ZOOM_MS)} (vis's \`moveTo\` animation counts frames, not time, so slow frames would stretch it); every frame redraws every edge. *Mouse*: 8 wheel steps in, a drag across the view, 8 wheel steps out, then the redraw when zooming ends. *vis defaults, physics off* is the same positions with vis's default options (drawn in ${ms(r.plainMs)}): what NetworkView's options change. ${!b ? 'The baseline drew nothing to pan or zoom.' : `The baseline's rows are its picture ${b.stabilizedMs != null ? 'once stabilized' : 'frozen at the cap'}.`}

| pan and zoom | frames / draws | p50 | p95 | max | frames over ${STALL_MS} ms |
|---|---|---|---|---|---|
${row('Liaison, scripted', r.liaison.scripted)}
${row('Liaison, mouse', r.liaison.mouse)}
${row('vis defaults, physics off, scripted', r.plain.scripted)}
${row('vis defaults, physics off, mouse', r.plain.mouse)}
${row('baseline, scripted', r.baselineFrames?.scripted)}
${row('baseline, mouse', r.baselineFrames?.mouse)}

Pan and zoom by mouse without stalls (under 5% of frames over ${STALL_MS} ms): **${stallAim}**.${
    r.liaison.scripted.stalls > 0.05
      ? ` Scripted moves redraw all ${EDGES.toLocaleString('en')} edges every frame, which vis-network's canvas does not do within ${STALL_MS} ms here: that is why NetworkView hides edges while the view is dragged or zoomed on graphs of over 1,000 nodes.`
      : ''
  }`;
  process.stderr.write(`${markdown}\n`);
  writeSection('graph', markdown);
}
