import type { EngagementGraph } from '../../../../shared/analysis';
import { bounds } from './geometry';
import { countRange, edgeWidth, maxEdgeCount, nodeSize, type SizeBy } from './vis-style';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The graph as drawn (same positions, node sizes, widths and colours) as a standalone SVG document. */
export function graphSvg(graph: EngagementGraph, positions: Record<string, { x: number; y: number }>, colourOf: (type: string) => string, sizeBy: SizeBy = 'engagements'): string {
  const pad = 60;
  const box = bounds(graph.nodes.map((n) => positions[n.id]).filter(Boolean));
  const minX = box.minX - pad;
  const minY = box.minY - pad;
  const w = box.maxX - minX + pad;
  const h = box.maxY - minY + pad;
  const maxCount = maxEdgeCount(graph.edges);
  const range = countRange(graph.nodes, sizeBy);
  const lines = graph.edges
    .filter((e) => positions[e.source] && positions[e.target])
    .map((e) => {
      const a = positions[e.source];
      const b = positions[e.target];
      return `<line x1="${a.x - minX}" y1="${a.y - minY}" x2="${b.x - minX}" y2="${b.y - minY}" stroke="${colourOf(e.dominantType)}" stroke-width="${edgeWidth(e.count, maxCount).toFixed(2)}"><title>${e.count}</title></line>`;
    });
  const nodes = graph.nodes
    .filter((n) => positions[n.id])
    .map((n) => {
      const p = positions[n.id];
      const r = nodeSize(n, range, sizeBy);
      return `<g><circle cx="${p.x - minX}" cy="${p.y - minY}" r="${r.toFixed(1)}" fill="#e8e8e4" stroke="#5a6672"/><text x="${p.x - minX}" y="${p.y - minY + r + 13}" text-anchor="middle" font-family="sans-serif" font-size="12">${esc(n.label)}</text></g>`;
    });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="${Math.round(w)}" height="${Math.round(h)}" viewBox="0 0 ${Math.round(w)} ${Math.round(h)}">\n<rect width="100%" height="100%" fill="#ffffff"/>\n${lines.join('\n')}\n${nodes.join('\n')}\n</svg>\n`;
}
