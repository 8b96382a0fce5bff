/** Test access to the committed fixtures and to the shared seed articles (`shared/` beside the repo). */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ImportRefusal } from '../../../shared/model/document';

export const FIXTURES_DIR = dirname(fileURLToPath(import.meta.url));
export const SEED_DIR = join(FIXTURES_DIR, '..', '..', '..', '..', 'shared', 'fixtures', 'seed-articles');

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURES_DIR, name)));
}

/** A seed article by its number prefix (`000`), with its file name. */
export function seed(prefix: string): { bytes: Uint8Array; fileName: string } {
  const fileName = readdirSync(SEED_DIR).find((f) => f.startsWith(`${prefix}_`));
  if (!fileName) throw new Error(`No seed article ${prefix} in ${SEED_DIR}`);
  return { bytes: new Uint8Array(readFileSync(join(SEED_DIR, fileName))), fileName };
}

export function seedNames(): string[] {
  return readdirSync(SEED_DIR).sort();
}

/** The ImportRefusal a call throws (sync or async); fails the test if it throws anything else or nothing. */
export async function refusalOf(run: () => unknown): Promise<ImportRefusal> {
  try {
    await run();
  } catch (error) {
    if (error instanceof ImportRefusal) return error;
    throw error;
  }
  throw new Error('expected an ImportRefusal, but the call succeeded');
}
