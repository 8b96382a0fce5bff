import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_IMPORT_OPTIONS } from '../shared/model/library';
import { codeSeedArticles } from '../electron/services/coding/seed-coding.fixture';
import type { AppContext } from '../electron/services/context';
import { runImport } from '../electron/services/import/import-service';
import { createProject } from '../electron/store/open';
import { expect, expectAppState, seedDir, test } from './fixtures';

/** A project with the seed articles imported and coded through the real services. */
async function codedProject(dir: string): Promise<string> {
  const file = path.join(dir, 'coded.liaison');
  const store = createProject(file);
  const ctx: AppContext = { mode: 'browser', version: 'e2e', userDataDir: dir, store, emit: () => {} };
  const coderId = (store.db.prepare('SELECT id FROM coders').get() as { id: string }).id;
  await runImport(store, [seedDir], DEFAULT_IMPORT_OPTIONS, coderId, { workers: 1 });
  codeSeedArticles(ctx, store.db);
  store.close();
  return file;
}

test('network of countries: Iraq linked to Somalia, Iran, NATO and the US; an edge lists its engagements; a brush filters', async ({ liaison }) => {
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

  // The Iraq–Somalia link lists its two engagements; one opens beside its source.
  await links.filter({ hasText: 'Somalia' }).click();
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
