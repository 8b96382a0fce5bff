import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

/** Chromium flags that keep it quiet on an offline machine (no background connections). */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** CHROMIUM_PATH, else Debian's chromium on PATH, else undefined (Playwright's own browsers). */
export function chromiumExecutable(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  for (const name of ['chromium', 'chromium-browser']) {
    try {
      const found = execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
      if (found && fs.existsSync(found)) return found;
    } catch {
      // not on PATH: try the next name
    }
  }
  return undefined;
}
