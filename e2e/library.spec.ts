import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { expect, expectAppState, seedDir, test } from './fixtures';

const cli = path.resolve(import.meta.dirname, '..', 'bin', 'liaison.js');

/** A project holding the five seed articles, made with the CLI; returns its path and each file's document id. */
function seedProject(dir: string): { file: string; idOf: (name: string) => string } {
  const file = path.join(dir, 'seed.liaison');
  const env = { ...process.env, LIAISON_USER_DATA: path.join(dir, 'user-data') };
  const summary = JSON.parse(execFileSync(process.execPath, [cli, 'import', seedDir, '--project', file, '--json'], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })) as { imported: number };
  expect(summary.imported).toBe(5);
  const docs = execFileSync(process.execPath, [cli, 'documents', '--project', file, '--json'], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { id: string; path: string });
  return {
    file,
    idOf: (name) => {
      const d = docs.find((x) => x.path.endsWith(name));
      if (!d) throw new Error(`no document for ${name}`);
      return d.id;
    },
  };
}

test('library: list, search with snippets, read with boilerplate dimmed, edit a date, j/k', async ({ liaison }) => {
  const { file, idOf } = seedProject(liaison.dir);
  const page = await liaison.launch({ project: file });
  await expectAppState(page, 'project');

  const rows = page.getByTestId('document-row');
  await expect(rows).toHaveCount(5);
  await expect(page.getByTestId('library-count')).toHaveText('5 documents');
  await expect(page.getByTestId('facet-format-value')).toHaveText(['Text5']);
  await liaison.screenshot(page, 'library');

  // Search: `/` focuses the box; the two al-Araji articles come back with their matches marked.
  await page.keyboard.press('/');
  await expect(page.getByTestId('library-search')).toBeFocused();
  await page.keyboard.type('al-Araji');
  await expect(rows).toHaveCount(2);
  await expect(page.getByTestId('library-count')).toHaveText('2 matches, best first');
  const found = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
  expect(found.sort()).toEqual([idOf('000_01088ec9213a716d.txt'), idOf('003_22032a1dfcab7bf5.txt')].sort());
  for (const snippet of await page.getByTestId('row-snippet').all()) {
    await expect(snippet.locator('mark.hit').first()).toHaveText(/al-?Araji/i);
  }
  // The facets follow the search.
  await expect(page.getByTestId('facet-outlet-value')).toHaveText(['Mogadishu241', 'Shafaq News1']);
  await liaison.screenshot(page, 'library-search');

  // A query FTS5 cannot read is explained inline, not thrown.
  await page.getByTestId('library-search').fill('"unclosed');
  await expect(page.getByTestId('search-error')).toContainText('unclosed quote');
  await expect(page.getByTestId('library-no-match')).toBeVisible();
  await page.getByTestId('library-search').fill('al-Araji');
  await expect(rows).toHaveCount(2);
  await expect(page.getByTestId('search-error')).toBeHidden();

  // Open 003: boilerplate and repeats dimmed, the search's hits marked in the text.
  const id003 = idOf('003_22032a1dfcab7bf5.txt');
  await page.locator(`[data-testid="document-row"][data-id="${id003}"]`).click();
  const reader = page.getByTestId('reader');
  await expect(reader).toHaveAttribute('data-state', 'ready');
  await expect(reader).toHaveAttribute('data-id', id003);
  await expect(page.getByTestId('reader-title')).toHaveText("Iraq's national security advisor receives an invitation to visit Brussels for NATO talks");
  await expect(page.getByTestId('passage-boilerplate').first()).toBeVisible();
  await expect(page.getByTestId('passage-boilerplate').filter({ hasText: 'Sponsored Links' })).toHaveCount(1);
  await expect(page.getByTestId('passage-repeat').first()).toBeVisible();
  const dim = await page.getByTestId('passage-repeat').first().evaluate((el) => getComputedStyle(el).color);
  const body = await page.getByTestId('reader-text').evaluate((el) => getComputedStyle(el).color);
  expect(dim).not.toBe(body);
  expect(await page.getByTestId('reader-hit').count()).toBeGreaterThan(2);
  await expect(page.getByTestId('reader-text')).toContainText('advisory services. During the call');
  await expect(page.getByTestId('meta-publishedAt')).toContainText('2023-04-04');
  await expect(page.getByTestId('meta-outlet')).toContainText('Shafaq News');
  await expect(page.getByTestId('metadata-panel')).toContainText('From ');
  await page.getByTestId('reader-scroll').evaluate((el) => {
    el.scrollTop = 0;
  });
  await liaison.screenshot(page, 'reader');
  await page.getByTestId('passage-repeat').first().scrollIntoViewIfNeeded();
  await liaison.screenshot(page, 'reader-dimmed');

  // Fold the marked passages, then open one stub again.
  await page.getByTestId('toggle-dimmed').click();
  await expect(page.getByTestId('passage-repeat')).toHaveCount(0);
  const stubs = page.getByTestId('collapsed-passage');
  const folded = await stubs.count();
  expect(folded).toBeGreaterThan(1);
  await stubs.first().click();
  await expect(stubs).toHaveCount(folded - 1);
  await page.getByTestId('toggle-dimmed').click();

  // Edit the date: recorded, shown with its new source, and in the table once back.
  await page.getByTestId('edit-metadata').click();
  await page.getByTestId('edit-publishedAt').fill('2023-02-30');
  await page.getByTestId('save-metadata').click();
  await expect(page.getByTestId('metadata-error')).toContainText('real calendar date');
  await page.getByTestId('edit-publishedAt').fill('2023-04-05');
  await page.getByTestId('save-metadata').click();
  await expect(page.getByTestId('meta-publishedAt')).toContainText('2023-04-05');
  await expect(page.getByTestId('meta-publishedAt').getByTestId('meta-source')).toHaveAttribute('data-source', 'edited');
  await expect(page.getByTestId('meta-publishedAt')).toContainText('was "2023-04-04"');
  await page.keyboard.press('Escape');
  await expect(reader).toBeHidden();
  await expect(page.locator(`[data-testid="document-row"][data-id="${id003}"] .doc-table__cell--publishedAt`)).toHaveText('2023-04-05');

  // j/k step through the current list in the reader; Esc comes back to the list.
  await page.keyboard.press('/');
  await page.keyboard.press('Escape');
  await expect(rows).toHaveCount(5);
  await page.keyboard.press('Escape');
  const order = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
  await rows.first().click();
  await expect(reader).toHaveAttribute('data-id', order[0]!);
  await expect(page.getByTestId('reader-position')).toHaveText('1 of 5');
  await page.keyboard.press('j');
  await expect(reader).toHaveAttribute('data-id', order[1]!);
  await expect(page.getByTestId('reader-position')).toHaveText('2 of 5');
  await page.keyboard.press('j');
  await expect(reader).toHaveAttribute('data-id', order[2]!);
  await page.keyboard.press('k');
  await expect(reader).toHaveAttribute('data-id', order[1]!);
  await expect(reader).toHaveAttribute('data-state', 'ready');
  await page.keyboard.press('Escape');
  await expect(reader).toBeHidden();
  await expect(page.locator('[data-testid="document-row"][aria-selected="true"]')).toHaveAttribute('data-id', order[1]!);

  // Keyboard in the list: j moves, Enter opens, x marks not relevant (and back).
  await page.keyboard.press('j');
  await expect(page.locator('[data-testid="document-row"][aria-selected="true"]')).toHaveAttribute('data-id', order[2]!);
  await page.keyboard.press('x');
  await expect(page.locator(`[data-testid="document-row"][data-id="${order[2]}"]`)).toHaveClass(/doc-table__row--excluded/);
  await page.getByTestId('facet-excluded-value').filter({ hasText: 'Not relevant' }).click();
  await expect(rows).toHaveCount(1);
  await page.getByTestId('clear-filters').click();
  await expect(rows).toHaveCount(5);
  await page.keyboard.press('x');
  await expect(page.locator(`[data-testid="document-row"][data-id="${order[2]}"]`)).not.toHaveClass(/doc-table__row--excluded/);
  await page.keyboard.press('Enter');
  await expect(reader).toHaveAttribute('data-id', order[2]!);

  // The same screens in the dark theme.
  await page.emulateMedia({ colorScheme: 'dark' });
  await liaison.screenshot(page, 'reader-dark');
  await page.keyboard.press('Escape');
  await liaison.screenshot(page, 'library-dark');
});

