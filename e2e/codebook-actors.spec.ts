import { expect, expectAppState, selectInSource, test } from './fixtures';
import { codedProject } from './seed-project';

test('edit the codebook (add, rename, retire, save a version) and merge two actors with undo', async ({ liaison }) => {
  const page = await liaison.launch({ project: await codedProject(liaison.dir, 'cb.liaison') });
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

test('an actor opens beside the registry: titles held over time, its engagements, one click to the coding screen', async ({ liaison }) => {
  const page = await liaison.launch({ project: await codedProject(liaison.dir, 'cb.liaison') });
  await expectAppState(page, 'project');
  await page.keyboard.press('Control+3');
  await page.getByTestId('actor-row').filter({ hasText: 'Qasim al-Araji' }).locator('td').first().click();
  const detail = page.getByTestId('actor-detail');
  await expect(detail.getByTestId('actor-name')).toHaveValue('Qasim al-Araji');
  // The Baghdad meeting (000), the NATO call and the invitation to Brussels (003).
  await expect(detail.getByTestId('actor-engagement')).toHaveCount(3);
  await expect(detail.getByTestId('actor-engagement').nth(1)).toContainText('2023-04-04');
  await expect(detail.getByTestId('actor-engagement').nth(1)).toContainText('for Iraq');

  // Two titles held over time; a bad date is refused with the row and the reason.
  await detail.getByTestId('role-add').click();
  await detail.getByTestId('role-title').nth(0).fill('Minister of Interior');
  await detail.getByTestId('role-from').nth(0).fill('2017-01');
  await detail.getByTestId('role-to').nth(0).fill('2018-13');
  await expect(detail.getByTestId('role-problem')).toContainText('Role 1: "To" must be a date');
  await detail.getByTestId('actor-save').click();
  await expect(detail.getByTestId('actor-error')).toContainText('Role 1');
  await detail.getByTestId('role-to').nth(0).fill('2018-10');
  await detail.getByTestId('role-add').click();
  await detail.getByTestId('role-title').nth(1).fill('National Security Adviser');
  await detail.getByTestId('role-from').nth(1).fill('2020-07');
  await expect(detail.getByTestId('role-country').nth(1)).toHaveValue('IRQ');
  await expect(detail.getByTestId('role-problem')).toHaveCount(0);
  await detail.getByTestId('actor-alias-input').fill('Qassim al-Aaraji');
  await detail.getByTestId('actor-alias-input').press('Enter');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('actors-message')).toContainText('Qasim al-Araji saved');
  const row = page.getByTestId('actor-row').filter({ hasText: 'Qasim al-Araji' });
  await expect(row).toContainText('Minister of Interior (2017-01–2018-10); National Security Adviser (2020-07–now)');
  await expect(detail.getByTestId('actor-alias')).toHaveText(['Qassim al-Aaraji×']);
  await liaison.screenshot(page, 'actor-detail');
  await page.emulateMedia({ colorScheme: 'dark' });
  await liaison.screenshot(page, 'actor-detail-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // Undo puts the old record back; redo is the save again (Ctrl+Z / the message's Undo).
  await page.getByTestId('actors-message').getByText('Undo').click();
  await expect(row).not.toContainText('Minister of Interior');
  await expect(detail.getByTestId('role-row')).toHaveCount(0);
  await detail.getByTestId('role-add').click();
  await detail.getByTestId('role-title').fill('National Security Adviser');
  await detail.getByTestId('role-from').fill('2020-07');
  await detail.getByTestId('actor-save').click();
  await expect(row).toContainText('National Security Adviser (2020-07–now)');

  // An actor added ahead of coding opens at once for its details.
  await page.getByTestId('new-actor-name').fill('Ali Akbar Ahmadian');
  await page.getByTestId('new-actor-add').click();
  await expect(detail.getByTestId('actor-name')).toHaveValue('Ali Akbar Ahmadian');
  await expect(detail).toContainText('is in no engagement yet');
  await page.getByTestId('actor-row').filter({ hasText: 'Qasim al-Araji' }).locator('td').first().click();
  await expect(detail.getByTestId('actor-name')).toHaveValue('Qasim al-Araji');

  // One click opens the NATO call in the coding screen with its source; a new engagement there
  // (same date) fills in al-Araji's title at the time and his side from the role.
  await detail.getByTestId('actor-engagement').nth(1).click();
  await expect(page.getByTestId('coding-view')).toBeVisible();
  await expect(page.getByTestId('source-text')).toContainText('virtual meeting with Qasim al-Araji');
  await expect(page.getByTestId('evidence-mark').first()).toBeVisible();
  await page.keyboard.press('n');
  await selectInSource(page, 'Qasim al-Araji');
  await page.keyboard.press('p');
  await expect(page.getByTestId('participant')).toHaveCount(1);
  await expect(page.getByTestId('participant-title')).toHaveValue('National Security Adviser');
  await expect(page.getByTestId('participant-side')).toHaveValue('Iraq');
});

test('link an engagement coded from one article to a second article that reports it', async ({ liaison }) => {
  const page = await liaison.launch({ project: await codedProject(liaison.dir, 'cb.liaison') });
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
