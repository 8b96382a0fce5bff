import type { Edge, Node, Options } from 'vis-network';

/**
 * How NetworkView draws a graph with vis-network: nodes, edges and options. `npm run bench:graph`
 * bundles this same module, so what it measures is what the view draws.
 */

export const PALETTE = ['#2d6a99', '#c0762b', '#3f9b5a', '#8e5bb5', '#b84a4a', '#4a9fa8', '#8a7a2b', '#6b6b6b'];

/**
 * Above this many nodes every redraw strokes thousands of edges (about 70-100 ms for 20,000 in
 * `npm run bench:graph`), so edges are hidden while the view is dragged or zoomed.
 */
export const LARGE_GRAPH_NODES = 1000;

/** Node sizes (radius, px at zoom 1): the fewest engagements get the first, the most the second. */
const NODE_SIZE = [10, 30] as const;

type GraphNode = { id: string; label: string; kind: string; engagementCount: number; degree: number };

/** What a node's size shows: its engagements, or its links (degree: how many others it met). */
export type SizeBy = 'engagements' | 'links';

const measure = (n: GraphNode, by: SizeBy) => (by === 'links' ? n.degree : n.engagementCount);

/** The smallest and the largest node's measure: what node sizes scale between. */
export function countRange(nodes: readonly GraphNode[], by: SizeBy = 'engagements'): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const n of nodes) {
    min = Math.min(min, measure(n, by));
    max = Math.max(max, measure(n, by));
  }
  return { min, max };
}

/** A node's radius for its measure within `range` (from countRange()). */
export function nodeSize(n: GraphNode, range: { min: number; max: number }, by: SizeBy = 'engagements'): number {
  const share = range.max > range.min ? (measure(n, by) - range.min) / (range.max - range.min) : 0.5;
  return NODE_SIZE[0] + share * (NODE_SIZE[1] - NODE_SIZE[0]);
}

/**
 * A graph node: shape by kind, size by engagement count or links (within `range`, from
 * countRange()), a tooltip with the counts. The size is given, not vis's `value` with `scaling`:
 * that made vis process every node's label a second time once all were added (about 0.1 s on
 * 5,000 nodes). Same sizes as vis's default scaling would give.
 */
export function visNode(n: GraphNode, at: { x: number; y: number }, range: { min: number; max: number }, by: SizeBy = 'engagements'): Node {
  return {
    id: n.id,
    label: n.label,
    x: at.x,
    y: at.y,
    size: nodeSize(n, range, by),
    shape: n.kind === 'person' ? 'dot' : n.kind === 'organisation' ? 'diamond' : 'square',
    title: `${n.label}\n${n.engagementCount} engagement${n.engagementCount === 1 ? '' : 's'}, ${n.degree} link${n.degree === 1 ? '' : 's'}`,
  };
}

/** The largest engagement count of any edge (at least 1): what edge widths scale to. A loop, not
 * Math.max(...spread), which throws past about 100,000 arguments. */
export function maxEdgeCount(edges: readonly { count: number }[]): number {
  let max = 1;
  for (const e of edges) if (e.count > max) max = e.count;
  return max;
}

/**
 * Line width for an edge of `count` engagements when the graph's largest has `maxCount`: 1 for a
 * single engagement, up to 6 for the largest. (Not count / max alone: when every link is one
 * engagement, every line would be drawn at the widest.)
 */
export function edgeWidth(count: number, maxCount: number): number {
  return maxCount <= 1 ? 1 : 1 + (5 * (count - 1)) / (maxCount - 1);
}

/** An edge: width by count (of the graph's largest, `maxCount`), colour by its dominant type. */
export function visEdge(e: { id: string; source: string; target: string; count: number }, colour: string, maxCount: number, title: string): Edge {
  return { id: e.id, from: e.source, to: e.target, width: edgeWidth(e.count, maxCount), color: { color: colour, highlight: colour }, title };
}

export interface Theme {
  text: string;
  nodeFill: string;
}

/** Node label and colour options from the theme: set once for all nodes (per-node colours cost vis a merge each). */
export function nodeTheme(theme: Theme): { font: { color: string }; color: NonNullable<Options['nodes']>['color'] } {
  return { font: { color: theme.text }, color: { border: '#5a6672', background: theme.nodeFill, highlight: { border: '#2d6a99', background: theme.nodeFill } } };
}

/**
 * The view's options for a graph of `nodeCount` nodes. On a large graph (`npm run bench:graph`):
 * - no hover highlight: every node or edge the pointer crossed cost a full redraw of every edge
 *   (0.1-0.4 s on 20,000), and each mouse move a hit test of every edge; tooltips still show;
 * - labels drawn from 8 px on screen rather than vis's 5 px: smaller ones cannot be read and a
 *   thousand of them slow every frame; zoomed in they show as on a small graph.
 */
export function networkOptions(nodeCount: number, theme: Theme): Options {
  const large = nodeCount > LARGE_GRAPH_NODES;
  const themed = nodeTheme(theme);
  return {
    physics: false,
    interaction: { hover: !large, tooltipDelay: 150, multiselect: false, hideEdgesOnDrag: large, hideEdgesOnZoom: large },
    nodes: { ...themed, font: { ...themed.font, size: 13, face: 'system-ui' }, scaling: { label: { drawThreshold: large ? 8 : 5 } }, borderWidth: 1 },
    edges: { smooth: false, selectionWidth: 2 },
  };
}
