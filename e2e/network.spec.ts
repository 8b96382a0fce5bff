import fs from 'node:fs';
import path from 'node:path';
import type { EngagementGraph } from '../shared/analysis';
import { expect, expectAppState, rawCall, test } from './fixtures';
import { codedProject } from './seed-project';

test('network of countries: Iraq linked to Somalia, Iran, NATO and the US; an edge lists its engagements; a brush filters', async ({ liaison }) => {
  // About 40 s on two cores alone; past 60 s when the machine is shared (load 17 in one full run).
  test.setTimeout(120_000);
  const page = await liaison.launch({ project: await codedProject(liaison.dir) });
  await expectAppState(page, 'project');
  await page.keyboard.press('Control+4');
  const view = page.getByTestId('network-view');
  await expect(view).toHaveAttribute('data-state', 'ready');
  const links = page.getByTestId('network-link');
  await expect(links).toHaveCount(4);
  for (const other of ['Somalia', 'Iran', 'NATO', 'United States']) await expect(links.filter({ hasText: other })).toHaveCount(1);
  await expect(links.filter({ hasText: 'Somalia' })).toContainText('Iraq');
  await liaison.screenshot(page, 'network-countries');

  // Pointing at an engagement in the list selects its link (and the two ends) in the graph.
  const sides = (await rawCall(page, 'analysis.graph', { level: 'sides' })).body as { ok: true; value: EngagementGraph };
  const idOf = (label: string) => sides.value.nodes.find((n) => n.label === label)!.id;
  const iraqSomalia = sides.value.edges.find((e) => [e.source, e.target].sort().join() === [idOf('Iraq'), idOf('Somalia')].sort().join())!.id;
  await expect(view).toHaveAttribute('data-selected-edges', '');
  await page.getByTestId('network-engagement').filter({ hasText: 'Hussein Moallim' }).hover();
  await expect(view).toHaveAttribute('data-selected-edges', iraqSomalia);
  await liaison.screenshot(page, 'network-row-pointed');
  await page.getByTestId('network-canvas').hover({ position: { x: 5, y: 5 } });
  await expect(view).toHaveAttribute('data-selected-edges', '');

  // The Iraq–Somalia link lists its two engagements; one opens beside its source.
  await links.filter({ hasText: 'Somalia' }).click();
  await expect(view).toHaveAttribute('data-selected-edges', iraqSomalia);
  await expect(page.getByTestId('selection-label')).toContainText('Somalia');
  await expect(page.getByTestId('network-engagement')).toHaveCount(2);
  await liaison.screenshot(page, 'network-edge-selected');

  // A date brush on the timeline narrows the graph (the undated Iraq–Somalia meetings drop out).
  await page.getByText('Clear', { exact: true }).click();
  await page.getByTestId('filter-from').fill('2023-01');
  await page.getByTestId('filter-to').fill('2023-12');
  await expect(view).toHaveAttribute('data-state', 'ready');
  await expect(links).toHaveCount(1);
  await expect(links.first()).toContainText('NATO');

  // Grouping by country pair is in the analysis service; the level switch draws actors.
  await page.getByTestId('filter-from').fill('');
  await page.getByTestId('filter-to').fill('');
  await expect(links).toHaveCount(4);
  await expect(view).toHaveAttribute('data-state', 'ready');

  // Node size by engagements (Iraq 6, Somalia 2, the fewest 1) or by links (Iraq 4, the rest 1):
  // the drawn nodes are resized, and the SVG export draws them as shown.
  const radiusIn = async (name: string, label: string) => {
    const download = page.waitForEvent('download');
    const item = page.getByText('Graph as SVG', { exact: true });
    if (!(await item.isVisible())) await page.getByText('Export', { exact: true }).click();
    await item.click();
    const file = path.join(liaison.dir, name);
    await (await download).saveAs(file);
    if (await item.isVisible()) await page.getByText('Export', { exact: true }).click();
    return Number(fs.readFileSync(file, 'utf8').match(new RegExp(`r="([\\d.]+)"[^>]*/><text[^>]*>${label}</text>`))?.[1]);
  };
  expect(await radiusIn('by-engagements.svg', 'Somalia')).toBeCloseTo(14, 1);
  await page.getByTestId('size-links').click();
  await expect(page.getByTestId('size-links')).toHaveAttribute('aria-pressed', 'true');
  expect(await radiusIn('by-links.svg', 'Somalia')).toBeCloseTo(10, 1);
  expect(await radiusIn('by-links-iraq.svg', 'Iraq')).toBeCloseTo(30, 1);
  await liaison.screenshot(page, 'network-size-by-links');
  await page.getByTestId('level-actors').click();
  await expect(view).toHaveAttribute('data-state', 'ready');
  await expect(links.filter({ hasText: 'Hussein Moallim' })).toHaveCount(1);
  await liaison.screenshot(page, 'network-actors');

  // Export the graph for Gephi.
  const download = page.waitForEvent('download');
  await page.getByText('Export', { exact: true }).click();
  await page.getByTestId('export-gexf').click();
  const file = path.join(liaison.dir, 'g.gexf');
  await (await download).saveAs(file);
  expect(fs.readFileSync(file, 'utf8')).toContain('<gexf');

  // Open an engagement from the list: the coding screen with its source.
  await page.getByTestId('network-engagement').first().click();
  await expect(page.getByTestId('coding-view')).toBeVisible();
});

