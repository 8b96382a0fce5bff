/// <reference lib="webworker" />
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';

/**
 * Graph layout off the UI thread: ForceAtlas2 over the nodes without a stored position (stored
 * and pinned ones stay where the analyst left them).
 */
export interface LayoutRequest {
  nodes: { id: string; x?: number; y?: number; fixed: boolean; size: number }[];
  edges: { source: string; target: string; weight: number }[];
  iterations: number;
}

self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const { nodes, edges, iterations } = event.data;
  const g = new Graph({ type: 'undirected', multi: false });
  nodes.forEach((n, i) => {
    // Unplaced nodes start on a spiral so the layout is the same for the same graph.
    const angle = i * 2.399963;
    const r = 40 * Math.sqrt(i + 1);
    g.addNode(n.id, { x: n.x ?? r * Math.cos(angle), y: n.y ?? r * Math.sin(angle), fixed: n.fixed, size: n.size });
  });
  for (const e of edges) if (!g.hasEdge(e.source, e.target)) g.addEdge(e.source, e.target, { weight: e.weight });
  // Every position stored (a project reopened): nothing would move, and on a large graph the
  // iterations alone take seconds (8 s for 5,000 nodes in `npm run bench:graph`).
  if (g.order > 1 && nodes.some((n) => !n.fixed)) {
    const settings = forceAtlas2.inferSettings(g);
    forceAtlas2.assign(g, { iterations, settings: { ...settings, barnesHutOptimize: g.order > 500, gravity: 1, scalingRatio: 10 }, getEdgeWeight: 'weight' });
  }
  // ForceAtlas2's units are arbitrary: scale the free nodes so labels have room (about 160 px
  // between neighbours), keeping stored positions as they were.
  const free = nodes.filter((n) => !n.fixed).map((n) => g.getNodeAttributes(n.id) as { x: number; y: number });
  let scale = 1;
  if (free.length > 1) {
    const xs = free.map((p) => p.x);
    const ys = free.map((p) => p.y);
    const span = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys), 1e-6);
    scale = (160 * Math.sqrt(free.length)) / span;
  }
  const positions: Record<string, { x: number; y: number }> = {};
  g.forEachNode((id, a) => {
    const fixed = a.fixed as boolean;
    positions[id] = fixed ? { x: a.x as number, y: a.y as number } : { x: (a.x as number) * scale, y: (a.y as number) * scale };
  });
  (self as unknown as Worker).postMessage(positions);
};
