import fs from 'node:fs/promises';
import path from 'node:path';
import type { ImportIssue } from '../../../shared/model/library';
import { formatOf, SUPPORTED_EXTENSIONS } from '../../importers';

export interface Candidate {
  /** Absolute path as the analyst named it (not the symlink target), the document's identity. */
  path: string;
  /** Where the bytes really are. */
  realPath: string;
  sizeBytes: number;
  mtimeMs: number;
}

export interface WalkResult {
  candidates: Candidate[];
  skipped: ImportIssue[];
}

const IGNORED_NAMES = new Set(['.DS_Store', 'Thumbs.db', 'desktop.ini']);

/**
 * Expands files and folders (recursively) into the files to import. A symlink may point anywhere
 * inside the folder it was found in, never outside it: an article folder should not pull in files
 * from elsewhere on the machine. Everything left out is reported with its reason.
 */
export async function walk(inputs: string[], opts: { maxFileBytes: number; signal?: AbortSignal }): Promise<WalkResult> {
  const candidates: Candidate[] = [];
  const skipped: ImportIssue[] = [];
  const seen = new Set<string>();

  const consider = async (file: string, root: string | null) => {
    const name = path.basename(file);
    if (IGNORED_NAMES.has(name) || name.startsWith('~$')) return;
    let real: string;
    let st: Awaited<ReturnType<typeof fs.stat>>;
    try {
      real = await fs.realpath(file);
      st = await fs.stat(real);
    } catch (err) {
      skipped.push({ path: file, code: 'unreadable', reason: `Cannot read the file: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` });
      return;
    }
    if (root && real !== path.resolve(file) && !isInside(real, root)) {
      skipped.push({ path: file, code: 'symlink-outside', reason: `It is a link to ${real}, outside the folder being imported; copy the file into the folder to import it.` });
      return;
    }
    if (!st.isFile()) return;
    if (seen.has(real)) return;
    seen.add(real);
    if (!formatOf(name)) {
      skipped.push({ path: file, code: 'unsupported', reason: `Not an article format Liaison reads (${SUPPORTED_EXTENSIONS.join(', ')}).` });
      return;
    }
    if (st.size > opts.maxFileBytes) {
      skipped.push({ path: file, code: 'too-large', reason: `${formatBytes(st.size)} is over the size limit of ${formatBytes(opts.maxFileBytes)}; raise the limit in the import options to import it.` });
      return;
    }
    const abs = path.resolve(file);
    // One string when they are the same (nearly always): 100,000 candidates hold their paths.
    candidates.push({ path: abs, realPath: real === abs ? abs : real, sizeBytes: st.size, mtimeMs: Math.round(st.mtimeMs) });
  };

  const visitDir = async (dir: string, root: string) => {
    if (opts.signal?.aborted) return;
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (err) {
      skipped.push({ path: dir, code: 'unreadable', reason: `Cannot list the folder: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.')) await visitDir(full, root);
      } else if (entry.isSymbolicLink()) {
        let target: string;
        try {
          target = await fs.realpath(full);
        } catch {
          skipped.push({ path: full, code: 'broken-link', reason: 'It is a link to a file that does not exist.' });
          continue;
        }
        if (!isInside(target, root)) {
          skipped.push({ path: full, code: 'symlink-outside', reason: `It is a link to ${target}, outside the folder being imported; copy the file into the folder to import it.` });
          continue;
        }
        const st = await fs.stat(target);
        if (st.isDirectory()) continue; // its files are reached directly inside the root
        await consider(full, root);
      } else if (entry.isFile()) {
        await consider(full, root);
      }
    }
  };

  for (const input of inputs) {
    const abs = path.resolve(input);
    let st: Awaited<ReturnType<typeof fs.stat>>;
    try {
      st = await fs.stat(abs);
    } catch {
      skipped.push({ path: abs, code: 'not-found', reason: 'There is no file or folder at this path.' });
      continue;
    }
    if (st.isDirectory()) await visitDir(abs, await fs.realpath(abs));
    else await consider(abs, null);
  }
  return { candidates, skipped };
}

function isInside(target: string, root: string): boolean {
  const rel = path.relative(root, target);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