test('one filter for the table and the graph: set in either, in force in both; a timeline brush filters the table', async ({ liaison }) => {
  // A long walk through both sections: about 50 s on two cores alone, more when the machine is shared.
  test.setTimeout(120_000);
  const page = await liaison.launch({ project: await codedProject(liaison.dir) });
  await expectAppState(page, 'project');
  const table = page.getByTestId('engagements-view');
  const rows = page.getByTestId('engagement-row');
  const view = page.getByTestId('network-view');
  const links = page.getByTestId('network-link');
  const chips = page.getByTestId('filter-chip');

  // A type filter set in the table narrows the graph to the NATO invitation.
  await page.keyboard.press('Control+2');
  await expect(table).toHaveAttribute('data-state', 'ready');
  await page.getByTestId('filter-types').click();
  await page.getByTestId('filter-type-AGREE').check();
  await page.keyboard.press('Escape');
  await expect(table).toHaveAttribute('data-state', 'ready');
  await expect(rows).toHaveCount(1);
  await expect(chips).toHaveText([/Type: Agree/i]);
  await page.keyboard.press('Control+4');
  await expect(view).toHaveAttribute('data-state', 'ready');
  await expect(chips).toHaveText([/Type: Agree/i]);
  await expect(links).toHaveCount(1);
  await expect(links.first()).toContainText('NATO');
  await expect(page.getByTestId('filter-type-AGREE')).toHaveAttribute('aria-pressed', 'true');
  await liaison.screenshot(page, 'network-filter-from-table');
  await page.emulateMedia({ colorScheme: 'dark' });
  await liaison.screenshot(page, 'network-filter-from-table-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // Removing the chip here removes it there too.
  await chips.getByTestId('filter-chip-remove').click();
  await expect(chips).toHaveCount(0);
  await expect(view).toHaveAttribute('data-state', 'ready');
  await expect(links).toHaveCount(4);

  // An edge selected in the graph narrows the table to its engagements.
  await links.filter({ hasText: 'Somalia' }).click();
  await expect(page.getByTestId('selection-label')).toContainText('Somalia');
  await expect(chips).toHaveText([/Link: .*Somalia.*\(2\)/]);
  await page.keyboard.press('Control+2');
  await expect(table).toHaveAttribute('data-state', 'ready');
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: 'Hussein Moallim' })).toHaveCount(1);
  await expect(chips).toHaveText([/Link: .*Somalia.*\(2\)/]);
  await liaison.screenshot(page, 'engagements-filter-from-graph');
  await page.emulateMedia({ colorScheme: 'dark' });
  await liaison.screenshot(page, 'engagements-filter-from-graph-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await chips.getByTestId('filter-chip-remove').click();
  await expect(table).toHaveAttribute('data-state', 'ready');
  await expect(rows).toHaveCount(6);

  // Another link picked from the list beside the graph (Iran – Iraq) replaces the selection.
  await page.keyboard.press('Control+4');
  await expect(view).toHaveAttribute('data-state', 'ready');
  await expect(page.getByTestId('selection-label')).toHaveCount(0);
  await links.filter({ hasText: 'Iran' }).click();
  await page.keyboard.press('Control+2');
  await expect(table).toHaveAttribute('data-state', 'ready');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Barham Salih');

  // Brushing 2023 on the timeline (by year) filters the graph and the table.
  await page.getByTestId('filter-clear').click();
  await expect(table).toHaveAttribute('data-state', 'ready');
  await expect(rows).toHaveCount(6);
  await page.keyboard.press('Control+4');
  await expect(view).toHaveAttribute('data-state', 'ready');
  const timeline = page.getByTestId('timeline');
  await timeline.getByRole('button', { name: 'year', exact: true }).click();
  const bar2023 = timeline.locator('[data-testid="timeline-bar"][data-period="2023"]');
  await bar2023.hover();
  await page.mouse.down();
  await page.mouse.up();
  await expect(chips).toHaveText([/Period: 2023-01-01 – 2023-12-31/]);
  await expect(bar2023).toHaveClass(/timeline__bar--on/);
  await expect(view).toHaveAttribute('data-state', 'ready');
  await expect(links).toHaveCount(1);
  await expect(links.first()).toContainText('NATO');
  await expect(page.getByTestId('filter-from')).toHaveValue('2023-01-01');
  await liaison.screenshot(page, 'network-timeline-brush');
  await page.emulateMedia({ colorScheme: 'dark' });
  await liaison.screenshot(page, 'network-timeline-brush-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.keyboard.press('Control+2');
  await expect(table).toHaveAttribute('data-state', 'ready');
  await expect(rows).toHaveCount(2);
  await expect(page.getByTestId('filter-to')).toHaveValue('2023-12-31');
  await expect(chips).toHaveText([/Period: 2023-01-01 – 2023-12-31/]);
  await liaison.screenshot(page, 'engagements-timeline-brush');

  // Clear filters in the table clears them in the graph.
  await page.getByTestId('filter-clear').click();
  await expect(rows).toHaveCount(6);
  await page.keyboard.press('Control+4');
  await expect(view).toHaveAttribute('data-state', 'ready');
  await expect(links).toHaveCount(4);
  await expect(chips).toHaveCount(0);
});
