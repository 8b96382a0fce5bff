/**
 * The network behind the analysis views: engagements folded into nodes and undirected edges, at
 * the level of actors (persons and organisations) or of sides (countries and international
 * organisations). Plain objects, not a graph library instance, because the result crosses IPC to
 * the renderer and is written to GEXF/GraphML; the renderer builds its own graph for layout.
 *
 * Counting rule: an engagement with n distinct nodes adds 1 to each of its n(n-1)/2 pairs, and 1
 * to each node's engagement count, however many of its participants share that node. A one-node
 * engagement (an offer made by one party) makes no edge but still counts for its node.
 */
import type { Engagement } from '../model/engagement';
import { compareDateValues } from './periods';

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

import { type ActorContext, createSideResolver, type NodeKind, type NodeRef, type SideResolver } from './sides';

export type GraphLevel = 'actors' | 'sides';

export interface GraphNode {
  id: string;
  label: string;
  kind: NodeKind;
  countryCode: string | null;
  /** Distinct neighbours: what "size by degree" draws. */
  degree: number;
  engagementCount: number;
  engagementIds: string[];
}

export interface GraphEdge {
  /** `source::target`, stable across rebuilds so stored layouts and selections survive. */
  id: string;
  /** The two ends in id order: the edge is undirected. */
  source: string;
  target: string;
  count: number;
  countsByType: Record<string, number>;
  dominantType: string;
  /** Earliest and latest known date values of its engagements; null when none is dated. */
  firstDate: string | null;
  lastDate: string | null;
  engagementIds: string[];
}

export interface UnplacedParticipant {
  engagementId: string;
  participantId: string;
  actorId: string;
}

export interface EngagementGraph {
  level: GraphLevel;
  nodes: GraphNode[];
  edges: GraphEdge[];
  /**
   * Sides level: participants whose side nothing tells (a person with no country and no side).
   * Listed rather than dropped silently so the view can say why an engagement has no edge.
   */
  unplaced: UnplacedParticipant[];
}

export interface BuildGraphOptions {
  /**
   * Type keys in codebook order: a tie for the dominant type goes to the earlier one, so the
   * colour follows the codebook rather than the alphabet. Unlisted types rank after, by key.
   */
  typeOrder?: readonly string[];
}

/** The distinct nodes an engagement touches at a level (merged actors resolved). */
export function engagementNodes(engagement: Engagement, level: GraphLevel, sides: SideResolver): NodeRef[] {
  return level === 'actors' ? sides.actorsOf(engagement) : sides.sidesOf(engagement);
}

export function edgeId(a: string, b: string): string {
  const [source, target] = a < b ? [a, b] : [b, a];
  return `${source}::${target}`;
}

export function dominantType(countsByType: Record<string, number>, typeOrder: readonly string[] = []): string {
  const rank = (key: string): number => {
    const i = typeOrder.indexOf(key);
    return i < 0 ? typeOrder.length : i;
  };
  let best = '';
  let bestCount = -1;
  for (const [type, count] of Object.entries(countsByType)) {
    const better =
      count > bestCount ||
      (count === bestCount && (rank(type) < rank(best) || (rank(type) === rank(best) && type < best)));
    if (better) {
      best = type;
      bestCount = count;
    }
  }
  return best;
}

interface NodeAcc {
  ref: NodeRef;
  neighbours: Set<string>;
  engagementIds: string[];
}

export function buildGraph(
  engagements: readonly Engagement[],
  level: GraphLevel,
  ctx: ActorContext,
  options: BuildGraphOptions = {},
): EngagementGraph {
  const sides = createSideResolver(ctx);
  const nodes = new Map<string, NodeAcc>();
  const edges = new Map<string, GraphEdge>();
  const unplaced: UnplacedParticipant[] = [];

  for (const engagement of engagements) {
    if (level === 'sides') {
      for (const p of engagement.participants) {
        if (!sides.sideOf(p)) unplaced.push({ engagementId: engagement.id, participantId: p.id, actorId: p.actorId });
      }
    }
    const refs = engagementNodes(engagement, level, sides);
    for (const ref of refs) {
      let acc = nodes.get(ref.id);
      if (!acc) {
        acc = { ref, neighbours: new Set(), engagementIds: [] };
        nodes.set(ref.id, acc);
      }
      acc.engagementIds.push(engagement.id);
    }
    for (let i = 0; i < refs.length; i++) {
      for (let j = i + 1; j < refs.length; j++) {
        addToEdge(edges, refs[i].id, refs[j].id, engagement);
        nodes.get(refs[i].id)?.neighbours.add(refs[j].id);
        nodes.get(refs[j].id)?.neighbours.add(refs[i].id);
      }
    }
  }

  const edgeList = [...edges.values()].map((e) => ({ ...e, dominantType: dominantType(e.countsByType, options.typeOrder) }));
  edgeList.sort((a, b) => b.count - a.count || byString(a.id, b.id));
  const nodeList: GraphNode[] = [...nodes.values()].map(({ ref, neighbours, engagementIds }) => ({
    id: ref.id,
    label: ref.label,
    kind: ref.kind,
    countryCode: ref.countryCode,
    degree: neighbours.size,
    engagementCount: engagementIds.length,
    engagementIds,
  }));
  nodeList.sort((a, b) => b.engagementCount - a.engagementCount || a.label.localeCompare(b.label) || byString(a.id, b.id));
  return { level, nodes: nodeList, edges: edgeList, unplaced };
}

function addToEdge(edges: Map<string, GraphEdge>, a: string, b: string, engagement: Engagement): void {
  const id = edgeId(a, b);
  let edge = edges.get(id);
  if (!edge) {
    const [source, target] = a < b ? [a, b] : [b, a];
    edge = { id, source, target, count: 0, countsByType: {}, dominantType: '', firstDate: null, lastDate: null, engagementIds: [] };
    edges.set(id, edge);
  }
  edge.count += 1;
  edge.countsByType[engagement.type] = (edge.countsByType[engagement.type] ?? 0) + 1;
  edge.engagementIds.push(engagement.id);
  const date = engagement.date.precision === 'unknown' ? null : engagement.date.value;
  if (date) {
    if (edge.firstDate === null || compareDateValues(date, edge.firstDate) < 0) edge.firstDate = date;
    if (edge.lastDate === null || compareDateValues(date, edge.lastDate) > 0) edge.lastDate = date;
  }
}

/**
 * The engagements behind a selection in the graph (a node, or an edge between two nodes), so
 * selecting in the graph filters the table by the same rule the graph was built with.
 */
export function engagementsForSelection(graph: EngagementGraph, selection: { nodeId: string } | { edgeId: string }): string[] {
  if ('nodeId' in selection) return graph.nodes.find((n) => n.id === selection.nodeId)?.engagementIds ?? [];
  return graph.edges.find((e) => e.id === selection.edgeId)?.engagementIds ?? [];
}
