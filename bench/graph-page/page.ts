// The graph bench's page: bundled by esbuild from node_modules (no network) and driven by
// bench/graph-bench.ts through `window.bench`. Ways to draw the same graph in the same browser:
// Liaison's (the app's own layout worker: a draft, then ForceAtlas2; vis-network with physics off
// and the view's nodes, edges and options from its vis-style.ts), plain vis-network with its default
// physics, and, for frame times, plain vis-network with physics off on Liaison's positions.
import { DataSet } from 'vis-data';
import { type Edge, Network, type Node } from 'vis-network';
import { type LayoutMessage, type LayoutRequest, layoutIterations } from '../../renderer/src/features/network/layout';
import { countRange, maxEdgeCount, networkOptions, PALETTE, visEdge, visNode } from '../../renderer/src/features/network/vis-style';
import { type BenchGraph, EDGE_TYPES } from './graph';

export type Positions = Record<string, { x: number; y: number }>;

/** NetworkView's light theme (the bench page is white). */
const THEME = { text: '#222', nodeFill: '#eee' };

export interface LiaisonDraw {
  /** Data in the page → the first positions back from the worker, the draft on a large graph (no worker when every position is stored). */
  layoutMs: number;
  /** The longest gap between animation frames on the UI thread until the first picture. */
  layoutMaxFrameGapMs: number;
  /** Positions → the DataSets built and the Network constructed (vis fits the view in there). */
  buildMs: number;
  /** Positions → the first 'afterDrawing': the fitted picture the analyst sees. */
  drawMs: number;
  /** Data in the page → the fitted picture. */
  totalMs: number;
  /** When a draft was drawn: data in the page → the refined positions applied, fitted and drawn. */
  refinedMs?: number;
  /** ForceAtlas2 iterations the refinement ran. */
  iterations?: number;
  /** The refined positions in → drawn (DataSet update, fit, one draw): the one UI-thread cost of refining. */
  updateMs?: number;
  /** The longest gap between animation frames on the UI thread from the first picture until refined. */
  refineMaxFrameGapMs?: number;
}

export interface BaselineDraw {
  /** Data in the page → 'stabilized', or null when the cap came first. */
  stabilizedMs: number | null;
  /** Data in the page → the first 'afterDrawing' (vis draws nothing until its stabilization ends). */
  firstDrawMs: number | null;
  /** Physics iterations done: at 'stabilized', or by the cap (vis reports them every 50). */
  iterations: number;
  /** Iterations vis aims at before it shows the graph (`physics.stabilization.iterations`). */
  targetIterations: number;
  capped: boolean;
  /** The longest gap between animation frames on the UI thread until stabilized (or the cap). */
  maxFrameGapMs: number;
}

export interface PanZoom {
  gaps: number[];
  draws: number;
}

export interface BenchApi {
  load(): Promise<{ nodes: number; edges: number }>;
  liaison(stored: boolean): Promise<LiaisonDraw>;
  baseline(capMs: number): Promise<BaselineDraw>;
  /** vis-network's default options but physics off, on the positions liaison(false) computed: data → fitted picture, ms. */
  plainStatic(): Promise<number>;
  /** Zoom into the busiest node, pan across, zoom back out: the view set by the clock every frame. */
  animatedPanZoom(durationMs: number): Promise<PanZoom>;
  /** Record frame gaps (and draws) until stopFrames(): for input driven from outside the page. */
  startFrames(): void;
  stopFrames(): PanZoom;
  /** The positions liaison(false) computed, to hand to a fresh page (a reopen in a new session). */
  getStored(): Positions;
  setStored(positions: Positions): void;
  destroy(): void;
}

const container = document.getElementById('net')!;
let graph: BenchGraph = { nodes: [], edges: [] };
let network: Network | null = null;
let stored: Positions = {};
let draws = 0;

