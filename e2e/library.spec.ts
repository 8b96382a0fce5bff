import fs from 'node:fs';
import path from 'node:path';
import { expect, expectAppState, rawCall, test } from './fixtures';
import { seedProject } from './seed-project';

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
  // The filters hold no counts of the last search under it.
  await expect(page.getByTestId('facets-none')).toHaveText('Fix the search to see what it can be narrowed by.');
  await expect(page.getByTestId('facet-outlet-value')).toHaveCount(0);
  // The box takes no more than the app searches for.
  await expect(page.getByTestId('library-search')).toHaveAttribute('maxlength', '1000');
  await page.getByTestId('library-search').fill('al-Araji');
  await expect(rows).toHaveCount(2);
  await expect(page.getByTestId('search-error')).toBeHidden();

  // While a new search is on its way, the rows of the last one stay but are shown as stale, and
  // the count does not pass them off as the new answer.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route('**/api/documents.list', async (route) => {
    await held;
    await route.continue();
  });
  await page.getByTestId('library-search').fill('security');
  await expect(page.getByTestId('library-pending')).toHaveText('Searching…');
  await expect(page.getByTestId('document-table')).toHaveAttribute('data-stale', 'true');
  await expect(page.getByTestId('library-count')).not.toContainText('matches');
  await page.waitForTimeout(400); // past the delay before the pending state shows (no flicker on quick answers)
  await liaison.screenshot(page, 'library-search-pending');
  release();
  await expect(page.getByTestId('document-table')).toHaveAttribute('data-stale', 'false');
  await expect(page.getByTestId('library-count')).toHaveText(/^\d+ match(es)?, best first$/);
  await page.unroute('**/api/documents.list');
  // Nothing found: said in words, and the filters say why they are empty.
  await page.getByTestId('library-search').fill('zzyzx');
  await expect(page.getByTestId('library-count')).toHaveText('No matches');
  await expect(page.getByTestId('facets-none')).toContainText('Nothing matches');
  await page.getByTestId('library-search').fill('al-Araji');
  await expect(rows).toHaveCount(2);

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
  await expect(page.locator('[data-testid="document-row"][data-active="true"]')).toHaveAttribute('data-id', order[1]!);

  // Keyboard in the list: j moves, Enter opens, x marks not relevant (and back).
  await page.keyboard.press('j');
  await expect(page.locator('[data-testid="document-row"][data-active="true"]')).toHaveAttribute('data-id', order[2]!);
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

test('library: columns hide, move and resize, and stay so after a reload', async ({ liaison }) => {
  const { file } = seedProject(liaison.dir);
  const page = await liaison.launch({ project: file });
  const rows = page.getByTestId('document-row');
  await expect(rows).toHaveCount(5);
  const headers = () => page.locator('thead th[data-testid^="column-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.slice(7)));
  expect(await headers()).toEqual(['title', 'outlet', 'publishedAt', 'place', 'words', 'duplicates', 'engagements', 'coding']);

  // Hide the outlet, move words before the date, widen the date by dragging its edge.
  await page.getByTestId('columns-menu-toggle').click();
  await expect(page.getByTestId('columns-menu')).toBeVisible();
  await page.getByTestId('column-toggle-outlet').uncheck();
  await expect(page.getByTestId('column-outlet')).toHaveCount(0);
  await expect(page.locator('.doc-table__cell--outlet')).toHaveCount(0);
  // Up past the hidden batch and format (the menu lists every column, shown or not), then place and the date.
  for (let i = 0; i < 4; i++) await page.getByTestId('column-up-words').click();
  await liaison.screenshot(page, 'library-columns');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('columns-menu')).toBeHidden();
  expect(await headers()).toEqual(['title', 'words', 'publishedAt', 'place', 'duplicates', 'engagements', 'coding']);

  const width = async () => (await page.getByTestId('column-publishedAt').boundingBox())!.width;
  const before = await width();
  const edge = (await page.getByTestId('resize-publishedAt').boundingBox())!;
  await page.mouse.move(edge.x + edge.width / 2, edge.y + edge.height / 2);
  await page.mouse.down();
  await page.mouse.move(edge.x + 60, edge.y + edge.height / 2, { steps: 6 });
  await page.mouse.up();
  await expect.poll(width).toBeGreaterThan(before + 50);
  const widened = await width();
  // The cells follow their header.
  expect((await page.locator('.doc-table__cell--publishedAt').first().boundingBox())!.width).toBeCloseTo(widened, 0);

  // Saved in the project file (after a short settle), and read back after a reload.
  await expect
    .poll(async () => ((await rawCall(page, 'settings.get', { key: 'library.columns' })).body as { value: { value: { hidden?: string[]; sizes?: Record<string, number> } | null } }).value.value)
    .toMatchObject({ hidden: expect.arrayContaining(['outlet']), sizes: { publishedAt: expect.any(Number) } });
  await page.reload();
  await expectAppState(page, 'project');
  await expect(rows).toHaveCount(5);
  expect(await headers()).toEqual(['title', 'words', 'publishedAt', 'place', 'duplicates', 'engagements', 'coding']);
  await expect(page.getByTestId('column-outlet')).toHaveCount(0);
  expect(await width()).toBeCloseTo(widened, 0);

  // Reset brings the default layout back.
  await page.getByTestId('columns-menu-toggle').click();
  await page.getByTestId('columns-reset').click();
  await page.keyboard.press('Escape');
  expect(await headers()).toEqual(['title', 'outlet', 'publishedAt', 'place', 'words', 'duplicates', 'engagements', 'coding']);
});

