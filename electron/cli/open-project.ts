import path from 'node:path';
import { AppError } from '../../shared/errors';
import { openProject, type Store } from '../store/open';
import { UsageError } from './usage-error';

/**
 * Open the --project file for a command: the store, or exit code 2 with the reason on stderr when
 * it cannot be opened (missing, damaged, newer, locked). A missing --project is a usage error.
 */
export function openOrExit(file: string | undefined, readOnly: boolean): Store | number {
  if (!file) throw new UsageError('--project FILE is required');
  try {
    return openProject(path.resolve(file), { readOnly });
  } catch (err) {
    if (err instanceof AppError) {
      process.stderr.write(`liaison: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
}
