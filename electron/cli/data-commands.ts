import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type AnalysisFilter, analysisFilterSchema } from '../../shared/contract-analysis';
import { AppError } from '../../shared/errors';
import { DEFAULT_IMPORT_OPTIONS, HIGHLIGHT_CLOSE, HIGHLIGHT_OPEN, type ImportProgress } from '../../shared/model/library';
import { unknownEncoding } from '../importers/encoding';
import { exportEngagements, exportGraph } from '../services/analysis/analysis';
import { currentCoderId } from '../services/coders';
import type { AppContext } from '../services/context';
import { runImport } from '../services/import/import-service';
import { searchDocuments } from '../services/library';
import { APP_VERSION, defaultUserDataDir } from '../services/paths';
import { verifyProject } from '../services/verify';
import { createProject, type Store } from '../store/open';
import { openOrExit } from './open-project';
import { UsageError } from './usage-error';

/** Open the project or exit 2 with the reason. */
function contextFor(store: Store): AppContext {
  return { mode: 'browser', version: APP_VERSION, userDataDir: defaultUserDataDir(), store, emit: () => {} };
}

function formatEta(ms: number | null): string {
  if (ms === null) return '--:--';
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** A one-line bar on a terminal; plain lines (at most one per second) when stderr is a file or pipe. */
function progressPrinter(): (p: ImportProgress) => void {
  const tty = process.stderr.isTTY;
  let lastLine = 0;
  return (p) => {
    if (tty) {
      const width = 28;
      const frac = p.total > 0 ? p.done / p.total : 0;
      const bar = '█'.repeat(Math.round(frac * width)).padEnd(width, '░');
      const name = p.currentPath ? path.basename(p.currentPath).slice(0, 40) : p.phase;
      process.stderr.write(`\r${bar} ${p.done}/${p.total} ${p.filesPerSecond.toFixed(1)} files/s ETA ${formatEta(p.etaMs)} ${name}\x1b[K`);
      if (p.phase === 'done' || p.phase === 'cancelled') process.stderr.write('\n');
    } else if (Date.now() - lastLine > 1000 || p.phase !== 'importing') {
      lastLine = Date.now();
      // While scanning, the number of files is not known yet.
      process.stderr.write(p.phase === 'scanning' ? 'scanning the folders…\n' : `${p.phase}: ${p.done}/${p.total} files, ${p.filesPerSecond.toFixed(1)} files/s\n`);
    }
  };
}

async function importCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { project: { type: 'string' }, encoding: { type: 'string' }, near: { type: 'string' }, 'max-mb': { type: 'string' }, json: { type: 'boolean' } },
  });
  if (positionals.length === 0) throw new UsageError('import needs at least one file or folder');
  const near = values.near === undefined ? DEFAULT_IMPORT_OPTIONS.nearThreshold : Number(values.near);
  if (!(near >= 0.5 && near <= 1)) throw new UsageError(`--near must be a number from 0.5 to 1, not "${values.near}"`);
  const maxMb = values['max-mb'] === undefined ? DEFAULT_IMPORT_OPTIONS.maxFileBytes / 1024 / 1024 : Number(values['max-mb']);
  if (!(maxMb > 0)) throw new UsageError(`--max-mb must be a positive number, not "${values['max-mb']}"`);
  if (!values.project) throw new UsageError('--project FILE is required');
  const unknown = values.encoding ? unknownEncoding(values.encoding) : null;
  if (unknown) throw new UsageError(`--encoding: ${unknown}`);
  // Nothing to import at all (a mistyped path): no project is created for it.
  const missing = positionals.filter((p) => !fs.existsSync(path.resolve(p)));
  if (missing.length === positionals.length) {
    throw new UsageError(`there is no file or folder at ${missing.map((p) => path.resolve(p)).join(', ')}`);
  }
  let store: Store | number;
  if (!fs.existsSync(path.resolve(values.project))) {
    // The first import into a new file creates the project, as the analyst meant.
    try {
      store = createProject(path.resolve(values.project));
      process.stderr.write(`liaison: created the new project ${store.path}\n`);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      process.stderr.write(`liaison: ${err.message}\n`);
      return 2;
    }
  } else {
    store = openOrExit(values.project, false);
  }
  if (typeof store === 'number') return store;
  const controller = new AbortController();
  const onSignal = () => {
    process.stderr.write('\nliaison: cancelling; files already imported are kept.\n');
    controller.abort();
  };
  process.once('SIGINT', onSignal);
  try {
    const summary = await runImport(
      store,
      positionals.map((p) => path.resolve(p)),
      { nearThreshold: near, maxFileBytes: Math.round(maxMb * 1024 * 1024), ...(values.encoding ? { encoding: values.encoding } : {}) },
      currentCoderId(contextFor(store)),
      { signal: controller.signal, onProgress: progressPrinter() },
    );
    if (values.json) {
      const { imported, unchanged, duplicates, skipped, failed, elapsedMs } = summary;
      process.stdout.write(`${JSON.stringify({ imported, unchanged, duplicates, skipped: skipped.map(({ path, reason }) => ({ path, reason })), failed: failed.map(({ path, reason }) => ({ path, reason })), elapsedMs })}\n`);
    } else {
      process.stdout.write(
        `Imported ${summary.imported} ${summary.imported === 1 ? 'document' : 'documents'} (duplicates: ${summary.duplicates.exact} exact, ${summary.duplicates.near} near); files unchanged ${summary.unchanged}, skipped ${summary.skipped.length}, failed ${summary.failed.length} (${(summary.elapsedMs / 1000).toFixed(1)} s)\n`,
      );
      for (const s of [...summary.skipped, ...summary.failed]) process.stdout.write(`  ${s.path}: ${s.reason}\n`);
    }
    return 0;
  } finally {
    process.off('SIGINT', onSignal);
    store.close();
  }
}

