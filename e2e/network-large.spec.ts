import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { EngagementGraph } from '../shared/analysis';
import { expect, expectAppState, rawCall, test } from './fixtures';
import { largeCodedProject } from './seed-project';

/** Persons in the project: more than the 500 free nodes above which the view draws a draft first. */
const PEOPLE = 700;

type Stored = Record<string, { x: number; y: number; pinned?: boolean }>;

interface Seen {
  state: string | null;
  layout: string | null;
  /** Painted pixels of the graph's canvas (one in 16 sampled) when the attributes changed. */
  inked: number;
}

/**
 * Before the app loads: log every change of the network view's data-state / data-layout with how
 * much of its canvas is painted, and, the first time the view is ready while the layout is still
 * refining, ask the server (as the app does) which positions are stored at that moment.
 */
async function recordNetworkView(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __seen: Seen[]; __storedWhileRefining?: Promise<number> };
    w.__seen = [];
    const inked = (view: Element) => {
      const canvas = view.querySelector('canvas');
      if (!canvas || canvas.width === 0) return 0;
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let n = 0;
      for (let i = 3; i < data.length; i += 64) if (data[i] > 0) n++;
      return n;
    };
    new MutationObserver((records) => {
      for (const r of records) {
        const view = r.target as Element;
        if (view.getAttribute('data-testid') !== 'network-view') continue;
        const seen = { state: view.getAttribute('data-state'), layout: view.getAttribute('data-layout'), inked: inked(view) };
        w.__seen.push(seen);
        if (seen.state === 'ready' && seen.layout === 'refining' && !w.__storedWhileRefining) {
          const token = sessionStorage.getItem('liaison-token') ?? '';
          w.__storedWhileRefining = fetch('/api/analysis.positions', { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify({ level: 'actors' }) })
            .then((res) => res.json())
            .then((envelope: { value: Record<string, unknown> }) => Object.keys(envelope.value).length);
        }
      }
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state', 'data-layout'] });
  });
}

/** Node centres in the view's SVG export (its positions, shifted by the export's margin), in graph order. */
async function exportedCentres(page: Page, dir: string, name: string): Promise<{ x: number; y: number }[]> {
  const download = page.waitForEvent('download');
  const item = page.getByText('Graph as SVG', { exact: true });
  if (!(await item.isVisible())) await page.getByText('Export', { exact: true }).click();
  await item.click();
  const file = path.join(dir, name);
  await (await download).saveAs(file);
  await page.getByText('Export', { exact: true }).click();
  return [...fs.readFileSync(file, 'utf8').matchAll(/<circle cx="([-\d.e]+)" cy="([-\d.e]+)"/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]) }));
}

/**
 * The drawn positions are the stored ones: the same offsets from the first node (the export shifts
 * them all), to within the whole units vis keeps (it truncates the positions it is given). A
 * picture from other positions, the draft's say, is hundreds of units off.
 */
function expectDrawnAt(centres: { x: number; y: number }[], graph: EngagementGraph, stored: Stored): void {
  expect(centres).toHaveLength(graph.nodes.length);
  const s0 = stored[graph.nodes[0].id];
  const off = graph.nodes.map((n, i) => Math.max(Math.abs(centres[i].x - centres[0].x - (stored[n.id].x - s0.x)), Math.abs(centres[i].y - centres[0].y - (stored[n.id].y - s0.y))));
  expect(Math.max(...off)).toBeLessThan(2);
}

/** A contract call's value, through the page's transport (the HTTP host wraps it in an envelope). */
async function call<T>(page: Page, name: string, input: unknown): Promise<T> {
  const r = await rawCall(page, name, input);
  if (r.status === undefined) return r.body as T;
  const envelope = r.body as { ok: boolean; value?: T; error?: unknown };
  if (!envelope.ok) throw new Error(`${name}: ${JSON.stringify(envelope.error)}`);
  return envelope.value as T;
}

const seenSoFar = (page: Page) => page.evaluate(() => (window as unknown as { __seen: Seen[] }).__seen);

