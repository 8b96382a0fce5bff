import { describe, expect, it } from 'vitest';
import { generateGraph } from '../../../../bench/graph-page/graph';
import { DRAFT_ABOVE_NODES, draftPlacement, type LayoutMessage, type LayoutRequest, layoutIterations, runLayout } from './layout';

function request(nodes: number, edges: number, stored: Record<string, { x: number; y: number }> = {}): LayoutRequest {
  const g = generateGraph(nodes, edges);
  return {
    nodes: g.nodes.map((n) => ({ id: n.id, x: stored[n.id]?.x, y: stored[n.id]?.y, fixed: Boolean(stored[n.id]), size: n.degree })),
    edges: g.edges.map((e) => ({ source: e.source, target: e.target, weight: e.count })),
  };
}

const run = async (r: LayoutRequest): Promise<LayoutMessage[]> => {
  const out: LayoutMessage[] = [];
  await runLayout(r, (m) => out.push(m));
  return out;
};

describe('graph layout', () => {
  it('a small graph gets the full ForceAtlas2 run and one answer, no draft', async () => {
    const messages = await run({ ...request(40, 80), iterations: 30 });
    expect(messages.map((m) => m.kind)).toEqual(['progress', 'progress', 'final']);
    const final = messages.at(-1) as Extract<LayoutMessage, { kind: 'final' }>;
    expect(Object.keys(final.positions)).toHaveLength(40);
    for (const p of Object.values(final.positions)) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
  });

  it('a large graph is drafted first, then refined with progress, the draft sent before any ForceAtlas2 iteration', async () => {
    const messages = await run({ ...request(DRAFT_ABOVE_NODES + 100, 1800), iterations: 20 });
    expect(messages.map((m) => m.kind)).toEqual(['draft', 'progress', 'final']);
    expect(messages[1]).toEqual({ kind: 'progress', done: 10, total: 20 });
    const draft = (messages[0] as Extract<LayoutMessage, { kind: 'draft' }>).positions;
    const final = (messages[2] as Extract<LayoutMessage, { kind: 'final' }>).positions;
    expect(Object.keys(draft)).toHaveLength(600);
    expect(Object.keys(final)).toHaveLength(600);
    // Both scaled alike, so the view fitted on the draft suits the final layout.
    const span = (p: Record<string, { x: number }>) => Math.max(...Object.values(p).map((v) => v.x)) - Math.min(...Object.values(p).map((v) => v.x));
    expect(span(final) / span(draft)).toBeGreaterThan(0.4);
    expect(span(final) / span(draft)).toBeLessThan(2.5);
  });

  it('refining waits until the view has drawn the draft', async () => {
    const out: LayoutMessage['kind'][] = [];
    let drawn: () => void = () => {};
    const onScreen = new Promise<void>((resolve) => {
      drawn = resolve;
    });
    const done = runLayout({ ...request(DRAFT_ABOVE_NODES + 100, 1800), iterations: 10 }, (m) => out.push(m.kind), () => onScreen);
    await new Promise((r) => setTimeout(r, 20));
    expect(out).toEqual(['draft']);
    drawn();
    await done;
    expect(out).toEqual(['draft', 'final']);
  });

  it('the draft puts neighbours together: linked nodes sit closer than random pairs', () => {
    const r = request(1000, 3000);
    const p = draftPlacement(r);
    const d = (a: string, b: string) => Math.hypot(p[a].x - p[b].x, p[a].y - p[b].y);
    const linked = r.edges.reduce((s, e) => s + d(e.source, e.target), 0) / r.edges.length;
    let random = 0;
    for (let i = 0; i < r.edges.length; i++) random += d(r.nodes[(i * 7919) % 1000].id, r.nodes[(i * 104729 + 13) % 1000].id);
    expect(linked).toBeLessThan((random / r.edges.length) * 0.8);
    // The same graph, the same draft.
    expect(draftPlacement(r)).toEqual(p);
  });

  it('stored and pinned nodes stay where they are; new nodes are placed beside their neighbours', async () => {
    const first = (await run({ ...request(30, 60), iterations: 10 })).at(-1) as Extract<LayoutMessage, { kind: 'final' }>;
    const stored = Object.fromEntries(Object.entries(first.positions).slice(0, 25));
    const messages = await run({ ...request(30, 60, stored), iterations: 10 });
    const final = (messages.at(-1) as Extract<LayoutMessage, { kind: 'final' }>).positions;
    for (const [id, p] of Object.entries(stored)) expect(final[id]).toEqual(p);
    expect(Object.keys(final)).toHaveLength(30);
  });

  it('every position stored: answered at once, unchanged', async () => {
    const first = ((await run({ ...request(20, 30), iterations: 5 })).at(-1) as Extract<LayoutMessage, { kind: 'final' }>).positions;
    const messages = await run(request(20, 30, first));
    expect(messages).toEqual([{ kind: 'final', positions: first }]);
  });

  it('fewer iterations on larger graphs', () => {
    expect(layoutIterations(200)).toBe(300);
    expect(layoutIterations(1000)).toBe(300);
    expect(layoutIterations(5000)).toBe(100);
    expect(layoutIterations(50_000)).toBe(100);
  });
});
