/**
 * Graph layout, run by layout-worker.ts off the UI thread (pure: no DOM, so it is unit-tested in
 * Node and bundled by `npm run bench:graph` as it is). Stored and pinned nodes stay where the
 * analyst left them; the others are placed.
 *
 * A large graph is laid out in two steps so the first open draws at once: a draft placement in
 * one pass over the edges (each node beside the neighbour that reached it first, hubs first), sent
 * to be drawn, then, once the view says it is drawn, ForceAtlas2 (Barnes-Hut) refining it from
 * there, with progress, and the final positions sent when done. Refining waits for the drawing so
 * the two do not share the cores while the analyst waits for the first picture. ForceAtlas2 costs about 30 ms an iteration on 5,000 nodes and 20,000
 * edges: the 300 iterations a small graph gets took 9.6 s there, so large graphs get fewer, which
 * the draft start makes enough (`npm run bench:graph`, docs/benchmarks.md).
 */
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { bounds } from './geometry';

export interface LayoutRequest {
  nodes: { id: string; x?: number; y?: number; fixed: boolean; size: number }[];
  edges: { source: string; target: string; weight: number }[];
  /** ForceAtlas2 iterations; `layoutIterations(nodes)` when left out. */
  iterations?: number;
}

export type Positions = Record<string, { x: number; y: number }>;

export type LayoutMessage =
  /** A quick placement to draw now; `final` follows. */
  | { kind: 'draft'; positions: Positions }
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'final'; positions: Positions };

/** Above this many nodes to place, a draft is drawn first: below it ForceAtlas2 is done within a frame or two. */
export const DRAFT_ABOVE_NODES = 500;
/** Iterations between progress reports (about half a second each on 5,000 nodes). */
const CHUNK = 10;
const GOLDEN_ANGLE = 2.399963;

/** 300 iterations up to 1,000 nodes, then fewer as the graph grows (100 at 3,000 and more): each costs more. */
export function layoutIterations(nodeCount: number): number {
  return nodeCount <= 1000 ? 300 : Math.max(100, Math.round(300_000 / nodeCount));
}

/**
 * The draft: breadth first from the best-connected nodes, each node placed on a small sunflower
 * around the neighbour that reached it, so neighbours start together and hubs in the middle of
 * their own. Nodes with a stored position keep it and seed the walk; components without one are
 * set side by side on a wide spiral. Deterministic: the same graph gives the same draft.
 */
export function draftPlacement(request: LayoutRequest): Positions {
  const placed: Positions = {};
  const neighbours = new Map<string, string[]>();
  for (const n of request.nodes) neighbours.set(n.id, []);
  for (const e of request.edges) {
    neighbours.get(e.source)?.push(e.target);
    neighbours.get(e.target)?.push(e.source);
  }
  const children = new Map<string, number>();
  const queue: string[] = [];
  for (const n of request.nodes) {
    if (n.fixed && n.x !== undefined && n.y !== undefined) {
      placed[n.id] = { x: n.x, y: n.y };
      queue.push(n.id);
    }
  }
  const around = (parent: string, id: string) => {
    const k = children.get(parent) ?? 0;
    children.set(parent, k + 1);
    const r = 1 + 0.6 * Math.sqrt(k);
    placed[id] = { x: placed[parent].x + r * Math.cos(k * GOLDEN_ANGLE), y: placed[parent].y + r * Math.sin(k * GOLDEN_ANGLE) };
  };
  const walk = () => {
    for (let i = 0; i < queue.length; i++) {
      const u = queue[i];
      for (const v of neighbours.get(u) ?? []) {
        if (placed[v]) continue;
        around(u, v);
        queue.push(v);
      }
    }
    queue.length = 0;
  };
  walk();
  const byDegree = request.nodes.filter((n) => !placed[n.id]).sort((a, b) => (neighbours.get(b.id)?.length ?? 0) - (neighbours.get(a.id)?.length ?? 0));
  // Components start on a spiral wide enough that the largest does not cover the next.
  const spacing = 2 + Math.sqrt(request.nodes.length);
  let seeds = 0;
  for (const n of byDegree) {
    if (placed[n.id]) continue;
    const r = seeds === 0 ? 0 : spacing * Math.sqrt(seeds);
    placed[n.id] = { x: r * Math.cos(seeds * GOLDEN_ANGLE), y: r * Math.sin(seeds * GOLDEN_ANGLE) };
    seeds++;
    queue.push(n.id);
    walk();
  }
  return placed;
}

/**
 * ForceAtlas2's units are arbitrary: scale the free nodes so labels have room (about 160 px
 * between neighbours), keeping stored positions as they were. The draft and the final layout get
 * the same treatment, so the view fitted on the one suits the other.
 */
function scaled(request: LayoutRequest, at: (id: string) => { x: number; y: number }): Positions {
  const free = request.nodes.filter((n) => !n.fixed).map((n) => at(n.id));
  let scale = 1;
  if (free.length > 1) {
    const box = bounds(free);
    scale = (160 * Math.sqrt(free.length)) / Math.max(box.maxX - box.minX, box.maxY - box.minY, 1e-6);
  }
  const positions: Positions = {};
  for (const n of request.nodes) {
    const p = at(n.id);
    // A stored position is returned as stored: ForceAtlas2 hands it back rounded to float32.
    positions[n.id] = n.fixed && n.x !== undefined && n.y !== undefined ? { x: n.x, y: n.y } : { x: p.x * scale, y: p.y * scale };
  }
  return positions;
}

/**
 * Lay the graph out, reporting through `post`: a draft first on large graphs, progress, then the
 * final positions. `drafted` resolves when the draft is drawn (the worker hears it from the view).
 */
export async function runLayout(request: LayoutRequest, post: (message: LayoutMessage) => void, drafted: () => Promise<void> = async () => {}): Promise<void> {
  const free = request.nodes.filter((n) => !n.fixed).length;
  const draft = draftPlacement(request);
  const fromDraft = (id: string) => draft[id];
  if (free === 0 || request.nodes.length < 2) {
    // Every position stored (a project reopened): nothing would move.
    post({ kind: 'final', positions: scaled(request, fromDraft) });
    return;
  }
  if (free > DRAFT_ABOVE_NODES) {
    post({ kind: 'draft', positions: scaled(request, fromDraft) });
    await drafted();
  }
  const g = new Graph({ type: 'undirected', multi: false });
  for (const n of request.nodes) g.addNode(n.id, { ...draft[n.id], fixed: n.fixed, size: n.size });
  for (const e of request.edges) if (e.source !== e.target && g.hasNode(e.source) && g.hasNode(e.target) && !g.hasEdge(e.source, e.target)) g.addEdge(e.source, e.target, { weight: e.weight });
  const total = request.iterations ?? layoutIterations(request.nodes.length);
  const settings = { ...forceAtlas2.inferSettings(g), barnesHutOptimize: g.order > 500, gravity: 1, scalingRatio: 10 };
  for (let done = 0; done < total; ) {
    const step = Math.min(CHUNK, total - done);
    forceAtlas2.assign(g, { iterations: step, settings, getEdgeWeight: 'weight' });
    done += step;
    if (done < total) post({ kind: 'progress', done, total });
  }
  post({ kind: 'final', positions: scaled(request, (id) => g.getNodeAttributes(id) as { x: number; y: number }) });
}