/** The network view at the actors level, the log starting with the switch to it. */
async function openActors(page: Page): Promise<void> {
  await expectAppState(page, 'project');
  await page.keyboard.press('Control+4');
  await expect(page.getByTestId('network-view')).toHaveAttribute('data-state', 'ready');
  await page.evaluate(() => {
    (window as unknown as { __seen: Seen[] }).__seen = [];
  });
  await page.getByTestId('level-actors').click();
}

/** Wait until the log shows the actors graph loaded and drawn, and, when `refined`, its layout refined. */
async function drawn(page: Page, refined: boolean): Promise<Seen[]> {
  await expect
    .poll(
      async () => {
        const seen = await seenSoFar(page);
        const loaded = seen.findIndex((s) => s.state === 'loading');
        const ready = seen.findLastIndex((s) => s.state === 'ready');
        const refining = seen.findIndex((s) => s.layout === 'refining');
        const done = seen.findLastIndex((s) => s.layout === 'done');
        return loaded >= 0 && ready > loaded && (!refined || (refining > loaded && done > refining));
      },
      { timeout: 60_000 },
    )
    .toBe(true);
  return seenSoFar(page);
}

test('a large network: first open draws a draft, then stores the refined layout; a reopen draws the stored positions', async ({ liaison, page }) => {
  // Building 700 actors and about 1,000 engagements through the services, then two opens.
  test.setTimeout(180_000);
  const project = await largeCodedProject(liaison.dir, PEOPLE);
  await recordNetworkView(page);
  await liaison.launch({ project });
  const graph = await call<EngagementGraph>(page, 'analysis.graph', { level: 'actors' });
  expect(graph.nodes.length).toBeGreaterThan(PEOPLE - 5);
  expect(await call<Stored>(page, 'analysis.positions', { level: 'actors' })).toEqual({});

  // First open: a picture while the layout is still refining, and nothing stored until it is done.
  await openActors(page);
  const view = page.getByTestId('network-view');
  const seen = await drawn(page, true);
  await expect(view).toHaveAttribute('data-state', 'ready');
  const draft = seen.find((s) => s.state === 'ready' && s.layout === 'refining');
  expect(draft, JSON.stringify(seen)).toBeDefined();
  expect(draft!.inked).toBeGreaterThan(500);
  expect(seen.indexOf(draft!)).toBeLessThan(seen.findLastIndex((s) => s.layout === 'done'));
  expect(await page.evaluate(() => (window as unknown as { __storedWhileRefining: Promise<number> }).__storedWhileRefining)).toBe(0);

  // The refined positions, every node's, are stored and drawn.
  await expect.poll(async () => Object.keys(await call<Stored>(page, 'analysis.positions', { level: 'actors' })).length, { timeout: 10_000 }).toBe(graph.nodes.length);
  const stored = await call<Stored>(page, 'analysis.positions', { level: 'actors' });
  const xs = Object.values(stored).map((p) => p.x);
  expect(Math.max(...xs) - Math.min(...xs)).toBeGreaterThan(1000);
  expectDrawnAt(await exportedCentres(page, liaison.dir, 'first.svg'), graph, stored);
  await liaison.screenshot(page, 'network-large-actors');

  // Zoomed in, labels show (a large graph hides them only while they would be too small to read).
  const canvas = page.getByTestId('network-canvas');
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < 14; i++) await page.mouse.wheel(0, -100);
  await liaison.screenshot(page, 'network-large-zoomed');
  await page.emulateMedia({ colorScheme: 'dark' });
  await liaison.screenshot(page, 'network-large-zoomed-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // Reopen (a new session): the stored positions are drawn as they are, with no layout run.
  await page.reload();
  await openActors(page);
  const reseen = await drawn(page, false);
  await expect(view).toHaveAttribute('data-state', 'ready');
  expect(reseen.filter((s) => s.layout === 'refining'), JSON.stringify(reseen)).toHaveLength(0);
  expect(reseen.at(-1)!.inked).toBeGreaterThan(500);
  expect(await call<Stored>(page, 'analysis.positions', { level: 'actors' })).toEqual(stored);
  expectDrawnAt(await exportedCentres(page, liaison.dir, 'reopen.svg'), graph, stored);
});
