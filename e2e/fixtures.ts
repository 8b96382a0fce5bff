import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron, test as base, expect, type Page } from '@playwright/test';

const root = path.resolve(import.meta.dirname, '..');
export const seedDir = path.resolve(root, '..', 'shared', 'fixtures', 'seed-articles');
export const screenshotDir = path.join(root, 'e2e', 'screenshots');
export const electronMode = process.env.LIAISON_E2E_ELECTRON === '1';

export interface Served {
  url: string;
  token: string;
  origin: string;
  stop(): Promise<void>;
}

/** Start `liaison serve` and wait for its one LIAISON_URL line. */
export async function serve(opts: { project?: string; userDataDir: string }): Promise<Served> {
  const args = [path.join(root, 'bin', 'liaison.js'), 'serve'];
  if (opts.project) args.push('--project', opts.project);
  const child: ChildProcess = spawn(process.execPath, args, {
    env: { ...process.env, LIAISON_USER_DATA: opts.userDataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = out.match(/^LIAISON_URL=(\S+)$/m);
      if (m) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`liaison serve exited with ${code}: ${stderr}`)));
  });
  const parsed = new URL(url);
  return {
    url,
    token: new URLSearchParams(parsed.hash.slice(1)).get('token')!,
    origin: parsed.origin,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export interface LiaisonFixture {
  /** A fresh temp folder for this test's projects and user data. */
  dir: string;
  userDataDir: string;
  /** Open the app (optionally on a project) in the page the test drives. */
  launch(opts?: { project?: string }): Promise<Page>;
  served?: Served;
  screenshot(page: Page, name: string): Promise<void>;
}

export const test = base.extend<{ liaison: LiaisonFixture }>({
  liaison: async ({ page, browser }, use, testInfo) => {
    void browser;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-e2e-'));
    const userDataDir = path.join(dir, 'user-data');
    const cleanups: (() => Promise<void>)[] = [];
    const fixture: LiaisonFixture = {
      dir,
      userDataDir,
      async launch(opts = {}) {
        if (electronMode) {
          const app = await _electron.launch({
            args: [path.join(root, 'dist', 'main', 'main.js'), ...(opts.project ? ['--project', opts.project] : [])],
            env: { ...process.env, LIAISON_USER_DATA: userDataDir } as Record<string, string>,
          });
          cleanups.push(() => app.close());
          const win = await app.firstWindow();
          await win.waitForFunction(() => document.documentElement.dataset.appState !== 'loading');
          return win;
        }
        const served = await serve({ ...opts, userDataDir });
        fixture.served = served;
        cleanups.push(served.stop);
        await page.goto(served.url);
        await page.waitForFunction(() => document.documentElement.dataset.appState !== 'loading');
        return page;
      },
      async screenshot(p, name) {
        fs.mkdirSync(screenshotDir, { recursive: true });
        await p.screenshot({ path: path.join(screenshotDir, `${name}.png`) });
      },
    };
    await use(fixture);
    for (const c of cleanups.reverse()) await c();
    if (testInfo.status === testInfo.expectedStatus) fs.rmSync(dir, { recursive: true, force: true });
  },
});

export { expect };

/** Wait for the app's top-level state (`data-app-state` on <html>). */
export async function expectAppState(page: Page, state: 'start' | 'project'): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('data-app-state', state);
}

/** Make a raw contract call from inside the page, through whichever transport the page has. */
export function rawCall(page: Page, name: string, input: unknown): Promise<{ status?: number; body: unknown }> {
  return page.evaluate(
    async ({ name, input }) => {
      const w = window as unknown as { liaison?: Record<string, Record<string, (i: unknown) => Promise<unknown>>> };
      if (w.liaison) {
        const [ns, m] = [name.slice(0, name.indexOf('.')), name.slice(name.indexOf('.') + 1)];
        return { body: await w.liaison[ns][m](input) };
      }
      const token = sessionStorage.getItem('liaison-token') ?? '';
      const res = await fetch(`/api/${name}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify(input) });
      return { status: res.status, body: await res.json() };
    },
    { name, input },
  );
}

/**
 * Select a passage of the article in the coding screen, as a mouse drag would: a DOM Range from
 * the quote's first character to its last, across however many pieces the text is painted in.
 */
export async function selectInSource(page: Page, quote: string, occurrence = 0): Promise<void> {
  const ok = await page.evaluate(
    ({ quote, occurrence }) => {
      const root = document.querySelector('[data-testid="source-text"]');
      if (!root) return 'no source text';
      const full = root.textContent ?? '';
      let at = -1;
      for (let i = 0; i <= occurrence; i++) at = full.indexOf(quote, at + 1);
      if (at < 0) return `"${quote}" is not in the article`;
      const locate = (offset: number, preferEnd: boolean): [Node, number] => {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        let seen = 0;
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const len = n.textContent?.length ?? 0;
          if (offset < seen + len || (preferEnd && offset === seen + len)) return [n, offset - seen];
          seen += len;
        }
        throw new Error('offset past the end');
      };
      const range = document.createRange();
      range.setStart(...locate(at, false));
      range.setEnd(...locate(at + quote.length, true));
      const sel = window.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
      return 'ok';
    },
    { quote, occurrence },
  );
  if (ok !== 'ok') throw new Error(ok);
}
