import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { expect, expectAppState, seedDir, selectInSource, test } from './fixtures';

const cli = path.resolve(import.meta.dirname, '..', 'bin', 'liaison.js');

function seedProject(dir: string): string {
  const file = path.join(dir, 'coding.liaison');
  execFileSync(process.execPath, [cli, 'import', seedDir, '--project', file, '--json'], { env: { ...process.env, LIAISON_USER_DATA: path.join(dir, 'user-data') }, stdio: 'ignore' });
  return file;
}

test('code the Moallim–al-Araji meeting from the keyboard, reload, undo and redo', async ({ liaison }) => {
  const page = await liaison.launch({ project: seedProject(liaison.dir) });
  await expectAppState(page, 'project');
  // Open article 000 from the library (search narrows it to one row).
  await page.getByTestId('library-search').fill('Moallim');
  await expect(page.getByTestId('document-row')).toHaveCount(1);
  await page.getByTestId('document-row').first().click();
  await page.getByTestId('reader-code').click();
  await expect(page.getByTestId('coding-view')).toBeVisible();
  await expect(page.getByTestId('no-engagements')).toBeVisible();
  // The search it was opened from stays marked in the text: a CSS highlight over its pieces.
  const searchMarks = () =>
    page.evaluate(() => {
      const h = (CSS as unknown as { highlights: Map<string, Iterable<Range>> }).highlights.get('search-hits');
      return h ? [...h].map((r) => r.toString()) : [];
    });
  await expect.poll(searchMarks).not.toEqual([]);
  expect(new Set(await searchMarks())).toEqual(new Set(['Moallim']));
  await liaison.screenshot(page, 'coding-empty');

  // N: a new engagement; C: CONSULT.
  await page.keyboard.press('n');
  await expect(page.getByTestId('engagement-editor')).toBeVisible();
  await page.keyboard.press('c');
  await expect(page.getByTestId('type-CONSULT')).toHaveAttribute('aria-pressed', 'true');
  // Evidence for the type: select "met with" and press E (the type field has focus).
  await selectInSource(page, 'Hussein Moallim, met with');
  await page.keyboard.press('e');
  await expect(page.locator('[data-field="type"] [data-testid="evidence-chip"]')).toHaveCount(1);

  // P: participants from selected names.
  await selectInSource(page, 'Hussein Moallim');
  await page.keyboard.press('p');
  await expect(page.getByTestId('participant')).toHaveCount(1);
  await selectInSource(page, 'Qasim al-Araji');
  await page.keyboard.press('p');
  await expect(page.getByTestId('participant')).toHaveCount(2);
  await expect(page.getByTestId('participant-actor').nth(1)).toHaveValue('Qasim al-Araji');

  // Roles and mode, then the place with its evidence.
  await page.getByTestId('participant-role').nth(0).selectOption('visitor');
  await page.getByTestId('participant-role').nth(1).selectOption('host');
  await page.getByTestId('field-mode').selectOption('visit');
  await page.getByTestId('field-place').fill('Baghdad');
  await page.getByTestId('field-place').press('Escape');
  await page.locator('[data-field="place"] .ef__label').click();
  await selectInSource(page, 'in Baghdad');
  await page.keyboard.press('e');
  await expect(page.locator('[data-field="place"] [data-testid="evidence-chip"]')).toHaveCount(1);
  await page.getByTestId('topic-counter-terrorism').click();
  await expect(page.getByTestId('coding-view')).toHaveAttribute('data-save-state', 'saved');
  await expect(page.getByTestId('evidence-mark').first()).toBeVisible();
  await liaison.screenshot(page, 'coding-000');

  // Undo the role change of the host, then redo it.
  await page.getByTestId('participant-role').nth(1).selectOption('participant');
  await expect(page.getByTestId('coding-view')).toHaveAttribute('data-save-state', 'saved');
  await expect(page.getByTestId('save-status')).toContainText('Saved');
  await page.locator('.coding__title').click();
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('participant-role').nth(1)).toHaveValue('host');
  await page.keyboard.press('Control+Shift+z');
  await expect(page.getByTestId('participant-role').nth(1)).toHaveValue('participant');
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('participant-role').nth(1)).toHaveValue('host');

  // Reload: everything as saved, evidence highlighted in the text.
  await page.reload();
  await expectAppState(page, 'project');
  await page.getByTestId('nav-engagements').click();
  await expect(page.getByTestId('engagement-row')).toHaveCount(1);
  await expect(page.getByTestId('engagement-row')).toContainText('Hussein Moallim');
  await page.getByTestId('engagement-row').click();
  await expect(page.getByTestId('participant')).toHaveCount(2);
  await expect(page.getByTestId('participant-role').nth(0)).toHaveValue('visitor');
  await expect(page.getByTestId('participant-role').nth(1)).toHaveValue('host');
  await expect(page.getByTestId('field-place')).toHaveValue('Baghdad');
  await expect(page.getByTestId('field-mode')).toHaveValue('visit');
  await expect(page.getByTestId('evidence-mark')).not.toHaveCount(0);
  await liaison.screenshot(page, 'coding-000-reloaded');
});
