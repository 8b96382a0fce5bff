import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import type { ProjectInfo, RecentProject } from '../../shared/model/project';
import { createProject, openProject, PROJECT_EXTENSION } from '../store/open';
import type { AppContext } from './context';
import { markInterruptedImports } from './import/import-service';
import { isImporting } from './imports';
import { SearchPool } from './search-pool';

const RECENT_LIMIT = 20;

function recentFile(ctx: AppContext): string {
  return path.join(ctx.userDataDir, 'recent-projects.json');
}

function readRecent(ctx: AppContext): Omit<RecentProject, 'exists'>[] {
  try {
    const raw = JSON.parse(fs.readFileSync(recentFile(ctx), 'utf8')) as unknown;
    if (!Array.isArray(raw)) return [];
    return raw.filter(
      (r): r is Omit<RecentProject, 'exists'> =>
        typeof r === 'object' && r !== null && typeof r.path === 'string' && typeof r.name === 'string' && typeof r.lastOpenedAt === 'string',
    );
  } catch {
    // A missing or unreadable list is an empty list: it only ever held shortcuts.
    return [];
  }
}

function writeRecent(ctx: AppContext, list: Omit<RecentProject, 'exists'>[]): void {
  fs.mkdirSync(ctx.userDataDir, { recursive: true });
  const tmp = `${recentFile(ctx)}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(list, null, 2));
  fs.renameSync(tmp, recentFile(ctx));
}

function remember(ctx: AppContext, info: ProjectInfo): void {
  const list = readRecent(ctx).filter((r) => r.path !== info.path);
  list.unshift({ path: info.path, name: info.name, lastOpenedAt: new Date().toISOString() });
  writeRecent(ctx, list.slice(0, RECENT_LIMIT));
}

export function recentProjects(ctx: AppContext): RecentProject[] {
  return readRecent(ctx).map((r) => ({ ...r, exists: fs.existsSync(r.path) }));
}

export function forgetProject(ctx: AppContext, file: string): RecentProject[] {
  writeRecent(
    ctx,
    readRecent(ctx).filter((r) => r.path !== file),
  );
  return recentProjects(ctx);
}

function requireAbsolute(file: string): string {
  if (!path.isAbsolute(file)) throw new AppError('invalid-input', `"${file}" is not an absolute path. Give the full path, e.g. /home/me/projects/iraq.liaison.`);
  return path.normalize(file);
}

function swapStore(ctx: AppContext, next: AppContext['store']): void {
  if (isImporting(ctx.store)) {
    next?.close();
    throw new AppError('busy', 'An import is running in this project. Cancel it or wait for it to finish before closing the project.');
  }
  ctx.store?.close();
  ctx.store = next;
  ctx.emit('project.changed', { project: next ? next.info() : null });
}

export function create(ctx: AppContext, args: { path: string; name?: string }): ProjectInfo {
  let file = requireAbsolute(args.path);
  if (!file.endsWith(PROJECT_EXTENSION)) file += PROJECT_EXTENSION;
  const store = createProject(file, args.name);
  swapStore(ctx, store);
  const info = store.info();
  remember(ctx, info);
  return info;
}

export function open(ctx: AppContext, args: { path: string }): ProjectInfo {
  const file = requireAbsolute(args.path);
  if (ctx.store?.path === file) return ctx.store.info();
  const store = openProject(file);
  // A batch still 'running' in a file nobody holds was cut short (crash, kill): say so.
  markInterruptedImports(store.db);
  swapStore(ctx, store);
  // A large project's search threads start now, in the background, rather than with its first search.
  SearchPool.for(store);
  const info = store.info();
  remember(ctx, info);
  return info;
}

export function close(ctx: AppContext): null {
  if (ctx.store) swapStore(ctx, null);
  return null;
}

export function current(ctx: AppContext): ProjectInfo | null {
  return ctx.store ? ctx.store.info() : null;
}
