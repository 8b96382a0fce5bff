/**
 * The one list of everything the renderer can ask of main, and everything main can push.
 * Main registers a handler for each call; the preload and the browser transport build one
 * method per call from these keys; the host serves each as `POST /api/<name>`.
 * Inputs are zod schemas, checked in main (the renderer is untrusted); outputs are types.
 */
import { z } from 'zod';
import { DEFAULT_IMPORT_OPTIONS, type DocumentDetail, type DocumentRow, type ImportProgress, type ImportSummary, type SearchHit } from './model/library';
import type { AppInfo, Coder, ProjectInfo, RecentProject } from './model/project';

export interface CallDef<I extends z.ZodType, O> {
  input: I;
  doc: string;
  /** Phantom: carries the output type. Never set at runtime. */
  readonly output?: O;
}

const call =
  <O>() =>
  <I extends z.ZodType>(input: I, doc: string): CallDef<I, O> => ({ input, doc });

const empty = z.object({}).strict();
/** A path typed or picked by the analyst: absolute, no NUL bytes. */
const filePath = z
  .string()
  .min(1, 'a path is required')
  .max(4096)
  .refine((p) => !p.includes('\0'), 'must not contain NUL bytes');

export const calls = {
  /** Version, mode (electron or browser) and the user-data folder of the running app. */
  'app.info': call<AppInfo>()(empty, 'Version, mode and paths of the running app.'),

  /** Create a new project file and open it. Refuses an existing file. */
  'projects.create': call<ProjectInfo>()(
    z.object({ path: filePath, name: z.string().trim().min(1).max(200).optional() }).strict(),
    'Create a new project file (.liaison) at path and open it.',
  ),
  /** Open an existing project file (migrating it, with a backup, when it is older). */
  'projects.open': call<ProjectInfo>()(
    z.object({ path: filePath }).strict(),
    'Open an existing project file; older files are backed up, then migrated.',
  ),
  /** Close the open project, releasing its lock. */
  'projects.close': call<null>()(empty, 'Close the open project.'),
  /** The project open in this window, or null. */
  'projects.current': call<ProjectInfo | null>()(empty, 'The project open in this window, or null.'),
  /** Recently opened projects, newest first. */
  'projects.recent': call<RecentProject[]>()(empty, 'Recently opened projects, newest first.'),
  /** Remove a path from the recent list (the file itself is untouched). */
  'projects.forget': call<RecentProject[]>()(
    z.object({ path: filePath }).strict(),
    'Remove a project from the recent list; the file is not touched.',
  ),

  /** Native file dialogs (Electron only; the browser mode answers `unsupported`). */
  'dialogs.pickProject': call<{ path: string } | null>()(
    z.object({ mode: z.enum(['create', 'open']) }).strict(),
    'Show the native dialog to choose a project file; null when cancelled.',
  ),

  /** Native dialog to choose folders or files to import (Electron only). */
  'dialogs.pickImportSources': call<{ paths: string[] } | null>()(
    z.object({ kind: z.enum(['folder', 'files']) }).strict(),
    'Show the native dialog to choose folders or files to import; null when cancelled.',
  ),

  /** Coder profiles of the open project, and who is coding now. */
  'coders.list': call<{ coders: Coder[]; currentId: string }>()(empty, 'Coders of the project and the current one.'),
  /** Add a coder profile. */
  'coders.create': call<Coder>()(
    z
      .object({
        name: z.string().trim().min(1).max(120),
        initials: z.string().trim().min(1).max(4).optional(),
        color: z
          .string()
          .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #1f6feb')
          .optional(),
      })
      .strict(),
    'Add a coder profile to the project.',
  ),
  /** Make a coder the current one: every later change is recorded under them. */
  'coders.setCurrent': call<Coder>()(
    z.object({ id: z.string().min(1).max(64) }).strict(),
    'Switch the current coder; every change is recorded under them.',
  ),

  /** Start importing files and folders (recursively) into the open project; progress comes as events. */
  'import.start': call<{ batchId: string }>()(
    z
      .object({
        paths: z.array(filePath).min(1, 'name at least one file or folder').max(10_000),
        encoding: z.string().trim().min(1).max(40).optional(),
        nearThreshold: z.number().min(0.5).max(1).default(DEFAULT_IMPORT_OPTIONS.nearThreshold),
        maxFileBytes: z
          .number()
          .int()
          .min(1024)
          .max(2 * 1024 * 1024 * 1024)
          .default(DEFAULT_IMPORT_OPTIONS.maxFileBytes),
      })
      .strict(),
    'Import files and folders; answers at once, then emits import.progress and import.finished.',
  ),
  /** Cancel a running import: what was imported stays, the rest can be imported later. */
  'import.cancel': call<{ cancelled: boolean }>()(z.object({ batchId: z.string().min(1).max(64) }).strict(), 'Cancel a running import.'),
  /** The report of an import run as CSV (one line per file not imported as new, plus totals). */
  'import.reportCsv': call<{ fileName: string; csv: string }>()(
    z.object({ batchId: z.string().min(1).max(64) }).strict(),
    'The report of an import run as CSV text.',
  ),
  /** The report of an import run (or of the running one so far). */
  'import.report': call<ImportSummary>()(z.object({ batchId: z.string().min(1).max(64) }).strict(), 'The report of an import run.'),

  /** One page of documents, filtered and sorted in SQL (keyset paging). */
  'documents.list': call<{ rows: DocumentRow[]; total: number; nextCursor: string | null }>()(
    z
      .object({
        limit: z.number().int().min(1).max(500).default(100),
        cursor: z.string().max(500).nullable().default(null),
        sort: z.enum(['imported', 'title', 'published', 'outlet', 'words']).default('imported'),
        direction: z.enum(['asc', 'desc']).default('asc'),
      })
      .strict(),
    'A page of documents in the chosen order; pass nextCursor back for the next page.',
  ),
  /** One document with its text, marked ranges, metadata sources and duplicate set. */
  'documents.get': call<DocumentDetail>()(z.object({ id: z.string().min(1).max(64) }).strict(), 'One document in full.'),
  /** Ranked full-text search with highlighted snippets for the page shown. */
  'documents.search': call<{ hits: SearchHit[]; total: number }>()(
    z
      .object({
        query: z.string().trim().min(1, 'type something to search for').max(1000),
        limit: z.number().int().min(1).max(200).default(50),
        offset: z.number().int().min(0).default(0),
      })
      .strict(),
    'Full-text search (words, "phrases", prefix*, AND/OR/NOT, NEAR) ranked by bm25.',
  ),
} as const;

