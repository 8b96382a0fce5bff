import os from 'node:os';
import path from 'node:path';

/**
 * Where Liaison keeps per-user state (the recent-projects list). Matches Electron's
 * app.getPath('userData') for the product name "Liaison", so the desktop app and the terminal
 * share one list. LIAISON_USER_DATA overrides it (tests use a temp folder).
 */
export function defaultUserDataDir(): string {
  if (process.env.LIAISON_USER_DATA) return path.resolve(process.env.LIAISON_USER_DATA);
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), 'Liaison');
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', 'Liaison');
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), 'Liaison');
}

/** The app version, stamped in by the build. */
export const APP_VERSION: string = process.env.LIAISON_VERSION ?? '0.0.0-dev';
