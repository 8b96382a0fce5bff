/**
 * The area positions cover (the layout's scale, the SVG export's frame). A loop, not
 * Math.min(...spread), which throws past about 100,000 arguments. No position: an empty area at
 * the origin.
 */
export function bounds(pts: { x: number; y: number }[]): { minX: number; minY: number; maxX: number; maxY: number } {
  if (pts.length === 0) return { minX: 0, minY: 0, maxX: 0, maxY: 0 };
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const p of pts) {
    if (p.x < minX) minX = p.x;
    if (p.x > maxX) maxX = p.x;
    if (p.y < minY) minY = p.y;
    if (p.y > maxY) maxY = p.y;
  }
  return { minX, minY, maxX, maxY };
}
