import path from 'node:path';
import type { Page } from '@playwright/test';
import { bundleHandlers } from '../electron/services/bundles/handlers';
import { codeMeeting, editNotes, person, twoMachines } from '../electron/services/bundles/two-machines.fixture';
import { addComment } from '../electron/services/review';
import { expect, expectAppState, rawCall, test } from './fixtures';

/** An engagement as the app answers it (the browser transport wraps results in `{ value }`). */
async function engagement(page: Page, id: string): Promise<{ id: string; notes: string }> {
  const r = await rawCall(page, 'engagements.get', { id });
  return (r.status === undefined ? r.body : (r.body as { value: unknown }).value) as { id: string; notes: string };
}

/**
 * Two copies of one project (the main one and Bea's): both have the Baghdad meeting, each edited
 * its notes since, and Bea coded one more engagement. Bea exports her work from the app; the main
 * project imports it from the app, gets the new record, and the conflicting edit waits for review.
 */
test('bundle round trip between two copies of a project, with a conflicting edit resolved in the app', async ({ liaison }) => {
  test.setTimeout(120_000);
  const { main, copy } = await twoMachines(liaison.dir);
  const araji = person(main, 'Qasim al-Araji', 'IRQ');
  const meeting = codeMeeting(main, araji);
  const shared = await bundleHandlers['bundles.export'](main.ctx, {});
  await bundleHandlers['bundles.import'](copy.ctx, { base64: shared.base64 });
  editNotes(main, meeting.id, 'Ours: the dateline says Baghdad.');
  editNotes(copy, meeting.id, 'Theirs: confirmed by the wire copy.');
  const added = codeMeeting(copy, araji);
  addComment(copy.ctx, { entity: 'engagement', entityId: added.id, parentId: null, body: 'Second source: the wire copy of the same day.' });
  const mainFile = main.store.path;
  const copyFile = copy.store.path;
  main.store.close();
  copy.store.close();

  // Bea exports everyone's work on her copy.
  let page = await liaison.launch({ project: copyFile });
  await expectAppState(page, 'project');
  await page.keyboard.press('Control+5');
  const download = page.waitForEvent('download');
  await page.getByTestId('export-bundle').click();
  const file = path.join(liaison.dir, (await download).suggestedFilename());
  await (await download).saveAs(file);
  expect(file).toMatch(/\.liaison-bundle$/);
  await expect(page.getByTestId('exchange-message')).toContainText('2 engagements');

  // The main project: check the file, import it, read the report.
  page = await liaison.launch({ project: mainFile });
  await expectAppState(page, 'project');
  await page.keyboard.press('Control+5');
  await expect(page.getByTestId('conflicts')).toHaveCount(0);
  await page.getByTestId('import-bundle-file').setInputFiles(file);
  await expect(page.getByTestId('bundle-summary')).toContainText('Bea Coder');
  await expect(page.getByTestId('bundle-summary')).toContainText('2 engagements');
  await page.getByTestId('bundle-import-confirm').click();
  await expect(page.getByTestId('report-added')).toContainText('1 engagement');
  await expect(page.getByTestId('report-added')).toContainText('1 comment');
  await expect(page.getByTestId('report-conflicts')).toContainText('1: kept as they are here');

  // The conflict: only the notes differ; ours is untouched until the reviewer decides.
  const conflict = page.getByTestId('conflict');
  await expect(conflict).toHaveCount(1);
  await expect(conflict.locator('[data-testid="conflict-field"][data-differs="true"]')).toHaveCount(1);
  await expect(conflict.locator('[data-field="Notes"]')).toContainText('Ours: the dateline says Baghdad.');
  await expect(conflict.locator('[data-field="Notes"]')).toContainText('Theirs: confirmed by the wire copy.');
  expect((await engagement(page, meeting.id)).notes).toBe('Ours: the dateline says Baghdad.');
  await liaison.screenshot(page, 'bundle-conflict');
  await page.emulateMedia({ colorScheme: 'dark' });
  await liaison.screenshot(page, 'bundle-conflict-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await conflict.getByTestId('conflict-take').click();
  await expect(page.getByTestId('conflict-message')).toContainText('took the incoming version');
  await expect(page.getByTestId('conflict')).toHaveCount(0);
  await expect(page.getByTestId('conflicts')).toContainText('No open conflicts left.');
  expect((await engagement(page, meeting.id)).notes).toBe('Theirs: confirmed by the wire copy.');
  expect((await engagement(page, added.id)).id).toBe(added.id);

  // Importing the same bundle again changes nothing; a file that is not a bundle is refused with the reason.
  await page.getByTestId('import-bundle-file').setInputFiles(file);
  await page.getByTestId('bundle-import-confirm').click();
  await expect(page.getByTestId('report-added')).toHaveText('nothing');
  await expect(page.getByTestId('report-conflicts')).toHaveText('none');
  await page.getByTestId('import-bundle-file').setInputFiles({ name: 'notes.liaison-bundle', mimeType: 'application/zip', buffer: Buffer.from('not a zip at all') });
  await expect(page.getByTestId('exchange-message')).toContainText('notes.liaison-bundle cannot be imported');
  await expect(page.getByTestId('exchange-message')).not.toContainText('http');
  await liaison.screenshot(page, 'bundle-report');
});
