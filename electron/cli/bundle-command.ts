import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { BundleCounts } from '../../shared/contract-bundles';
import { AppError } from '../../shared/errors';
import { BundleRefused } from '../services/bundles/container';
import { buildBundle } from '../services/bundles/export';
import { importBundle } from '../services/bundles/import';
import { getMeta } from '../store/repos/coders';
import { openOrExit } from './open-project';
import { UsageError } from './usage-error';

/**
 * `liaison bundle export|import`: exchange coding work between machines as bundle files.
 * Exit codes: 0 done, 1 usage error, 2 the project cannot be opened, 4 the bundle was refused
 * (damaged, altered, from another project, unknown format, articles missing), the reason on stderr.
 */
export const BUNDLE_USAGE = `Usage:
  liaison bundle export --project FILE --out FILE [--coder ID] [--since TIME] [--json]
      Write the project's work (or one coder's, or since an ISO time) as a bundle file
  liaison bundle import FILE --project FILE [--json]
      Merge a bundle: new records added, identical skipped, conflicting edits listed for review`;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const counts = (c: BundleCounts) =>
  `${plural(c.engagements, 'engagement')}, ${plural(c.actors, 'actor')}, ${plural(c.comments, 'comment')}, ${plural(c.codebooks, 'codebook version')}, ${plural(c.coders, 'coder')}`;

async function exportCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { project: { type: 'string' }, out: { type: 'string' }, coder: { type: 'string' }, since: { type: 'string' }, json: { type: 'boolean' } } });
  if (!values.out) throw new UsageError('bundle export needs --out FILE (a bundle is a binary file)');
  const store = openOrExit(values.project, true);
  if (typeof store === 'number') return store;
  try {
    const { bytes, manifest, counts: held } = await buildBundle(store.db, { ...(values.coder ? { coderId: values.coder } : {}), ...(values.since ? { since: values.since } : {}) });
    const out = path.resolve(values.out);
    fs.writeFileSync(out, bytes);
    if (values.json) process.stdout.write(`${JSON.stringify({ file: out, sizeBytes: bytes.length, manifest, counts: held })}\n`);
    process.stderr.write(`liaison: wrote ${out} (${bytes.length} bytes) for ${manifest.exportedBy.name}: ${counts(held)}\n`);
    return 0;
  } catch (err) {
    // An unknown coder or a bad --since is a usage problem, not a broken project.
    if (err instanceof AppError && (err.code === 'not-found' || err.code === 'invalid-input')) throw new UsageError(err.message);
    throw err;
  } finally {
    store.close();
  }
}

async function importCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { project: { type: 'string' }, json: { type: 'boolean' } } });
  if (positionals.length !== 1) throw new UsageError('bundle import needs exactly one bundle FILE');
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(path.resolve(positionals[0]));
  } catch (err) {
    throw new UsageError(`cannot read ${positionals[0]}: ${(err as Error).message}`);
  }
  const store = openOrExit(values.project, false);
  if (typeof store === 'number') return store;
  try {
    const coderId = getMeta(store.db, 'current_coder_id');
    if (!coderId) throw new UsageError('the project has no current coder');
    const report = await importBundle(store.db, bytes, { coderId });
    if (values.json) {
      process.stdout.write(`${JSON.stringify(report)}\n`);
    } else {
      process.stdout.write(`Bundle from ${report.bundle.exportedBy.name}, made ${report.bundle.createdAt}\n`);
      process.stdout.write(`  added ${counts(report.added)}\n  updated ${counts(report.updated)}\n  skipped ${counts(report.skipped)}\n`);
      process.stdout.write(`  ${plural(report.conflicts.length, 'conflict')} to review${report.conflicts.length ? ':' : ''}\n`);
      for (const c of report.conflicts) process.stdout.write(`    ${c.entity} ${c.label} (${c.entityId}): ${c.reason}\n`);
      for (const d of report.possibleDuplicates) {
        process.stdout.write(`  possible duplicate: ${d.kind} "${d.name}" (${d.incomingId}) and "${d.localName}" (${d.localId})${d.merged ? ', merged (one actor per country)' : ''}\n`);
      }
    }
    return 0;
  } catch (err) {
    if (err instanceof BundleRefused) {
      process.stderr.write(`liaison: ${err.message}\n`);
      return 4;
    }
    throw err;
  } finally {
    store.close();
  }
}

export async function runBundleCommand(argv: string[]): Promise<number> {
  const [what, ...rest] = argv;
  try {
    if (what === 'export') return await exportCommand(rest);
    if (what === 'import') return await importCommand(rest);
    if (what === '--help' || what === 'help') {
      process.stdout.write(`${BUNDLE_USAGE}\n`);
      return 0;
    }
    throw new UsageError('bundle needs "export" or "import"');
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`liaison: ${(err as Error).message}\n\n${BUNDLE_USAGE}\n`);
      return 1;
    }
    throw err;
  }
}