/** Animation-frame gaps until the returned function is called. */
function recordFrames(): () => number[] {
  const gaps: number[] = [];
  let last = -1;
  let on = true;
  const tick = (t: number) => {
    if (last >= 0) gaps.push(t - last);
    last = t;
    if (on) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  return () => {
    on = false;
    return gaps;
  };
}

/** Destroy the current network first: vis empties the container it was given, new canvas and all. */
function track(create: () => Network): Network {
  network?.destroy();
  const net = create();
  network = net;
  draws = 0;
  net.on('afterDrawing', () => draws++);
  return net;
}

const nextDraw = (net: Network) => new Promise<number>((resolve) => net.once('afterDrawing', () => resolve(performance.now())));

/** The app's layout worker: the first positions (a draft on a large graph), and the final ones as a promise. */
function layout(request: LayoutRequest): Promise<{ first: Positions; draft: boolean; final: Promise<Positions>; drawn: () => void }> {
  const worker = new Worker('layout-worker.js', { type: 'module' });
  return new Promise((resolve, reject) => {
    let resolveFinal: (p: Positions) => void = () => {};
    const final = new Promise<Positions>((r) => {
      resolveFinal = r;
    });
    let first = true;
    worker.onerror = (e) => reject(new Error(`layout worker: ${e.message}`));
    worker.onmessage = (e: MessageEvent<LayoutMessage>) => {
      const m = e.data;
      if (m.kind === 'progress') return;
      if (m.kind === 'final') {
        worker.terminate();
        resolveFinal(m.positions);
      }
      if (first) resolve({ first: m.positions, draft: m.kind === 'draft', final, drawn: () => worker.postMessage('drawn') });
      first = false;
    };
    worker.postMessage(request);
  });
}

const bench: BenchApi = {
  async load() {
    graph = (await (await fetch('graph.json')).json()) as BenchGraph;
    return { nodes: graph.nodes.length, edges: graph.edges.length };
  },

  async liaison(useStored) {
    const t0 = performance.now();
    const maxCount = maxEdgeCount(graph.edges);
    const request: LayoutRequest = {
      nodes: graph.nodes.map((n) => {
        const s = useStored ? stored[n.id] : undefined;
        return { id: n.id, x: s?.x, y: s?.y, fixed: Boolean(s), size: n.degree };
      }),
      edges: graph.edges.map((e) => ({ source: e.source, target: e.target, weight: e.count })),
    };
    let stopFrames = recordFrames();
    // As NetworkView: no worker when every position is stored; else draw the first positions (the
    // draft on a large graph) at once and move the nodes when the refined layout lands.
    const answer = request.nodes.some((n) => !n.fixed) ? await layout(request) : { first: stored, draft: false, final: Promise.resolve(stored), drawn: () => {} };
    const positions = answer.first;
    const t1 = performance.now();
    const range = countRange(graph.nodes);
    const nodes = new DataSet<Node>(graph.nodes.map((n) => visNode(n, positions[n.id], range)));
    const edges = new DataSet<Edge>(
      graph.edges.map((e) => visEdge(e, PALETTE[EDGE_TYPES.indexOf(e.dominantType) % PALETTE.length], maxCount, `${e.count} engagement${e.count === 1 ? '' : 's'}\n${e.dominantType}: ${e.count}`)),
    );
    const net = track(() => new Network(container, { nodes, edges }, networkOptions(graph.nodes.length, THEME)));
    const tBuilt = performance.now();
    // As NetworkView: vis fitted the view before this first draw (physics off), so it is the picture.
    const t2 = await nextDraw(net);
    // As NetworkView: the worker refines once the draft is drawn.
    if (answer.draft) answer.drawn();
    // One more frame, so the gap that building and drawing blocked is counted.
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const layoutGaps = stopFrames();
    const first: LiaisonDraw = { layoutMs: t1 - t0, layoutMaxFrameGapMs: Math.max(0, ...layoutGaps), buildMs: tBuilt - t1, drawMs: t2 - t1, totalMs: t2 - t0 };
    if (!answer.draft) {
      // Keep the bench honest: the picture measured was the fitted one (fitting again changes nothing).
      const drawnScale = net.getScale();
      net.fit({ animation: false });
      await nextDraw(net);
      if (Math.abs(net.getScale() / drawnScale - 1) > 0.01) throw new Error(`the first picture was not fitted: scale ${drawnScale}, fitted ${net.getScale()}`);
      if (!useStored) stored = positions;
      return first;
    }
    stopFrames = recordFrames();
    const final = await answer.final;
    const t4 = performance.now();
    nodes.update(graph.nodes.map((n) => ({ id: n.id, ...final[n.id] })));
    net.fit({ animation: false });
    const t5 = await nextDraw(net);
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const refineGaps = stopFrames();
    if (!useStored) stored = final;
    return { ...first, refinedMs: t5 - t0, iterations: layoutIterations(graph.nodes.length), updateMs: t5 - t4, refineMaxFrameGapMs: Math.max(0, ...refineGaps) };
  },

  async baseline(capMs) {
    const t0 = performance.now();
    const stopFrames = recordFrames();
    const nodes = new DataSet<Node>(graph.nodes.map((n) => ({ id: n.id, label: n.label })));
    const edges = new DataSet<Edge>(graph.edges.map((e) => ({ id: e.id, from: e.source, to: e.target })));
    let firstDrawMs: number | null = null;
    let progress = { iterations: 0, total: 0 };
    // The cap is a timer: it fires between vis's batches of 50 iterations, never inside one.
    const result = await new Promise<{ stabilizedMs: number | null; iterations: number }>((resolve) => {
      const timer = setTimeout(() => resolve({ stabilizedMs: null, iterations: progress.iterations }), Math.max(0, capMs - (performance.now() - t0)));
      const net = track(() => new Network(container, { nodes, edges }, {}));
      net.on('stabilizationProgress', (p: { iterations: number; total: number }) => {
        progress = p;
      });
      net.once('afterDrawing', () => {
        firstDrawMs = performance.now() - t0;
      });
      net.once('stabilized', (p: { iterations: number }) => {
        clearTimeout(timer);
        resolve({ stabilizedMs: performance.now() - t0, iterations: p.iterations });
      });
    });
    const gaps = stopFrames();
    // Past the cap the simulation would keep the UI thread busy: freeze it where it is (vis then
    // shows it) so the pan and zoom that follow measure drawing, as they do for Liaison.
    if (result.stabilizedMs === null) {
      const drawn = firstDrawMs === null ? nextDraw(network!) : Promise.resolve(0);
      network!.stopSimulation();
      await drawn;
    }
    return { ...result, firstDrawMs, targetIterations: progress.total, capped: result.stabilizedMs === null, maxFrameGapMs: Math.max(0, ...gaps) };
  },

  async plainStatic() {
    const t0 = performance.now();
    const nodes = new DataSet<Node>(graph.nodes.map((n) => ({ id: n.id, label: n.label, x: stored[n.id].x, y: stored[n.id].y })));
    const edges = new DataSet<Edge>(graph.edges.map((e) => ({ id: e.id, from: e.source, to: e.target })));
    const net = track(() => new Network(container, { nodes, edges }, { physics: false }));
    await nextDraw(net);
    net.fit({ animation: false });
    return (await nextDraw(net)) - t0;
  },

  animatedPanZoom(durationMs) {
    const net = network!;
    const s0 = net.getScale();
    const p0 = net.getViewPosition();
    const busiest = graph.nodes.reduce((a, b) => (b.degree > a.degree ? b : a));
    const hub = net.getPosition(busiest.id);
    const s1 = s0 * 4;
    const dx = (container.clientWidth / s1) * 1.5;
    const keys = [
      { t: 0, x: p0.x, y: p0.y, s: s0 },
      { t: 0.35, x: hub.x, y: hub.y, s: s1 },
      { t: 0.7, x: hub.x + dx, y: hub.y, s: s1 },
      { t: 1, x: p0.x, y: p0.y, s: s0 },
    ];
    const ease = (f: number) => (f < 0.5 ? 2 * f * f : 1 - (-2 * f + 2) ** 2 / 2);
    const stopFrames = recordFrames();
    const before = draws;
    return new Promise<PanZoom>((resolve) => {
      const start = performance.now();
      const step = (now: number) => {
        const f = Math.min(1, (now - start) / durationMs);
        const next = keys.findIndex((k) => k.t > f);
        const i = next < 1 ? keys.length - 2 : next - 1;
        const a = keys[i];
        const b = keys[i + 1];
        const u = ease((f - a.t) / (b.t - a.t));
        // Scale moves on a log scale, as a wheel does.
        const scale = Math.exp(Math.log(a.s) + (Math.log(b.s) - Math.log(a.s)) * u);
        net.moveTo({ position: { x: a.x + (b.x - a.x) * u, y: a.y + (b.y - a.y) * u }, scale, animation: false });
        if (f < 1) requestAnimationFrame(step);
        else void nextDraw(net).then(() => resolve({ gaps: stopFrames(), draws: draws - before }));
      };
      requestAnimationFrame(step);
    });
  },

  startFrames() {
    const stop = recordFrames();
    const before = draws;
    bench.stopFrames = () => ({ gaps: stop(), draws: draws - before });
  },
  stopFrames: () => ({ gaps: [], draws: 0 }),

  getStored: () => stored,
  setStored(positions) {
    stored = positions;
  },

  destroy() {
    network?.destroy();
    network = null;
  },
};

(window as unknown as { bench: BenchApi }).bench = bench;
