import { execFileSync } from 'node:child_process';
import path from 'node:path';
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
