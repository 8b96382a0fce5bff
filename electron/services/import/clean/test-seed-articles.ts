/** Test helper: the real scraped seed articles in shared/fixtures (beside the repo, also in CI). */
import fs from 'node:fs';
import path from 'node:path';

export const SEED_DIR = path.resolve(import.meta.dirname, '..', '..', '..', '..', '..', 'shared', 'fixtures', 'seed-articles');

/** The seed article whose file name starts with `prefix` ("003"). Throws if missing. */
export function seedArticle(prefix: string): string {
  const name = fs.readdirSync(SEED_DIR).find((f) => f.startsWith(`${prefix}_`));
  if (!name) throw new Error(`no seed article ${prefix} in ${SEED_DIR}`);
  return fs.readFileSync(path.join(SEED_DIR, name), 'utf8');
}

export function allSeedArticles(): { name: string; text: string }[] {
  return fs
    .readdirSync(SEED_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, text: fs.readFileSync(path.join(SEED_DIR, name), 'utf8') }));
}
