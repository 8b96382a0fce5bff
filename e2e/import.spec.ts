import fs from 'node:fs';
import path from 'node:path';
import { expect, expectAppState, seedDir, test } from './fixtures';

test('import a folder through the dialog: progress, report with reasons, CSV', async ({ liaison }) => {
  const page = await liaison.launch();
  const file = path.join(liaison.dir, 'import.liaison');
  await page.getByTestId('new-project-path').fill(file);
  await page.getByTestId('new-project-submit').click();
  await expectAppState(page, 'project');

  // A folder of the five seed articles plus two files that cannot be imported.
  const folder = path.join(liaison.dir, 'articles');
  fs.mkdirSync(folder);
  for (const f of fs.readdirSync(seedDir)) fs.copyFileSync(path.join(seedDir, f), path.join(folder, f));
  fs.writeFileSync(path.join(folder, 'empty.txt'), '   \n');
  fs.writeFileSync(path.join(folder, 'photo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]));

  await page.keyboard.press('Control+i');
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog).toBeVisible();
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-error')).toContainText('at least one file or folder');
  await page.getByTestId('import-paths').fill('~/articles');
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-error')).toContainText('"~/articles" is not a full path');
  await page.getByTestId('import-paths').fill(folder);
  await liaison.screenshot(page, 'import-dialog');
  await page.getByTestId('import-start').click();

  await expect(dialog).toHaveAttribute('data-stage', 'report');
  await expect(page.getByTestId('report-imported')).toContainText('5');
  await expect(page.getByTestId('report-skipped')).toContainText('1');
  await expect(page.getByTestId('report-failed')).toContainText('1');
  const problems = page.getByTestId('report-problems');
  await expect(problems.locator('tr[data-code="empty"]')).toContainText('empty.txt');
  await expect(problems.locator('tr[data-code="unsupported"]')).toContainText('photo.png');
  await liaison.screenshot(page, 'import-report');

  const download = page.waitForEvent('download');
  await page.getByTestId('import-save-csv').click();
  const csvPath = path.join(liaison.dir, 'report.csv');
  await (await download).saveAs(csvPath);
  const csv = fs.readFileSync(csvPath, 'utf8');
  // One row per file: the five imported, the empty one failed, the picture skipped.
  const csvRows = csv.trimEnd().split('\r\n');
  expect(csvRows[0]).toBe('status,path,documents,duplicates,code,reason');
  expect(csvRows.slice(1).map((l) => l.split(',')[0])).toEqual(['imported', 'imported', 'imported', 'imported', 'imported', 'failed', 'skipped']);

  await page.getByTestId('import-close').click();
  await expect(dialog).toBeHidden();

  // Importing the same folder again changes nothing and says so.
  await page.getByTestId('open-import').click();
  await page.getByTestId('import-paths').fill(folder);
  await page.getByTestId('import-start').click();
  await expect(dialog).toHaveAttribute('data-stage', 'report');
  await expect(page.getByTestId('report-imported')).toContainText('0');
  await expect(page.getByTestId('report-unchanged')).toContainText('5');
});

test('an import of a path that does not exist reports it instead of failing', async ({ liaison }) => {
  const page = await liaison.launch();
  await page.getByTestId('new-project-path').fill(path.join(liaison.dir, 'p.liaison'));
  await page.getByTestId('new-project-submit').click();
  await expectAppState(page, 'project');
  await page.getByTestId('open-import').click();
  await page.getByTestId('import-paths').fill(path.join(liaison.dir, 'missing-folder'));
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-dialog')).toHaveAttribute('data-stage', 'report');
  await expect(page.getByTestId('report-problems').locator('tr[data-code="not-found"]')).toBeVisible();
});
