import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, expectAppState, rawCall, seedDir, selectInSource, test } from './fixtures';

/**
 * The engagements of all five seed articles, coded as an analyst would: open the article, N for a
 * new engagement, a letter for its type, click the underlined suggestions (titled names, places,
 * dates) or select words and press P / E, then check everything after a reload.
 */
const cli = path.resolve(import.meta.dirname, '..', 'bin', 'liaison.js');

async function openArticle(page: Page, query: string): Promise<void> {
  await page.getByTestId('nav-library').click();
  await page.getByTestId('library-search').fill(query);
  await expect(page.getByTestId('document-row')).toHaveCount(1);
  await page.getByTestId('document-row').first().click();
  await page.getByTestId('reader-code').click();
  await expect(page.getByTestId('coding-view')).toBeVisible();
}

async function newEngagement(page: Page, typeKey: string, typeLetter: string): Promise<void> {
  const before = await page.getByTestId('engagement-tab').count();
  await page.locator('.coding__title').click();
  await page.keyboard.press('n');
  await expect(page.getByTestId('engagement-tab')).toHaveCount(before + 1);
  await page.keyboard.press(typeLetter);
  await expect(page.getByTestId(`type-${typeKey}`)).toHaveAttribute('aria-pressed', 'true');
}

/** Click an underlined suggestion (a titled name, a capital, a date) in the article. */
async function suggestion(page: Page, quote: string): Promise<void> {
  await page.getByTestId('suggestion').filter({ hasText: quote }).first().click();
}

async function focusField(page: Page, field: string): Promise<void> {
  await page.locator(`[data-field="${field}"] .ef__label`).click();
}

async function evidence(page: Page, field: string, quote: string): Promise<void> {
  await focusField(page, field);
  await selectInSource(page, quote);
  await page.keyboard.press('e');
  await expect(page.locator(`[data-field="${field}"] [data-testid="evidence-chip"]`).filter({ hasText: quote.slice(0, 20) })).toHaveCount(1);
}

async function saved(page: Page): Promise<void> {
  await expect(page.getByTestId('coding-view')).toHaveAttribute('data-save-state', 'saved');
}

