import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { generateLibrary } from '../bench/library-corpus';
import { createProject } from '../electron/store/open';
import { expect, expectAppState, test } from './fixtures';

/**
 * The library on a generated project of 20,000 articles (the bench's corpus, written in SQL):
 * the renderer holds a bounded window of rows however far it scrolls, and shows the right ones
 * scrolling back; every column sorts; "select all matching" covers rows never loaded.
 */
const SIZE = 20_000;
/** The corpus adds two long reports after the generated articles. */
const TOTAL = SIZE + 2;
/** Pages in view (at most 2 at 860 px) plus KEEP_PAGES (2) each side, of 100 rows. */
const MAX_HELD = 600;

const docId = (index: number) => `doc-${String(index + 1).padStart(7, '0')}`;

function project(dir: string): string {
  const file = path.join(dir, 'large.liaison');
  const store = createProject(file);
  generateLibrary(store.db, SIZE);
  store.close();
  return file;
}

const held = async (page: Page) => Number(await page.getByTestId('document-table').getAttribute('data-held-rows'));
const scrollTo = (page: Page, top: number) =>
  page.getByTestId('document-table-scroll').evaluate((el, y) => {
    el.scrollTop = y;
  }, top);
/** The rows in the DOM once the table has drawn the scrolled-to place and every row there has arrived: [index, id] pairs. */
async function settledRows(page: Page): Promise<[number, string][]> {
  const at = await page.getByTestId('document-table-scroll').evaluate((el) => Math.floor(el.scrollTop / 30));
  await expect(page.locator(`[data-testid="document-row"][data-index="${Math.min(at + 3, TOTAL - 1)}"]`)).toHaveCount(1);
  await expect(page.getByTestId('document-row-pending')).toHaveCount(0);
  return page.getByTestId('document-row').evaluateAll((els) => els.map((e) => [Number(e.getAttribute('data-index')), e.getAttribute('data-id')!] as [number, string]));
}

/** What one ranked search on a single connection gives: the count and the best rows' ids. */
function rankedBySql(file: string, query: string, limit: number): { total: number; ids: string[] } {
  const db = new Database(file, { readonly: true });
  try {
    const total = (db.prepare('SELECT count(*) AS n FROM documents_fts WHERE documents_fts MATCH ?').get(query) as { n: number }).n;
    const ids = db
      .prepare('SELECT d.id FROM documents_fts f JOIN documents d ON d.rowid = f.rowid WHERE documents_fts MATCH ? ORDER BY bm25(documents_fts, 4.0, 1.0), f.rowid LIMIT ?')
      .pluck()
      .all(query, limit) as string[];
    return { total, ids };
  } finally {
    db.close();
  }
}

test('library on 20,000 articles: a bounded window of rows, the right rows scrolling back, every column sorts, ranked search', async ({ liaison }) => {
  test.setTimeout(180_000);
  const file = project(liaison.dir);
  const page = await liaison.launch({ project: file });
  await expectAppState(page, 'project');
  await expect(page.getByTestId('library-count')).toHaveText(`${TOTAL.toLocaleString('en')} documents`);
  // The scrollbar is the whole list: the body is as tall as every row.
  const height = await page.getByTestId('document-table-scroll').evaluate((el) => el.scrollHeight);
  expect(height).toBeGreaterThanOrEqual(TOTAL * 30);
  await liaison.screenshot(page, 'library-large');

  // Scroll down through the list a screen at a time, then by big steps: the rows held stay bounded.
  let maxHeld = 0;
  for (let top = 0; top < 300 * 30; top += 700) {
    await scrollTo(page, top);
    const rows = await settledRows(page);
    for (const [index, id] of rows) expect(id).toBe(docId(index));
    maxHeld = Math.max(maxHeld, await held(page));
  }
  for (let top = 9000; top < TOTAL * 30; top += 45_000) {
    await scrollTo(page, top);
    const rows = await settledRows(page);
    expect(rows.length).toBeGreaterThan(10);
    for (const [index, id] of rows) expect(id).toBe(docId(index));
    maxHeld = Math.max(maxHeld, await held(page));
  }
  // The very end: the last row of the list, reached by a jump.
  await scrollTo(page, TOTAL * 30);
  await expect(page.locator(`[data-testid="document-row"][data-index="${TOTAL - 1}"]`)).toHaveAttribute('data-id', 'doc-long-1');
  maxHeld = Math.max(maxHeld, await held(page));
  expect(maxHeld).toBeGreaterThan(100);
  expect(maxHeld).toBeLessThanOrEqual(MAX_HELD);

  // Back to the middle and the top: the dropped pages load again, the right rows in place.
  await scrollTo(page, 10_000 * 30);
  for (const [index, id] of await settledRows(page)) expect(id).toBe(docId(index));
  await scrollTo(page, 0);
  const top = await settledRows(page);
  expect(top[0]).toEqual([0, docId(0)]);
  expect(await held(page)).toBeLessThanOrEqual(MAX_HELD);

  // Every column sorts, in SQL: format (shown from the columns menu; html first), then place.
  await page.getByTestId('columns-menu-toggle').click();
  await page.getByTestId('column-toggle-format').check();
  await page.keyboard.press('Escape');
  await page.getByTestId('sort-format').click();
  await expect(page.locator('[aria-sort="ascending"]')).toContainText('Format');
  await expect(page.locator('.doc-table__cell--format').first()).toHaveText('html');
  await page.getByTestId('sort-format').click();
  await expect(page.locator('.doc-table__cell--format').first()).toHaveText('txt');
  await scrollTo(page, 15_000 * 30);
  const deep = await settledRows(page);
  expect(deep.length).toBeGreaterThan(10);
  // Deep in the list (about 16,300 txt, then the pdfs, then the html), reached by a jump.
  await expect(page.locator('.doc-table__cell--format').first()).toHaveText('txt');
  await scrollTo(page, TOTAL * 30);
  await expect(page.locator(`[data-testid="document-row"][data-index="${TOTAL - 1}"] .doc-table__cell--format`)).toHaveText('html');
  await page.getByTestId('sort-place').click();
  await expect(page.locator('[aria-sort="ascending"]')).toContainText('Place');
  // The two long reports have no place: they sort first.
  await expect(page.locator('.doc-table__cell--place').nth(2)).toHaveText('Ankara');
  expect(await held(page)).toBeLessThanOrEqual(MAX_HELD);

  // A search, ranked best first: on a project this size it is counted and ranked in parallel
  // parts on the search threads; the count and the order are those of one search in SQL.
  const expected = rankedBySql(file, 'Kismayo', 8);
  expect(expected.total).toBeGreaterThan(1000);
  await page.keyboard.press('/');
  await page.keyboard.type('Kismayo');
  await expect(page.getByTestId('library-count')).toHaveText(`${expected.total.toLocaleString('en')} matches, best first`);
  await expect(page.getByTestId('document-row').first()).toHaveAttribute('data-id', expected.ids[0]);
  const best = await page.getByTestId('document-row').evaluateAll((els) => els.slice(0, 8).map((e) => e.getAttribute('data-id')));
  expect(best).toEqual(expected.ids);
  await expect(page.getByTestId('row-snippet').first().locator('mark.hit').first()).toHaveText('Kismayo');
  await liaison.screenshot(page, 'library-large-search');
});

