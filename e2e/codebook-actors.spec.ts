import path from 'node:path';
import { DEFAULT_IMPORT_OPTIONS } from '../shared/model/library';
import { codeSeedArticles } from '../electron/services/coding/seed-coding.fixture';
import type { AppContext } from '../electron/services/context';
import { runImport } from '../electron/services/import/import-service';
import { createProject } from '../electron/store/open';
import { expect, expectAppState, seedDir, test } from './fixtures';

async function codedProject(dir: string): Promise<string> {
  const file = path.join(dir, 'cb.liaison');
  const store = createProject(file);
  const ctx: AppContext = { mode: 'browser', version: 'e2e', userDataDir: dir, store, emit: () => {} };
  await runImport(store, [seedDir], DEFAULT_IMPORT_OPTIONS, (store.db.prepare('SELECT id FROM coders').get() as { id: string }).id, { workers: 1 });
  codeSeedArticles(ctx, store.db);
  store.close();
  return file;
}

test('edit the codebook (add, rename, retire, save a version) and merge two actors with undo', async ({ liaison }) => {
  const page = await liaison.launch({ project: await codedProject(liaison.dir) });
  await expectAppState(page, 'project');
  await page.keyboard.press('Control+6');
  await expect(page.getByTestId('codebook-version')).toContainText('version 1');
  await page.getByTestId('codebook-list-topics').click();
  await page.getByTestId('codebook-new-label').fill('Arms control');
  await page.getByTestId('codebook-new-definition').fill('Talks or agreements limiting weapons.');
  await page.getByTestId('codebook-add').click();
  await expect(page.locator('[data-testid="codebook-value"][data-key="arms-control"]')).toBeVisible();
  await page.locator('[data-testid="codebook-value"][data-key="health"] [data-testid="codebook-retire"]').click();
  await expect(page.getByTestId('codebook-version')).toContainText('unsaved changes');
  await page.getByTestId('codebook-save').click();
  await expect(page.getByTestId('codebook-message')).toContainText('Saved as version 2');
  await liaison.screenshot(page, 'codebook');

  // Actors: a duplicate spelling merged into the real record, then undone.
  await page.keyboard.press('Control+3');
  const row = page.getByTestId('actor-row').filter({ hasText: 'Hussein Moallim' });
  await expect(row).toHaveCount(1);
  await page.getByTestId('actor-row').filter({ hasText: 'Barham Salih' }).getByTestId('merge-start').click();
  await page.getByTestId('merge-target').selectOption({ label: 'Mohammed Shia Al-Sudani' });
  await page.getByTestId('merge-confirm').click();
  await expect(page.getByTestId('actors-message')).toContainText('merged into Mohammed Shia Al-Sudani');
  await expect(page.getByTestId('actor-row').filter({ hasText: 'Barham Salih' })).toHaveCount(0);
  await page.getByTestId('actors-message').getByText('Undo').click();
  await expect(page.getByTestId('actor-row').filter({ hasText: 'Barham Salih' })).toHaveCount(1);

  // Split: al-Araji's participation in the NATO call belongs, say, to a namesake.
  await page.getByTestId('actor-row').filter({ hasText: 'Qasim al-Araji' }).getByTestId('split-start').click();
  await expect(page.getByTestId('split-participation')).toHaveCount(3);
  await page.getByTestId('split-participation').first().check();
  await page.getByTestId('split-name').fill('Qasim al-Araji (namesake)');
  await page.getByTestId('split-confirm').click();
  await expect(page.getByTestId('actors-message')).toContainText('moved from Qasim al-Araji');
  await expect(page.getByTestId('actor-row').filter({ hasText: 'namesake' })).toHaveCount(1);
});

test('link an engagement coded from one article to a second article that reports it', async ({ liaison }) => {
  const page = await liaison.launch({ project: await codedProject(liaison.dir) });
  await expectAppState(page, 'project');
  await page.getByTestId('library-search').fill('Shammari');
  await expect(page.getByTestId('document-row')).toHaveCount(1);
  await page.getByTestId('document-row').first().click();
  await page.getByTestId('reader-code').click();
  await expect(page.getByTestId('engagement-tab')).toHaveCount(1);
  await page.getByTestId('open-link').click();
  await page.getByTestId('link-search').fill('Moallim');
  await expect(page.getByTestId('link-candidate')).toHaveCount(1);
  await page.getByTestId('link-candidate').click();
  await expect(page.getByTestId('engagement-tab')).toHaveCount(2);
  await expect(page.getByTestId('participant-actor').first()).toHaveValue('Hussein Moallim');
  const row = await page.evaluate(async () => {
    const token = sessionStorage.getItem('liaison-token') ?? '';
    const res = await fetch('/api/analysis.engagements', { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: '{}' });
    const body = (await res.json()) as { value: { rows: { participants: { name: string }[]; documentIds: string[] }[] } };
    return body.value.rows.find((r) => r.participants.some((p) => p.name === 'Hussein Moallim'));
  });
  expect(row?.documentIds).toHaveLength(2);
});
