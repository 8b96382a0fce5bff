import type { Dirent, Stats } from 'node:fs';
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
/** Files of one folder whose stat is asked for at once. */
const STAT_CONCURRENCY = 64;

/**
 * Expands files and folders (recursively) into the files to import. A symlink may point anywhere
 * inside the folder it was found in, never outside it: an article folder should not pull in files
 * from elsewhere on the machine. Everything left out is reported with its reason.
 */
export async function walk(inputs: string[], opts: { maxFileBytes: number; signal?: AbortSignal }): Promise<WalkResult> {
  const candidates: Candidate[] = [];
  const skipped: ImportIssue[] = [];
  const seen = new Set<string>();

  /**
   * Decides on one file, given where its bytes really are and their stat (or the error that
   * stopped reading either).
   */
  const consider = (file: string, root: string | null, found: { real: string; st: Stats } | { err: unknown }) => {
    if ('err' in found) {
      const err = found.err as NodeJS.ErrnoException;
      skipped.push({ path: file, code: 'unreadable', reason: `Cannot read the file: ${err.code ?? err.message}` });
      return;
    }
    const { real, st } = found;
    if (root && real !== path.resolve(file) && !isInside(real, root)) {
      skipped.push({ path: file, code: 'symlink-outside', reason: `It is a link to ${real}, outside the folder being imported; copy the file into the folder to import it.` });
      return;
    }
    if (!st.isFile()) return;
    if (seen.has(real)) return;
    seen.add(real);
    const name = path.basename(file);
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
  /** The stat of a file at its real place; a failure is returned, not thrown. */
  const statAt = async (real: string): Promise<{ real: string; st: Stats } | { err: unknown }> => {
    try {
      return { real, st: await fs.stat(real) };
    } catch (err) {
      return { err };
    }
  };
  /** Where a path's bytes really are, and their stat. */
  const locate = async (file: string) => {
    try {
      return await statAt(await fs.realpath(file));
    } catch (err) {
      return { err };
    }
  };
  const ignored = (name: string) => IGNORED_NAMES.has(name) || name.startsWith('~$');

  /**
   * `dir` is the folder as reached from what the analyst named, `realDir` where it really is: a
   * plain file inside is then at `realDir/name` with no look-up of its own. The files of a folder
   * are looked at STAT_CONCURRENCY at a time (one after another, each stat a round trip through
   * libuv's thread pool, 20,000 files took two seconds); they are still decided on in name order,
   * so the order of the candidates, and with it the order of import, stays that of the names.
   */
  const visitDir = async (dir: string, realDir: string, root: string) => {
    if (opts.signal?.aborted) return;
    let entries: Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (err) {
      skipped.push({ path: dir, code: 'unreadable', reason: `Cannot list the folder: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    let files: Dirent[] = [];
    const flushFiles = async () => {
      for (let i = 0; i < files.length && !opts.signal?.aborted; i += STAT_CONCURRENCY) {
        const chunk = files.slice(i, i + STAT_CONCURRENCY);
        const found = await Promise.all(chunk.map((entry) => statAt(path.join(realDir, entry.name))));
        for (let k = 0; k < chunk.length; k++) consider(path.join(dir, chunk[k].name), root, found[k]);
      }
      files = [];
    };
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isFile()) {
        if (!ignored(entry.name)) files.push(entry);
        continue;
      }
      await flushFiles();
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.')) await visitDir(full, path.join(realDir, entry.name), root);
      } else if (entry.isSymbolicLink()) {
        let target: string;
        try {
          target = await fs.realpath(full);
        } catch {
          skipped.push({ path: full, code: 'broken-link', reason: 'It is a link to a file that does not exist.' });
          continue;
        }
        // A link back to the folder being imported (a loop) is inside it: passed over below.
        if (target !== root && !isInside(target, root)) {
          skipped.push({ path: full, code: 'symlink-outside', reason: `It is a link to ${target}, outside the folder being imported; copy the file into the folder to import it.` });
          continue;
        }
        const st = await fs.stat(target);
        if (st.isDirectory()) continue; // its files are reached directly inside the root
        if (!ignored(entry.name)) consider(full, root, { real: target, st });
      }
    }
    await flushFiles();
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
    if (st.isDirectory()) {
      const real = await fs.realpath(abs);
      await visitDir(abs, real, real);
    } else if (!ignored(path.basename(abs))) consider(abs, null, await locate(abs));
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
