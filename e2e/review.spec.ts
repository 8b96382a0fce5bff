import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, expectAppState, seedDir, test } from './fixtures';

const cli = path.resolve(import.meta.dirname, '..', 'bin', 'liaison.js');

async function addCoder(page: Page, name: string): Promise<void> {
  await page.getByTestId('current-coder').click();
  await page.getByTestId('new-coder-name').fill(name);
  await page.getByTestId('new-coder-add').click();
  await expect(page.getByTestId('current-coder')).toContainText(name);
}
async function switchCoder(page: Page, name: string): Promise<void> {
  await page.getByTestId('current-coder').click();
  await page.getByTestId('coder-option').filter({ hasText: name }).click();
  await expect(page.getByTestId('current-coder')).toContainText(name);
}
async function codeFromQueue(page: Page, mode: string): Promise<void> {
  await page.getByTestId('nav-review').click();
  await page.getByTestId('queue-item').filter({ hasText: 'Moallim' }).click();
  await expect(page.getByTestId('coding-view')).toBeVisible();
  await expect(page.getByTestId('no-engagements')).toBeVisible();
  await page.locator('.coding__title').click();
  await page.keyboard.press('n');
  await page.keyboard.press('c');
  await page.getByTestId('suggestion').filter({ hasText: 'Hussein Moallim' }).first().click();
  await page.getByTestId('suggestion').filter({ hasText: 'Qasim al-Araji' }).first().click();
  await expect(page.getByTestId('participant')).toHaveCount(2);
  await page.getByTestId('field-mode').selectOption(mode);
  await page.getByTestId('field-status').selectOption('coded');
  await expect(page.getByTestId('coding-view')).toHaveAttribute('data-save-state', 'saved');
  await expect(page.getByTestId('save-status')).toContainText('Saved');
}

test('two coders code the same article blind; the reviewer sees their agreement and the history', async ({ liaison }) => {
  test.setTimeout(120_000);
  const file = path.join(liaison.dir, 'review.liaison');
  execFileSync(process.execPath, [cli, 'import', seedDir, '--project', file], { env: { ...process.env, LIAISON_USER_DATA: liaison.userDataDir }, stdio: 'ignore' });
  const page = await liaison.launch({ project: file });
  await expectAppState(page, 'project');
  const first = ((await page.getByTestId('current-coder').textContent()) ?? '').trim();
  await addCoder(page, 'Second Coder');

  // Assign every document to both coders: blind double coding.
  await page.getByTestId('nav-review').click();
  await expect(page.getByTestId('agreement-empty')).toBeVisible();
  await page.getByTestId('assign-coder-a').selectOption({ label: first });
  await page.getByTestId('assign-coder-b').selectOption({ label: 'Second Coder' });
  await page.getByTestId('assign-all').click();
  await expect(page.getByTestId('assign-message')).toContainText('5 documents assigned to two coders');

  await switchCoder(page, first);
  await codeFromQueue(page, 'visit');
  await switchCoder(page, 'Second Coder');
  // Blind: the second coder starts from an empty article.
  await codeFromQueue(page, 'third-location');

  await addCoder(page, 'Reviewer');
  await page.getByTestId('nav-review').click();
  const table = page.getByTestId('agreement-table');
  await expect(table).toBeVisible();
  await expect(table.locator('[data-field="type"]')).toContainText('100%');
  await expect(table.locator('[data-field="participants"]')).toContainText('100%');
  await expect(table.locator('[data-field="mode"]')).toContainText('0%');
  await liaison.screenshot(page, 'review-agreement');

  // Adjudicate: the mode differs; take B's, say why; the final record is made, originals kept.
  await page.getByTestId('adjudicate').first().click();
  await expect(page.getByTestId('adjudicate-view')).toBeVisible();
  await expect(page.locator('[data-testid="adjudicate-field"][data-field="mode"]')).toHaveAttribute('data-differs', 'true');
  await expect(page.locator('[data-testid="adjudicate-field"][data-field="type"]')).toHaveAttribute('data-differs', 'false');
  // Starting the review disputes both versions: they differ on the mode.
  await page.getByTestId('review-start-button').click();
  await expect(page.getByTestId('review-start-message')).toContainText('0 sent to review, 2 disputed');
  await expect(page.getByTestId('pair-summary').first()).toHaveText('Differ on mode');
  await expect(page.locator('[data-testid="pair-status"][data-status="disputed"]')).toHaveCount(2);
  await expect(page.getByTestId('pair-status').filter({ hasText: `${first}: disputed` })).toHaveCount(1);
  await page.getByTestId('take-b-mode').check();
  await page.getByTestId('adjudicate-reason').fill('They met in Baghdad, not a third location: visit is wrong; B read the dateline.');
  await page.getByTestId('adjudicate-submit').click();
  await expect(page.getByTestId('adjudicate-message')).toContainText('Final record made');
  await liaison.screenshot(page, 'review-adjudicate');
  await page.getByText('← Review').click();

  // The reviewer sees both coders' engagements and the final record, and each one's history.
  await page.getByTestId('agreement-documents').locator('tbody tr').first().click();
  await expect(page.getByTestId('engagement-tab')).toHaveCount(3);
  await page.getByTestId('open-history').click();
  await expect(page.getByTestId('history-entry')).not.toHaveCount(0);
  await expect(page.getByTestId('history-entry').first()).toContainText('created');
  await expect(page.getByTestId('history-entry').filter({ hasText: 'sent it to review (disputed)' })).toContainText('Reviewer');
  await liaison.screenshot(page, 'review-history');
  await page.getByText('Close', { exact: true }).click();

  // A threaded comment on the engagement, with its coder.
  await page.getByTestId('comments-engagement').locator('summary').click();
  await page.getByTestId('comment-input-engagement').fill('Check the dateline against the wire copy.');
  await page.getByTestId('comment-add-engagement').click();
  await expect(page.getByTestId('comment')).toHaveCount(1);
  await expect(page.getByTestId('comment').first()).toContainText('Reviewer');
});
