import type { Node } from 'vis-network';

/**
 * A graph node as NetworkView draws it (and bench:graph measures it): shape by kind, size by
 * engagement count, a tooltip with the counts.
 */
export function visNode(n: { id: string; label: string; kind: string; engagementCount: number; degree: number }, at: { x: number; y: number }): Node {
  return {
    id: n.id,
    label: n.label,
    x: at.x,
    y: at.y,
    value: n.engagementCount,
    shape: n.kind === 'person' ? 'dot' : n.kind === 'organisation' ? 'diamond' : 'square',
    title: `${n.label}\n${n.engagementCount} engagement${n.engagementCount === 1 ? '' : 's'}, ${n.degree} link${n.degree === 1 ? '' : 's'}`,
    color: { border: '#5a6672', highlight: { border: '#2d6a99' } },
  };
}
