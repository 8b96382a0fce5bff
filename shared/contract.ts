/**
 * The one list of everything the renderer can ask of main, and everything main can push.
 * Main registers a handler for each call; the preload and the browser transport build one
 * method per call from these keys; the host serves each as `POST /api/<name>`.
 * Inputs are zod schemas, checked in main (the renderer is untrusted); outputs are types.
 */
import { z } from 'zod';
import { agreementCalls } from './contract-agreement';
import { analysisCalls } from './contract-analysis';
import { bundleCalls } from './contract-bundles';
import { codingCalls } from './contract-coding';
import {
  CODING_STATUSES,
  DEFAULT_IMPORT_OPTIONS,
  DOCUMENT_FORMATS,
  type DocumentDetail,
  type DocumentFacets,
  DUPLICATE_STATUSES,
  type ImportProgress,
  type ImportSummary,
  LIBRARY_SORTS,
  type ListedDocument,
  MAX_QUERY_CHARS,
  type SearchHit,
} from './model/library';
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

const documentId = z.string().min(1).max(64);
/** The library's narrowing: a search and facet values (see DocumentFilters). */
const documentFilters = z.object({
  query: z.string().trim().max(MAX_QUERY_CHARS).optional(),
  batchIds: z.array(z.string().min(1).max(64)).max(200).optional(),
  outlets: z.array(z.string().max(300)).max(200).optional(),
  published: z
    .string()
    .regex(/^(\d{4}(-(0[1-9]|1[0-2]))?|none)$/, 'must be a year (2023), a month (2023-04) or none')
    .optional(),
  formats: z.array(z.enum(DOCUMENT_FORMATS)).max(DOCUMENT_FORMATS.length).optional(),
  duplicates: z.array(z.enum(DUPLICATE_STATUSES)).max(DUPLICATE_STATUSES.length).optional(),
  excluded: z.boolean().optional(),
  coding: z.array(z.enum(CODING_STATUSES)).max(CODING_STATUSES.length).optional(),
});
/** "Every document matching" the list: its filters and order, less the rows unticked since. */
const matchingSelection = documentFilters
  .extend({
    sort: z.enum(LIBRARY_SORTS).optional(),
    direction: z.enum(['asc', 'desc']).default('asc'),
    except: z.array(documentId).max(10_000).default([]),
  })
  .strict()
  .refine((v) => v.sort !== 'rank' || Boolean(v.query), { message: 'sort by rank needs a query', path: ['sort'] });
/** Named documents. */
const namedDocuments = z.array(documentId).min(1, 'name at least one document').max(10_000);
/** A per-project setting's name: dotted lower-case words (`library.columns`). */
const settingKey = z
  .string()
  .max(100)
  .regex(/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/, 'must be dotted lower-case words like library.columns');
/** Settings are small UI state (column layouts ...), never data: their JSON is capped. */
export const SETTING_MAX_BYTES = 16 * 1024;

/** A publication date as stored: YYYY, YYYY-MM, YYYY-MM-DD or a full ISO timestamp, and a real one. */
const publishedDate = z
  .string()
  .trim()
  .regex(
    /^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/,
    'must be a date like 2023-04-04 (or 2023-04, or 2023)',
  )
  .refine((v) => {
    const [y, m, d] = v.slice(0, 10).split('-').map(Number);
    if (m === undefined) return y >= 1000;
    if (m < 1 || m > 12) return false;
    if (d === undefined) return true;
    return d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
  }, 'is not a real calendar date');