test('library: sorting by a column and narrowing by facets', async ({ liaison }) => {
  const { file } = seedProject(liaison.dir);
  const page = await liaison.launch({ project: file });
  const rows = page.getByTestId('document-row');
  await expect(rows).toHaveCount(5);
  await page.getByTestId('sort-publishedAt').click();
  await expect(page.locator('[aria-sort="ascending"]')).toContainText('Published');
  const dates = async () => page.locator('.doc-table__cell--publishedAt').allTextContents();
  await expect.poll(dates).toEqual([...(await dates())].sort());
  await page.getByTestId('sort-publishedAt').click();
  await expect(page.locator('[aria-sort="descending"]')).toContainText('Published');
  await expect.poll(async () => (await dates()).join()).toBe([...(await dates())].sort().reverse().join());

  const outlet = page.getByTestId('facet-outlet-value').filter({ hasText: 'Shafaq News' });
  await outlet.click();
  await expect(outlet).toHaveAttribute('aria-pressed', 'true');
  await expect(rows).toHaveCount(1);
  await expect(page.getByTestId('library-count')).toHaveText('1 document');
  await page.getByTestId('clear-filters').click();
  await expect(rows).toHaveCount(5);
});

test('an empty project says how to import, and the button opens the import dialog', async ({ liaison }) => {
  const page = await liaison.launch();
  await page.getByTestId('new-project-path').fill(path.join(liaison.dir, 'empty.liaison'));
  await page.getByTestId('new-project-submit').click();
  await expectAppState(page, 'project');
  await expect(page.getByTestId('empty-library')).toBeVisible();
  await page.getByTestId('library-import').click();
  await expect(page.getByTestId('import-dialog')).toBeVisible();
});