interface DocLine {
  id: string;
  path: string;
  format: string;
  encoding: string;
  title: string | null;
  publishedAt: string | null;
  outlet: string | null;
  place: string | null;
  url: string | null;
  language: string | null;
  words: number;
  sha256: string;
  duplicateGroup: string | null;
  isPrimary: number;
  boilerplateRanges: number;
}

function documentsCommand(argv: string[]): number {
  const { values } = parseArgs({ args: argv, options: { project: { type: 'string' }, json: { type: 'boolean' } } });
  if (!values.json) throw new UsageError('documents writes JSON lines: add --json');
  const store = openOrExit(values.project, true);
  if (typeof store === 'number') return store;
  try {
    const rows = store.db
      .prepare(
        `SELECT d.id, d.path, d.format, d.encoding, d.title, d.published_at AS publishedAt, d.outlet, d.place, d.url, d.language, d.words, d.sha256,
           d.duplicate_group_id AS duplicateGroup, (g.primary_document_id = d.id) AS isPrimary,
           (SELECT count(*) FROM text_ranges r WHERE r.document_rowid = d.rowid AND r.kind = 'boilerplate') AS boilerplateRanges
         FROM documents d LEFT JOIN duplicate_groups g ON g.id = d.duplicate_group_id ORDER BY d.rowid`,
      )
      .iterate() as IterableIterator<DocLine>;
    for (const r of rows) process.stdout.write(`${JSON.stringify({ ...r, isPrimary: r.isPrimary === 1 })}\n`);
    return 0;
  } finally {
    store.close();
  }
}

async function searchCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { project: { type: 'string' }, limit: { type: 'string' }, json: { type: 'boolean' } } });
  if (positionals.length === 0) throw new UsageError('search needs a QUERY');
  const limit = values.limit === undefined ? 50 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw new UsageError(`--limit must be a whole number from 1 to 200, not "${values.limit}"`);
  const store = openOrExit(values.project, true);
  if (typeof store === 'number') return store;
  try {
    const result = await searchDocuments(contextFor(store), { query: positionals.join(' '), limit, offset: 0 });
    const strip = (s: string) => s.replaceAll(HIGHLIGHT_OPEN, '[').replaceAll(HIGHLIGHT_CLOSE, ']');
    if (values.json) {
      process.stdout.write(
        `${JSON.stringify({
          total: result.total,
          hits: result.hits.map((h) => ({ id: h.document.id, title: h.document.title, outlet: h.document.outlet, publishedAt: h.document.publishedAt, score: h.score, snippet: strip(h.snippet) })),
        })}\n`,
      );
    } else {
      // One line each: a snippet keeps the text's line breaks (blank lines, indents), which the
      // app's rows fold but a terminal would print.
      const line = (s: string) => s.replace(/\s+/g, ' ').trim();
      for (const h of result.hits) process.stdout.write(`${line(h.document.title ?? '(untitled)')}\n  ${line(strip(h.snippet))}\n`);
      process.stdout.write(`${result.total} ${result.total === 1 ? "document matches" : "documents match"}\n`);
    }
    return 0;
  } catch (err) {
    if (err instanceof AppError && err.code === 'bad-query') {
      process.stderr.write(`liaison: ${err.message}\n`);
      return 1;
    }
    throw err;
  } finally {
    store.close();
  }
}

