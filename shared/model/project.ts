/** A project is one SQLite file chosen by the analyst. */
export interface ProjectInfo {
  /** Stable identity (UUID), kept inside the file: bundles and exports name it. */
  id: string;
  name: string;
  path: string;
  schemaVersion: number;
  createdAt: string;
  /** Set when a migration made a backup copy while opening. */
  backupPath?: string;
  readOnly: boolean;
}

export interface RecentProject {
  path: string;
  name: string;
  lastOpenedAt: string;
  /** False when the file is no longer where it was. */
  exists: boolean;
}

export interface Coder {
  id: string;
  name: string;
  initials: string;
  color: string;
  createdAt: string;
}

export interface AppInfo {
  name: string;
  version: string;
  /** Which door the renderer came through. */
  mode: 'electron' | 'browser';
  platform: string;
  userDataDir: string;
  schemaVersion: number;
}
