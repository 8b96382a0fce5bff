// The bench graph: shared by the Node side (which generates it) and the page (which draws it).
// Pure TypeScript: no node:*, no DOM.

/** A node as `analysis.graph` answers it, minus what drawing does not read. */
export interface BenchNode {
  id: string;
  label: string;
  kind: 'person' | 'organisation' | 'country';
  degree: number;
  engagementCount: number;
}

export interface BenchEdge {
  /** `source::target`, like the app's edge ids. */
  id: string;
  source: string;
  target: string;
  count: number;
  dominantType: string;
}

export interface BenchGraph {
  nodes: BenchNode[];
  edges: BenchEdge[];
}

/** Ten PLOVER-ish types, the most common first (the network colours edges by dominant type). */
export const EDGE_TYPES = ['consult', 'cooperate', 'aid', 'train', 'agree', 'demand', 'threaten', 'sanction', 'protest', 'other'];

const FIRST = ['Ahmed', 'Maria', 'John', 'Fatima', 'Ali', 'Elena', 'Omar', 'Sarah', 'Hassan', 'Amina', 'Mehmet', 'Olena', 'James', 'Leila', 'Yusuf', 'Anna'];
const LAST = ['Al-Rashid', 'Hussein', 'Mohamed', 'Smith', 'Kaya', 'Petrova', 'Warsame', 'Barzani', 'Johnson', 'Nuri', 'Haji', 'Demir', 'Osman', 'Ibrahim', 'Clarke', 'Moreau'];
const ORGS = ['Ministry of Interior', 'Joint Operations Command', 'Border Guard', 'National Army', 'Police Directorate', 'Security Council', 'Defence Ministry', 'Intelligence Service'];

/** mulberry32: small, fast, and the same numbers for the same seed on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A deterministic actor network: preferential attachment (Barabási–Albert, each newcomer links to
 * `edgeCount / nodeCount` existing actors chosen in proportion to their degree), so a few hubs (a
 * minister everyone meets) and a long tail, then topped up to exactly `edgeCount` distinct edges.
 * Engagement counts per edge are geometric (most pairs meet once), types skewed to the first few.
 */
export function generateGraph(nodeCount: number, edgeCount: number, seed = 7): BenchGraph {
  const rnd = random(seed);
  const perNode = Math.max(1, Math.floor(edgeCount / nodeCount));
  const seen = new Set<string>();
  const pairs: [number, number][] = [];
  // Every edge end once: picking an index uniformly picks a node in proportion to its degree.
  const ends: number[] = [];
  const link = (a: number, b: number): boolean => {
    if (a === b || pairs.length >= edgeCount) return false;
    const key = a < b ? `${a}:${b}` : `${b}:${a}`;
    if (seen.has(key)) return false;
    seen.add(key);
    pairs.push(a < b ? [a, b] : [b, a]);
    ends.push(a, b);
    return true;
  };
  const core = perNode + 1;
  for (let a = 0; a < core; a++) for (let b = a + 1; b < core; b++) link(a, b);
  for (let v = core; v < nodeCount; v++) {
    let made = 0;
    for (let tries = 0; made < perNode && tries < perNode * 20; tries++) if (link(v, ends[Math.floor(rnd() * ends.length)])) made++;
  }
  while (pairs.length < edgeCount) link(ends[Math.floor(rnd() * ends.length)], Math.floor(rnd() * nodeCount));

  const degree = new Array<number>(nodeCount).fill(0);
  const engagements = new Array<number>(nodeCount).fill(0);
  const id = (i: number) => `actor-${String(i).padStart(5, '0')}`;
  const edges: BenchEdge[] = pairs.map(([a, b]) => {
    const count = 1 + Math.floor(-Math.log(1 - rnd()) * 1.5);
    degree[a]++;
    degree[b]++;
    engagements[a] += count;
    engagements[b] += count;
    const type = EDGE_TYPES[Math.min(EDGE_TYPES.length - 1, Math.floor(-Math.log(1 - rnd()) * 2))];
    return { id: `${id(a)}::${id(b)}`, source: id(a), target: id(b), count, dominantType: type };
  });
  const nodes: BenchNode[] = degree.map((d, i) => {
    const r = rnd();
    const kind = r < 0.75 ? 'person' : r < 0.93 ? 'organisation' : 'country';
    const label =
      kind === 'person'
        ? `${FIRST[Math.floor(rnd() * FIRST.length)]} ${LAST[Math.floor(rnd() * LAST.length)]}`
        : kind === 'organisation'
          ? `${ORGS[Math.floor(rnd() * ORGS.length)]} ${i}`
          : `Country ${i}`;
    return { id: id(i), label, kind, degree: d, engagementCount: engagements[i] };
  });
  return { nodes, edges };
}