export const calls = {
  ...codingCalls,
  ...analysisCalls,
  ...bundleCalls,
  ...agreementCalls,
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

  /**
   * One page of documents, filtered and sorted in SQL (keyset paging). With a `query` the rows
   * carry highlighted snippets; the default order is then `rank` (best match first).
   */
  'documents.list': call<{ rows: ListedDocument[]; total: number; nextCursor: string | null }>()(
    documentFilters
      .extend({
        limit: z.number().int().min(1).max(500).default(100),
        cursor: z.string().max(500).nullable().default(null),
        /** Without a cursor, rows to skip: a jump to a page whose cursor the renderer does not have. */
        offset: z.number().int().min(0).max(10_000_000).optional(),
        sort: z.enum(LIBRARY_SORTS).optional(),
        direction: z.enum(['asc', 'desc']).default('asc'),
      })
      .strict()
      .refine((v) => v.sort !== 'rank' || Boolean(v.query), { message: 'sort by rank needs a query', path: ['sort'] })
      .refine((v) => !(v.cursor && v.offset), { message: 'pass a cursor or an offset, not both', path: ['offset'] }),
    'A page of documents matching the filters in the chosen order; pass nextCursor back for the next page, or an offset to jump.',
  ),
  /** Counts per batch, outlet, year, month, format, duplicate status, relevance and coding status for the current query and filters. */
  'documents.facets': call<DocumentFacets>()(
    documentFilters.strict(),
    'Facet counts; each facet follows the query and every filter except its own.',
  ),
  /** One document with its text, marked ranges, metadata sources and duplicate set (and where `query` matches it). */
  'documents.get': call<DocumentDetail>()(
    z.object({ id: documentId, query: z.string().trim().max(MAX_QUERY_CHARS).optional() }).strict(),
    'One document in full; with a query, also the offsets where it matches.',
  ),
  /**
   * Correct a document's title, date, outlet or place (null clears a value). The text never
   * changes; each change is recorded in the audit log with its before and after.
   */
  'documents.update': call<DocumentDetail>()(
    z
      .object({
        id: documentId,
        title: z.string().trim().min(1, 'a title cannot be blank; pass null to clear it').max(1000).nullable().optional(),
        publishedAt: publishedDate.nullable().optional(),
        outlet: z.string().trim().min(1, 'an outlet cannot be blank; pass null to clear it').max(300).nullable().optional(),
        place: z.string().trim().min(1, 'a place cannot be blank; pass null to clear it').max(300).nullable().optional(),
      })
      .strict()
      .refine((v) => v.title !== undefined || v.publishedAt !== undefined || v.outlet !== undefined || v.place !== undefined, {
        message: 'name at least one of title, publishedAt, outlet, place',
      }),
    'Edit title, date, outlet or place; audited, the text never changes.',
  ),
  /**
   * Mark documents as not relevant (left out of coding queues), or relevant again: named ones, or
   * every one matching the list (less exceptions). Audited, one entry per document changed.
   */
  'documents.setExcluded': call<{ changed: number }>()(
    z.union([z.object({ ids: namedDocuments, excluded: z.boolean() }).strict(), z.object({ matching: matchingSelection, excluded: z.boolean() }).strict()]),
    'Mark documents not relevant (excluded: true) or relevant again (false).',
  ),
  /** The first `limit` documents of "every one matching" in list order, and how many there are. */
  'documents.selection': call<{ ids: string[]; count: number }>()(
    z.object({ matching: matchingSelection, limit: z.number().int().min(1).max(1000).default(2) }).strict(),
    'Resolve a "select all matching" selection: its first ids and its size.',
  ),
  /** The selection's list as CSV text (UTF-8 with BOM, CRLF), in list order. */
  'documents.exportCsv': call<{ csv: string; rows: number }>()(
    z.union([z.object({ ids: namedDocuments }).strict(), z.object({ matching: matchingSelection }).strict()]),
    'The selected documents (named, or all matching) as CSV.',
  ),
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

  /** A per-project setting the renderer remembers (column layout ...); value null when never set. */
  'settings.get': call<{ value: unknown }>()(z.object({ key: settingKey }).strict(), 'A per-project setting (JSON), or null when never set.'),
  /**
   * Remember a per-project setting in the project file (null forgets it). UI state, not research
   * data: not audited. A read-only project answers saved: false.
   */
  'settings.set': call<{ saved: boolean }>()(
    z
      .object({
        key: settingKey,
        value: z.json().refine((v) => new TextEncoder().encode(JSON.stringify(v)).length <= SETTING_MAX_BYTES, {
          message: `must be at most ${SETTING_MAX_BYTES / 1024} KB as JSON`,
        }),
      })
      .strict(),
    'Remember a per-project setting (JSON, at most 16 KB); null forgets it.',
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