export type Calls = typeof calls;
export type CallName = keyof Calls;
export const callNames = Object.keys(calls) as CallName[];
export type CallInput<N extends CallName> = z.input<Calls[N]['input']>;
export type CallParsed<N extends CallName> = z.output<Calls[N]['input']>;
export type CallOutput<N extends CallName> = Calls[N] extends CallDef<z.ZodType, infer O> ? O : never;

/** Events main pushes to every window (and the host streams as server-sent events). */
export interface Events {
  /** Tables whose rows changed: caches of those tables are stale. */
  'db.changed': { tables: string[] };
  /** The open project changed (opened, closed, renamed). */
  'project.changed': { project: ProjectInfo | null };
  /** An import is under way. */
  'import.progress': ImportProgress;
  /** An import ended (done or cancelled), with its report. */
  'import.finished': ImportSummary;
}
export type EventName = keyof Events;
export const eventNames: EventName[] = ['db.changed', 'project.changed', 'import.progress', 'import.finished'];

type Namespace<N> = N extends `${infer A}.${string}` ? A : never;

/** `window.liaison` as the renderer sees it after the transport unwraps envelopes. */
export type LiaisonApi = {
  [NS in Namespace<CallName>]: {
    [N in CallName as N extends `${NS}.${infer M}` ? M : never]: (input: CallInput<N>) => Promise<CallOutput<N>>;
  };
};

/** Split `noun.verb` into its parts. */
export function splitCallName(name: string): [string, string] {
  const dot = name.indexOf('.');
  return [name.slice(0, dot), name.slice(dot + 1)];
}
