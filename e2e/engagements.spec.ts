import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { createProject } from '../electron/store/open';
import { expect, expectAppState, test } from './fixtures';
import { codedProject } from './seed-project';

async function ready(page: Page): Promise<void> {
  await expect(page.getByTestId('engagements-view')).toHaveAttribute('data-state', 'ready');
}

test('engagements table: sort, group by country pair, filter by type, open a row beside its source', async ({ liaison }) => {
  // A long walk through both sections: about 50 s on two cores alone, more when the machine is shared.
  test.setTimeout(120_000);
  const page = await liaison.launch({ project: await codedProject(liaison.dir) });
  await expectAppState(page, 'project');
  await page.keyboard.press('Control+2');
  await ready(page);
  const rows = page.getByTestId('engagement-row');
  await expect(rows).toHaveCount(6);
  await expect(page.getByTestId('engagements-count')).toHaveText('6 engagements');
  // Newest first; the two undated Iraq–Somalia meetings last.
  await expect(rows.first()).toContainText('2024-04-16');
  await expect(rows.first()).toContainText('Alejandro Mayorkas');
  await expect(rows.first()).toContainText('Iraq – United States');
  await expect(rows.nth(5)).toContainText('undated');
  await liaison.screenshot(page, 'engagements-table');
  await page.emulateMedia({ colorScheme: 'dark' });
  await liaison.screenshot(page, 'engagements-table-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // Sorting is done in SQL: oldest first, undated still last.
  await page.getByTestId('sort-date').click();
  await ready(page);
  await expect(page.getByTestId('sort-date').locator('..')).toHaveAttribute('aria-sort', 'ascending');
  await expect(rows.first()).toContainText('2020-03-08');
  await expect(rows.first()).toContainText('Barham Salih');
  await expect(rows.nth(5)).toContainText('undated');
  await page.getByTestId('sort-place').click();
  await ready(page);
  await expect(rows.first()).toContainText('Baghdad');
  await page.getByTestId('sort-date').click();
  await ready(page);
  await expect(rows.first()).toContainText('2024-04-16');

  // Group by country pair: Iraq–Somalia counts 2 and expands to its two engagements.
  await page.getByTestId('group-by-country-pair').click();
  await ready(page);
  const groups = page.getByTestId('group-row');
  await expect(groups).toHaveCount(4);
  await expect(rows).toHaveCount(0);
  const somalia = groups.filter({ hasText: 'Somalia' });
  await expect(somalia).toContainText('Iraq');
  await expect(somalia.getByTestId('group-count')).toHaveText('2');
  await somalia.click();
  await expect(somalia).toHaveAttribute('aria-expanded', 'true');
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: 'Hussein Moallim' })).toHaveCount(1);
  await expect(rows.filter({ hasText: 'Abdullahi Sheikh Ismail' })).toHaveCount(1);
  await liaison.screenshot(page, 'engagements-grouped');
  await page.emulateMedia({ colorScheme: 'dark' });
  await liaison.screenshot(page, 'engagements-grouped-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  // The keyboard collapses it again.
  await page.keyboard.press('ArrowLeft');
  await expect(rows).toHaveCount(0);

  // Group by type, then back to the plain table.
  await page.getByTestId('group-by-type').click();
  await ready(page);
  await expect(groups.filter({ hasText: 'Consult' })).toHaveCount(1);
  await expect(groups.filter({ hasText: 'Consult' }).getByTestId('group-count')).toHaveText('5');
  // By year: the undated pair last, under its own group.
  await page.getByTestId('group-by-year').click();
  await ready(page);
  await expect(groups).toHaveCount(4);
  await expect(groups.last()).toContainText('Undated');
  await expect(groups.filter({ hasText: '2023' }).getByTestId('group-count')).toHaveText('2');
  await page.getByTestId('group-by-none').click();
  await ready(page);
  await expect(rows).toHaveCount(6);

  // Filter by type AGREE: one row, the NATO invitation.
  await page.getByTestId('filter-types').click();
  await page.getByTestId('filter-type-AGREE').check();
  await ready(page);
  await liaison.screenshot(page, 'engagements-filter-menu');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('filter-type-AGREE')).toBeHidden();
  await ready(page);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Brussels');
  await expect(page.getByTestId('filter-types')).toContainText('Type:');

  // Export what the filters show.
  const download = page.waitForEvent('download');
  await page.getByTestId('export-menu').click();
  await page.getByTestId('export-csv').click();
  const file = path.join(liaison.dir, 'filtered.csv');
  await (await download).saveAs(file);
  expect(fs.readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(2);

  // An actor filter: Qasim al-Araji took part in three; with AGREE, still the one.
  await page.getByTestId('filter-clear').click();
  await ready(page);
  await expect(rows).toHaveCount(6);
  await page.getByTestId('filter-actor').fill('Araji');
  await page.getByTestId('actor-filter-option').filter({ hasText: 'Qasim al-Araji' }).click();
  await ready(page);
  await expect(rows).toHaveCount(3);
  await expect(page.getByTestId('actor-filter-chip')).toHaveText(/Qasim al-Araji/);

  // Clicking a row opens the engagement beside its source, evidence marked.
  await rows.filter({ hasText: 'Thomas Goffus' }).click();
  await expect(page.getByTestId('coding-view')).toBeVisible();
  await expect(page.getByTestId('evidence-mark')).not.toHaveCount(0);

  // Coming back finds the same filter.
  await page.getByTestId('nav-engagements').click();
  await ready(page);
  await expect(rows).toHaveCount(3);
});

test('an empty project says how to start', async ({ liaison }) => {
  const file = path.join(liaison.dir, 'empty.liaison');
  createProject(file).close();
  const page = await liaison.launch({ project: file });
  await expectAppState(page, 'project');
  await page.getByTestId('nav-engagements').click();
  await expect(page.getByTestId('empty-engagements')).toBeVisible();
  await page.getByTestId('empty-engagements-library').click();
  await expect(page.getByTestId('section-library')).toBeVisible();
});