test('code the engagements of all five seed articles and find them after a reload', async ({ liaison }) => {
  test.setTimeout(180_000);
  const file = path.join(liaison.dir, 'seed.liaison');
  execFileSync(process.execPath, [cli, 'import', seedDir, '--project', file, '--json'], { env: { ...process.env, LIAISON_USER_DATA: liaison.userDataDir }, stdio: 'ignore' });
  const page = await liaison.launch({ project: file });
  await expectAppState(page, 'project');
  const roles = page.getByTestId('participant-role');

  // 000: Moallim visits al-Araji in Baghdad, Monday.
  await openArticle(page, 'Moallim');
  await newEngagement(page, 'CONSULT', 'c');
  await suggestion(page, 'Hussein Moallim');
  await suggestion(page, 'Qasim al-Araji');
  await expect(page.getByTestId('participant-title').nth(0)).toHaveValue('National Security Adviser');
  await expect(page.getByTestId('participant-side').nth(0)).toHaveValue('Somalia');
  // The actor made from a titled name keeps the name, not "Iraq's National Security Adviser, …", as a spelling.
  const listed = await rawCall(page, 'actors.list', { query: 'Qasim al-Araji', limit: 1 });
  const [araji] = (listed.status === undefined ? listed.body : (listed.body as { value: unknown }).value) as { name: string; aliases: string[] }[];
  expect(araji?.name).toBe('Qasim al-Araji');
  expect(araji?.aliases.filter((a) => /Adviser/.test(a))).toEqual([]);
  await roles.nth(0).selectOption('visitor');
  await roles.nth(1).selectOption('host');
  await focusField(page, 'type');
  // The article carries no publication date, so "Monday" cannot be resolved: it says so.
  await suggestion(page, 'Monday');
  await expect(page.getByTestId('save-status')).toContainText('publication date');
  await expect(page.getByTestId('field-date')).toHaveValue('');
  await focusField(page, 'place');
  await page.getByTestId('suggestion').filter({ hasText: 'Baghdad' }).nth(1).click();
  await expect(page.getByTestId('field-place')).toHaveValue('Baghdad');
  await expect(page.getByTestId('field-country')).toHaveValue('IRQ');
  await page.getByTestId('field-mode').selectOption('visit');
  await evidence(page, 'type', 'met with');
  await page.getByTestId('topic-counter-terrorism').click();
  await page.getByTestId('field-status').selectOption('coded');
  await saved(page);
  await liaison.screenshot(page, 'seed-000');

  // 001: the two interior ministers in Baghdad, and the proposed security MoU.
  await openArticle(page, 'Shammari');
  await newEngagement(page, 'CONSULT', 'c');
  await suggestion(page, 'Abdul Amir Al-Shammari');
  await suggestion(page, 'Abdullahi Sheikh Ismail');
  await roles.nth(0).selectOption('host');
  await roles.nth(1).selectOption('visitor');
  await page.getByTestId('field-mode').selectOption('visit');
  await focusField(page, 'place');
  await suggestion(page, 'Baghdad');
  await evidence(page, 'type', 'a meeting between');
  await page.getByTestId('topic-border-security').click();
  await page.getByTestId('topic-intelligence-sharing').click();
  await page.getByTestId('field-status').selectOption('coded');
  await saved(page);
  await newEngagement(page, 'AGREE', 'a');
  // N carried the date and place over; the parties are added by selecting their names.
  await expect(page.getByTestId('field-place')).toHaveValue('Baghdad');
  await selectInSource(page, 'Abdul Amir Al-Shammari');
  await page.keyboard.press('p');
  await selectInSource(page, 'Abdullahi Sheikh Ismail');
  await page.keyboard.press('p');
  await expect(page.getByTestId('participant')).toHaveCount(2);
  await page.getByTestId('outcome-mou-proposed').click();
  await evidence(page, 'outcomes', 'a proposed security memorandum of understanding');
  await saved(page);

  // 002: Shamkhani meets President Salih in Baghdad late Sunday.
  await openArticle(page, 'Shamkhani');
  await newEngagement(page, 'CONSULT', 'c');
  await suggestion(page, 'Ali Shamkhani');
  await suggestion(page, 'Barham Salih');
  await expect(page.getByTestId('participant-side').nth(0)).toHaveValue('Iran');
  await roles.nth(0).selectOption('visitor');
  await roles.nth(1).selectOption('host');
  await focusField(page, 'type');
  await suggestion(page, 'late Sunday');
  await page.getByTestId('field-mode').selectOption('visit');
  await evidence(page, 'type', 'He met Iraqi President Barham Salih in Baghdad');
  await page.getByTestId('field-place').fill('Baghdad');
  await page.getByTestId('field-country').selectOption('IRQ');
  await page.getByTestId('field-status').selectOption('coded');
  await saved(page);
  // ... and earlier the acting prime minister and the national security adviser.
  await newEngagement(page, 'CONSULT', 'c');
  await suggestion(page, 'Ali Shamkhani');
  await suggestion(page, 'Adel Abdul-Mahdi');
  await suggestion(page, 'Falih Fayyad');
  await expect(page.getByTestId('participant')).toHaveCount(3);
  await evidence(page, 'type', 'Shamkhani earlier met with');
  await saved(page);

  // 003: a virtual meeting of NATO's Goffus with al-Araji, and the invitation to Brussels.
  await openArticle(page, 'Goffus');
  await newEngagement(page, 'CONSULT', 'c');
  await suggestion(page, 'Thomas Goffus');
  await suggestion(page, 'Qasim al-Araji, the National Security Advisor of Iraq');
  await expect(page.getByTestId('participant-side').nth(0)).toHaveValue(/NATO|North Atlantic/);
  await page.getByTestId('field-mode').selectOption('video');
  await focusField(page, 'type');
  await suggestion(page, 'on Tuesday');
  await expect(page.getByTestId('field-date')).toHaveValue('2023-04-04');
  await expect(page.getByTestId('date-precision')).toContainText('inferred');
  await evidence(page, 'type', 'virtual meeting');
  await page.getByTestId('topic-training-advisory').click();
  await page.getByTestId('topic-cyber-security').click();
  await page.getByTestId('field-status').selectOption('coded');
  await saved(page);
  await newEngagement(page, 'AGREE', 'a');
  await suggestion(page, 'Qasim al-Araji, the National Security Advisor of Iraq');
  await evidence(page, 'type', 'received an invitation to visit the NATO headquarters in Brussels');
  await page.getByTestId('outcome-invitation-extended').click();
  await page.getByTestId('field-place').fill('Brussels');
  await page.getByTestId('field-country').selectOption('BEL');
  await saved(page);
  await liaison.screenshot(page, 'seed-003');

  // 004: Al-Sudani and Mayorkas in Washington, on Tuesday.
  await openArticle(page, 'Mayorkas');
  await newEngagement(page, 'CONSULT', 'c');
  await suggestion(page, 'Mohammed Shia Al-Sudani');
  await suggestion(page, 'Alejandro Mayorkas');
  await roles.nth(0).selectOption('visitor');
  await roles.nth(1).selectOption('host');
  await focusField(page, 'place');
  await suggestion(page, 'Washington DC');
  await expect(page.getByTestId('field-country')).toHaveValue('USA');
  await focusField(page, 'type');
  await suggestion(page, 'on Tuesday');
  await page.getByTestId('field-mode').selectOption('visit');
  await evidence(page, 'type', 'engaged in discussions');
  await page.getByTestId('topic-border-security').click();
  await page.getByTestId('topic-drug-trafficking').click();
  await page.getByTestId('field-status').selectOption('coded');
  await saved(page);

  // Reload: every engagement is there, and opens beside its source with its evidence marked.
  await page.reload();
  await expectAppState(page, 'project');
  await page.getByTestId('nav-engagements').click();
  const rows = page.getByTestId('engagement-row');
  await expect(rows).toHaveCount(8);
  await liaison.screenshot(page, 'seed-engagements');
  for (const name of ['Hussein Moallim', 'Abdul Amir Al-Shammari', 'Barham Salih', 'Adel Abdul-Mahdi', 'Thomas Goffus', 'Alejandro Mayorkas']) {
    await expect(rows.filter({ hasText: name })).not.toHaveCount(0);
  }
  await rows.filter({ hasText: 'Alejandro Mayorkas' }).first().click();
  await expect(page.getByTestId('field-place')).toHaveValue('Washington DC');
  await expect(roles.nth(1)).toHaveValue('host');
  await expect(page.getByTestId('evidence-mark')).not.toHaveCount(0);
  await expect(page.getByTestId('evidence-broken')).toHaveCount(0);
  await page.getByTestId('nav-actors').click();
  await expect(page.getByTestId('actor-row').filter({ hasText: 'Qasim al-Araji' })).toHaveCount(1);
});