/** Exit 0 when the chain and every span hold, 3 when something is broken (each break listed). */
function verifyCommand(argv: string[]): number {
  const { values } = parseArgs({ args: argv, options: { project: { type: 'string' }, json: { type: 'boolean' } } });
  const store = openOrExit(values.project, true);
  if (typeof store === 'number') return store;
  try {
    const report = verifyProject(store.db);
    if (values.json) process.stdout.write(`${JSON.stringify(report)}\n`);
    else {
      process.stdout.write(`Audit log: ${report.auditEntries} ${report.auditEntries === 1 ? 'entry' : 'entries'}, ${report.chainBreaks.length ? `${report.chainBreaks.length} BROKEN` : 'chain intact'}\n`);
      for (const b of report.chainBreaks) process.stdout.write(`  entry ${b.seq}: ${b.reason}\n`);
      process.stdout.write(`Evidence: ${report.evidenceChecked} spans, ${report.evidenceBroken.length ? `${report.evidenceBroken.length} BROKEN` : 'all match their text'}\n`);
      for (const b of report.evidenceBroken) process.stdout.write(`  evidence ${b.evidenceId} (engagement ${b.engagementId}): ${b.reason}\n`);
    }
    return report.ok ? 0 : 3;
  } finally {
    store.close();
  }
}

/** Engagements or the network to a file (or stdout), the same exports as the app. */
/**
 * The app's analysis filter from export options: --from/--to (2023, 2023-04 or 2023-04-04; a
 * month or year dated engagement counts when its period overlaps), repeatable --type, --topic,
 * --country (ISO alpha-3) and --status. Checked by the same schema as the app's calls.
 */
function exportFilter(v: { from?: string; to?: string; type?: string[]; topic?: string[]; country?: string[]; status?: string[] }): AnalysisFilter {
  const parsed = analysisFilterSchema.safeParse({
    ...(v.from ? { from: v.from } : {}),
    ...(v.to ? { to: v.to } : {}),
    ...(v.type ? { types: v.type } : {}),
    ...(v.topic ? { topics: v.topic } : {}),
    ...(v.country ? { countries: v.country.map((c) => c.toUpperCase()) } : {}),
    ...(v.status ? { statuses: v.status } : {}),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const option = { from: '--from', to: '--to', types: '--type', topics: '--topic', countries: '--country', statuses: '--status' }[String(issue.path[0])] ?? String(issue.path[0]);
    throw new UsageError(`${option}: ${issue.message}`);
  }
  if (parsed.data.from && parsed.data.to && parsed.data.to < parsed.data.from) throw new UsageError(`--to (${parsed.data.to}) is before --from (${parsed.data.from})`);
  return parsed.data;
}

async function exportCommand(argv: string[]): Promise<number> {
  const [what, ...rest] = argv;
  if (what !== 'engagements' && what !== 'graph') throw new UsageError('export needs "engagements" or "graph"');
  const { values } = parseArgs({
    args: rest,
    options: {
      project: { type: 'string' },
      format: { type: 'string' },
      level: { type: 'string' },
      out: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      type: { type: 'string', multiple: true },
      topic: { type: 'string', multiple: true },
      country: { type: 'string', multiple: true },
      status: { type: 'string', multiple: true },
    },
  });
  const filter = exportFilter(values);
  const formats = what === 'engagements' ? ['csv', 'xlsx', 'json', 'plover', 'dyads'] : ['gexf', 'graphml'];
  if (!values.format || !formats.includes(values.format)) throw new UsageError(`--format must be one of ${formats.join(', ')}`);
  if (what === 'graph' && values.level !== 'actors' && values.level !== 'countries') throw new UsageError('--level must be actors or countries');
  if (values.format === 'xlsx' && !values.out) throw new UsageError('xlsx is binary: name a file with --out');
  const store = openOrExit(values.project, true);
  if (typeof store === 'number') return store;
  try {
    const ctx = contextFor(store);
    const file =
      what === 'engagements'
        ? await exportEngagements(ctx, { format: values.format as 'csv', filter })
        : exportGraph(ctx, { level: values.level === 'countries' ? 'sides' : 'actors', format: values.format as 'gexf', filter });
    const bytes = 'base64' in file && file.base64 ? Buffer.from(file.base64, 'base64') : Buffer.from(file.text ?? '', 'utf8');
    if (values.out) {
      fs.writeFileSync(path.resolve(values.out), bytes);
      process.stderr.write(`liaison: wrote ${path.resolve(values.out)}\n`);
    } else process.stdout.write(bytes);
    return 0;
  } finally {
    store.close();
  }
}

export async function runDataCommand(command: 'import' | 'documents' | 'search' | 'verify' | 'export', argv: string[]): Promise<number> {
  if (command === 'verify') return verifyCommand(argv);
  if (command === 'export') return exportCommand(argv);
  if (command === 'import') return importCommand(argv);
  if (command === 'documents') return documentsCommand(argv);
  return searchCommand(argv);
}

