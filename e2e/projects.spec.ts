import path from 'node:path';
import { expect, expectAppState, test } from './fixtures';

test('create a project, close it, reopen it from recent projects', async ({ liaison }) => {
  const page = await liaison.launch();
  await expectAppState(page, 'start');
  await expect(page.getByTestId('recent-empty')).toBeVisible();
  await liaison.screenshot(page, 'start-empty');

  const file = path.join(liaison.dir, 'iraq-somalia.liaison');
  await page.getByTestId('new-project-path').fill(file);
  await page.getByTestId('new-project-name').fill('Iraq–Somalia security ties');
  await page.getByTestId('new-project-submit').click();
  await expectAppState(page, 'project');
  await expect(page.getByTestId('project-name')).toHaveText('Iraq–Somalia security ties');
  await expect(page.getByTestId('statusbar')).toContainText(file);
  await expect(page.getByTestId('empty-library')).toBeVisible();
  await liaison.screenshot(page, 'shell-library-empty');
  // The theme follows the OS: the same screen in dark.
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(22, 24, 27)');
  await liaison.screenshot(page, 'shell-library-empty-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // Keyboard: Ctrl+4 goes to Network, and every section has a helpful empty state.
  await page.keyboard.press('Control+4');
  await expect(page.getByTestId('empty-network')).toBeVisible();
  await liaison.screenshot(page, 'network-empty');
  // Its next step leads to the Library, where coding starts.
  await page.getByTestId('empty-network-library').click();
  await expect(page.getByTestId('section-library')).toBeVisible();
  await expect(page.getByTestId('empty-library')).toBeVisible();
  await page.getByTestId('nav-review').click();
  await expect(page.getByTestId('agreement-empty')).toBeVisible();

  await page.getByTestId('close-project').click();
  await expectAppState(page, 'start');
  const recent = page.getByTestId('recent-project');
  await expect(recent).toHaveCount(1);
  await expect(recent.first()).toContainText('Iraq–Somalia security ties');
  await expect(recent.first()).toContainText(file);
  await liaison.screenshot(page, 'start-recent');

  await recent.first().click();
  await expectAppState(page, 'project');
  await expect(page.getByTestId('project-name')).toHaveText('Iraq–Somalia security ties');
});

test('opening a path that is not a project says so and stays on the start screen', async ({ liaison }) => {
  const page = await liaison.launch();
  await page.getByTestId('open-project-path').fill(path.join(liaison.dir, 'nowhere.liaison'));
  await page.getByTestId('open-project-submit').click();
  const banner = page.getByTestId('error-banner');
  await expect(banner).toBeVisible();
  await expect(banner).toHaveAttribute('data-code', 'not-found');
  await expect(banner).toContainText('does not exist');
  await expectAppState(page, 'start');
});

test('a malformed call is refused with an error naming the call and the field', async ({ liaison }) => {
  const page = await liaison.launch();
  const { rawCall } = await import('./fixtures');
  const answer = await rawCall(page, 'projects.create', { path: 42 });
  if (answer.status !== undefined) expect(answer.status).toBe(400);
  expect(answer.body).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  const message = (answer.body as { error: { message: string } }).error.message;
  expect(message).toContain('projects.create');
  expect(message).toContain('path');

  const extra = await rawCall(page, 'projects.open', { path: '/tmp/x.liaison', sneaky: true });
  expect((extra.body as { error: { message: string } }).error.message).toMatch(/projects\.open.*sneaky/);
});
