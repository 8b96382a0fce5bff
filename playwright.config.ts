import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from './e2e/browser';

/**
 * Browser mode by default: the real renderer, served by `liaison serve` on a real project, in
 * Debian's Chromium (or CHROMIUM_PATH, or Playwright's own browsers). With LIAISON_E2E_ELECTRON=1
 * and an Electron binary, the fixture launches the desktop app instead (see e2e/fixtures.ts).
 */
const electron = process.env.LIAISON_E2E_ELECTRON === '1';

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: process.env.CI ? 1 : 2,
  retries: 0,
  reporter: [['list']],
  // Specs about the HTTP host itself (token, origins) have no meaning inside Electron.
  testIgnore: electron ? ['**/host-*.spec.ts'] : [],
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: chromiumExecutable(), args: CHROMIUM_ARGS },
    viewport: { width: 1360, height: 860 },
    trace: 'retain-on-failure',
  },
});
