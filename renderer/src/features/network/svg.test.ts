import { describe, expect, it } from 'vitest';
import type { EngagementGraph, GraphNode } from '../../../../shared/analysis';
import { bounds } from './geometry';
import { graphSvg } from './svg';

const node = (i: number): GraphNode => ({ id: `n${i}`, label: `Actor ${i}`, kind: 'unknown', countryCode: null, degree: 0, engagementCount: 0, engagementIds: [] });
const graphOf = (nodes: GraphNode[]): EngagementGraph => ({ level: 'actors', nodes, edges: [], unplaced: [] });

describe('graphSvg', () => {
  it('frames every node, however many, with the padding around them', () => {
    const n = 200_000;
    const graph = graphOf(Array.from({ length: n }, (_, i) => node(i)));
    const positions = Object.fromEntries(graph.nodes.map((x, i) => [x.id, { x: (i % 1000) - 500, y: Math.floor(i / 1000) * 2 }]));
    const svg = graphSvg(graph, positions, () => '#000');
    // x spans -500..499 and y 0..398, plus 60 on each side.
    expect(svg).toContain('width="1119" height="518"');
    expect(svg).toContain('<circle cx="60" cy="60"');
  });

  it('an empty graph is a small empty picture, not NaN', () => {
    const svg = graphSvg(graphOf([]), {}, () => '#000');
    expect(svg).toContain('width="120" height="120"');
    expect(svg).not.toContain('NaN');
    expect(bounds([])).toEqual({ minX: 0, minY: 0, maxX: 0, maxY: 0 });
  });
});
