import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { AppError } from '../../shared/errors';
import { startHost } from '../host/server';
import type { AppContext } from '../services/context';
import { APP_VERSION, defaultUserDataDir } from '../services/paths';
import * as projects from '../services/projects';
import { serviceHandlers } from '../services/router';

/**
 * The `liaison` command: the same services as the app, from a terminal.
 * Exit codes: 0 done, 1 usage error, 2 the project cannot be opened.
 */
const USAGE = `Usage: liaison <command> [options]

Commands:
  serve [--project FILE] [--port N]        Serve the app in a browser on 127.0.0.1 (prints LIAISON_URL=...)
  import PATH... --project FILE [--encoding NAME] [--near 0.8] [--max-mb 50] [--json]
                                            Import files and folders (progress on stderr)
  documents --project FILE --json           One JSON object per document, one per line
  search QUERY --project FILE [--limit N] [--json]
                                            Ranked full-text search with snippets
  verify --project FILE [--json]            Check the audit chain and every evidence span
  export engagements --project FILE --format csv|xlsx|json|plover|dyads [--out FILE] [FILTERS]
  export graph --project FILE --level actors|countries --format gexf|graphml [--out FILE] [FILTERS]
                                            FILTERS: --from DATE --to DATE (2023, 2023-04, 2023-04-04),
                                            --type T, --topic T, --country ISO3, --status S (repeatable)
  bundle export --project FILE --out FILE [--coder ID] [--since TIME] [--json]
                                            Write coding work as a bundle file for another machine
  bundle import FILE --project FILE [--json]
                                            Merge a bundle; conflicting edits are listed, never overwritten (exit 4: refused)
  help                                      This text

Run "liaison <command> --help" for the options of a command.`;

import { UsageError } from './usage-error';

/** A command's lines of the usage (its forms and their notes), for `liaison <command> --help`. */
export function commandUsage(command: string): string {
  const lines = USAGE.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].startsWith(`  ${command} `)) continue;
    out.push(`  ${lines[i].trim()}`);
    // Continuation lines are indented deeper than a command's.
    while (i + 1 < lines.length && /^ {20,}\S/.test(lines[i + 1])) out.push(`      ${lines[++i].trim()}`);
  }
  return `Usage: liaison ${command} …\n\n${out.join('\n')}\n\nThe README's Terminal section says more.`;
}

export { UsageError };

const here = path.dirname(fileURLToPath(import.meta.url));
/** dist/cli/cli.js -> dist/renderer */
export const RENDERER_DIR = path.resolve(here, '..', 'renderer');

async function serve(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { project: { type: 'string' }, port: { type: 'string' }, help: { type: 'boolean' } },
    strict: true,
  });
  if (values.help) {
    process.stderr.write('Usage: liaison serve [--project FILE] [--port N]\n');
    return 0;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a whole number from 0 to 65535, not "${values.port}"`);

  let host: Awaited<ReturnType<typeof startHost>> | undefined;
  const ctx: AppContext = {
    mode: 'browser',
    version: APP_VERSION,
    userDataDir: defaultUserDataDir(),
    store: null,
    emit: (event, payload) => host?.emit(event, payload),
  };
  if (values.project) {
    try {
      projects.open(ctx, { path: path.resolve(values.project) });
    } catch (err) {
      if (err instanceof AppError) {
        // A new user's first step: say how a project comes to exist.
        const hint = err.code === 'not-found' ? ' To start one, run `liaison serve` without --project and use New project on the start screen, or `liaison import FOLDER --project FILE`, which creates it.' : '';
        process.stderr.write(`liaison: ${err.message}${hint}\n`);
        return 2;
      }
      throw err;
    }
  }
  host = await startHost({ ctx, handlers: serviceHandlers, rendererDir: RENDERER_DIR, port });
  process.stdout.write(`LIAISON_URL=${host.url}#token=${host.token}\n`);
  process.stderr.write(`Liaison is serving ${ctx.store ? ctx.store.path : 'the start screen'} on ${host.url} (Ctrl+C to stop)\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  ctx.store?.close();
  await host.close();
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'bundle') {
    // Handles its own usage errors; exit 4 when a bundle is refused (see bundle-command.ts).
    const { runBundleCommand } = await import('./bundle-command');
    return runBundleCommand(argv.slice(1));
  }
  if (['import', 'documents', 'search', 'verify', 'export'].includes(argv[0])) {
    if (argv.includes('--help') || argv.includes('-h')) {
      process.stdout.write(`${commandUsage(argv[0])}\n`);
      return 0;
    }
    const { runDataCommand } = await import('./data-commands');
    try {
      return await runDataCommand(argv[0] as 'import' | 'documents' | 'search' | 'verify' | 'export', argv.slice(1));
    } catch (err) {
      if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
        process.stderr.write(`liaison: ${(err as Error).message}\n\n${USAGE}\n`);
        return 1;
      }
      throw err;
    }
  }
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'serve':
        return await serve(rest);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(`${USAGE}\n`);
        return command === undefined ? 1 : 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`liaison: ${(err as Error).message}\n\n${USAGE}\n`);
      return 1;
    }
    throw err;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`liaison: ${(err as Error).stack ?? err}\n`);
    process.exit(1);
  },
);