test('library: select rows, mark them, export them as CSV; coding columns and facet', async ({ liaison }) => {
  const { file, idOf } = seedProject(liaison.dir);
  const page = await liaison.launch({ project: file });
  const rows = page.getByTestId('document-row');
  await expect(rows).toHaveCount(5);
  const order = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-id')!));
  const row = (id: string) => page.locator(`[data-testid="document-row"][data-id="${id}"]`);

  // Checkbox, then Shift+checkbox: a range. Ctrl+click adds one; space on the current row removes it.
  await row(order[0]).getByTestId('row-select').click();
  await row(order[2]).getByTestId('row-select').click({ modifiers: ['Shift'] });
  await expect(page.getByTestId('selection-count')).toHaveText('3 selected');
  await row(order[4]).click({ modifiers: ['ControlOrMeta'] });
  await expect(page.getByTestId('selection-count')).toHaveText('4 selected');
  await expect(page.getByTestId('reader')).toBeHidden();
  await expect(row(order[4])).toHaveAttribute('aria-selected', 'true');
  await expect(row(order[3])).toHaveAttribute('aria-selected', 'false');
  await page.keyboard.press(' ');
  await expect(page.getByTestId('selection-count')).toHaveText('3 selected');
  await liaison.screenshot(page, 'library-selection');

  // Not relevant for the whole selection, then relevant again.
  await page.getByTestId('selection-exclude').click();
  for (const id of order.slice(0, 3)) await expect(row(id)).toHaveClass(/doc-table__row--excluded/);
  await expect(row(order[3])).not.toHaveClass(/doc-table__row--excluded/);
  await page.getByTestId('selection-include').click();
  for (const id of order.slice(0, 3)) await expect(row(id)).not.toHaveClass(/doc-table__row--excluded/);

  // Two rows, exported as CSV: a download with a header and one line per row.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('selection-bar')).toBeHidden();
  await row(order[1]).click({ modifiers: ['ControlOrMeta'] });
  await row(order[3]).click({ modifiers: ['ControlOrMeta'] });
  await expect(page.getByTestId('selection-count')).toHaveText('2 selected');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('selection-export').click()]);
  expect(download.suggestedFilename()).toMatch(/^liaison-selection-\d{4}-\d{2}-\d{2}-\d{4}\.csv$/);
  const csv = fs.readFileSync((await download.path())!, 'utf8');
  const lines = csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
  expect(lines[0]).toBe('id,title,outlet,published,place,batch,format,words,duplicate_status,duplicate_set,engagements,coding_status,relevant');
  expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual([order[1], order[3]]);
  await page.keyboard.press('Escape');

  // A draft engagement citing 000: its row says so, and the coding facet counts it.
  const id000 = idOf('000_01088ec9213a716d.txt');
  const saved = await rawCall(page, 'engagements.save', {
    engagement: {
      type: 'CONSULT',
      mode: null,
      date: { value: null, precision: 'unknown', inferred: false },
      place: null,
      countryCode: null,
      participants: [],
      topics: [],
      outcomes: [],
      notes: '',
      confidence: 'medium',
      status: 'draft',
      sources: [{ documentId: id000, primary: true }],
      evidence: [],
    },
  });
  expect(JSON.stringify(saved.body)).toContain('"engagement"');
  await expect(row(id000).locator('.doc-table__cell--coding')).toHaveText('draft');
  await expect(row(id000).locator('.doc-table__cell--engagements')).toHaveText('1');
  const draft = page.getByTestId('facet-coding-value').filter({ hasText: 'Draft' });
  await expect(draft).toContainText('1');
  await expect(page.getByTestId('facet-coding-value').filter({ hasText: 'Not coded' })).toContainText('4');
  await draft.click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-id', id000);
  await page.getByTestId('clear-filters').click();
  await expect(rows).toHaveCount(5);
});

test('an Arabic article reads right to left, paragraph by paragraph, beside an English one', async ({ liaison }) => {
  const folder = path.join(liaison.dir, 'arabic');
  fs.mkdirSync(folder);
  fs.copyFileSync(path.resolve(import.meta.dirname, '../electron/importers/__fixtures__/cp1256-arabic.txt'), path.join(folder, 'ar.txt'));
  fs.appendFileSync(path.join(folder, 'ar.txt'), Buffer.from('\r\nSource: Shafaq News\r\n', 'latin1'));
  const { file, idOf } = seedProject(liaison.dir, { folder, expect: 1 });
  const page = await liaison.launch({ project: file });
  await page.locator(`[data-testid="document-row"][data-id="${idOf('ar.txt')}"]`).click();
  await expect(page.getByTestId('reader')).toHaveAttribute('data-state', 'ready');
  // Where the first and last lines of the text sit in the box: the Arabic headline against its
  // right edge, the English source line against its left.
  const sides = await page.getByTestId('reader-text').evaluate((el) => {
    const box = el.getBoundingClientRect();
    const range = document.createRange();
    range.selectNodeContents(el);
    const lines = [...range.getClientRects()].filter((r) => r.width > 0);
    const first = lines[0];
    const last = lines[lines.length - 1];
    return { firstRightGap: box.right - first.right, firstLeftGap: first.left - box.left, lastLeftGap: last.left - box.left };
  });
  expect(sides.firstRightGap).toBeLessThan(4);
  expect(sides.firstLeftGap).toBeGreaterThan(100);
  expect(sides.lastLeftGap).toBeLessThan(4);
  await liaison.screenshot(page, 'reader-arabic');
});

