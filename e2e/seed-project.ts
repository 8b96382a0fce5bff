import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { codeSeedArticles } from '../electron/services/coding/seed-coding.fixture';
import type { AppContext } from '../electron/services/context';
import { runImport } from '../electron/services/import/import-service';
import { createProject } from '../electron/store/open';
import { DEFAULT_IMPORT_OPTIONS } from '../shared/model/library';
import { expect, seedDir } from './fixtures';

const cli = path.resolve(import.meta.dirname, '..', 'bin', 'liaison.js');

/**
 * A project holding the articles of `folder` (the five seed articles by default), made with the
 * CLI; returns its path and each file's document id.
 */
export function seedProject(dir: string, opts: { folder?: string; expect?: number } = {}): { file: string; idOf: (name: string) => string } {
  const file = path.join(dir, 'seed.liaison');
  const env = { ...process.env, LIAISON_USER_DATA: path.join(dir, 'user-data') };
  const summary = JSON.parse(execFileSync(process.execPath, [cli, 'import', opts.folder ?? seedDir, '--project', file, '--json'], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })) as { imported: number };
  expect(summary.imported).toBe(opts.expect ?? 5);
  const docs = execFileSync(process.execPath, [cli, 'documents', '--project', file, '--json'], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { id: string; path: string });
  return {
    file,
    idOf: (name) => {
      const d = docs.find((x) => x.path.endsWith(name));
      if (!d) throw new Error(`no document for ${name}`);
      return d.id;
    },
  };
}

/** A project with the seed articles imported and coded through the real services (six engagements). */
export async function codedProject(dir: string, name = 'coded.liaison'): Promise<string> {
  const file = path.join(dir, name);
  const store = createProject(file);
  const ctx: AppContext = { mode: 'browser', version: 'e2e', userDataDir: dir, store, emit: () => {} };
  const coderId = (store.db.prepare('SELECT id FROM coders').get() as { id: string }).id;
  await runImport(store, [seedDir], DEFAULT_IMPORT_OPTIONS, coderId, { workers: 1 });
  codeSeedArticles(ctx, store.db);
  store.close();
  return file;
}