test('select all matching: covers rows never loaded, less the ones unticked; marks and exports them', async ({ liaison }) => {
  test.setTimeout(180_000);
  const page = await liaison.launch({ project: project(liaison.dir) });
  await expectAppState(page, 'project');
  await expect(page.getByTestId('library-count')).toHaveText(`${TOTAL.toLocaleString('en')} documents`);

  // Narrow to the pdfs (one in twenty), select them all, untick the first.
  await page.locator('[data-testid="facet-format-value"][data-value="pdf"]').click();
  await expect(page.getByTestId('library-count')).toHaveText('1,000 documents');
  await page.getByTestId('select-all').check();
  await expect(page.getByTestId('selection-count')).toHaveText('1,000 selected');
  await expect(page.getByTestId('selection-all-matching')).toBeVisible();
  await expect(page.getByTestId('row-select').nth(5)).toBeChecked();
  const first = await page.getByTestId('document-row').first().getAttribute('data-id');
  await page.getByTestId('row-select').first().click();
  await expect(page.getByTestId('selection-count')).toHaveText('999 selected');
  await expect(page.getByTestId('select-all')).toHaveJSProperty('indeterminate', true);
  await page.emulateMedia({ colorScheme: 'dark' });
  await liaison.screenshot(page, 'library-select-all-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await liaison.screenshot(page, 'library-select-all');

  // The CSV holds every selected row, in list order, the unticked one left out.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('selection-export').click()]);
  const lines = fs.readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '').trimEnd().split('\r\n');
  expect(lines).toHaveLength(1000);
  const ids = lines.slice(1).map((l) => l.split(',')[0]);
  expect(ids).not.toContain(first);
  expect(ids.every((id) => Number(id.slice(4)) % 20 === 0)).toBe(true);
  expect(ids).toEqual([...ids].sort());

  // Mark them all not relevant: the relevance facet counts them, the unticked one stays relevant.
  await page.getByTestId('selection-exclude').click();
  await expect(page.locator('[data-testid="facet-excluded-value"][data-value="true"]')).toContainText('999', { timeout: 30_000 });
  await expect(page.locator(`[data-testid="document-row"][data-id="${first}"]`)).not.toHaveClass(/doc-table__row--excluded/);
  await expect(page.getByTestId('document-row').nth(1)).toHaveClass(/doc-table__row--excluded/);
  // The box in the header clears the selection.
  await page.getByTestId('select-all').click();
  await expect(page.getByTestId('selection-bar')).toBeHidden();

  // Keyboard resize: the column edge takes focus; arrows widen, Enter goes back to the default width.
  const width = async () => (await page.getByTestId('column-publishedAt').boundingBox())!.width;
  const before = await width();
  await page.getByTestId('resize-publishedAt').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await expect.poll(width).toBeCloseTo(before + 120, 0);
  await expect(page.getByTestId('resize-publishedAt')).toHaveAttribute('aria-valuenow', String(Math.round(before + 120)));
  await page.keyboard.press('ArrowLeft');
  await expect.poll(width).toBeCloseTo(before + 110, 0);
  await page.keyboard.press('Enter');
  await expect.poll(width).toBeCloseTo(before, 0);
});
