/**
 * The one list of everything the renderer can ask of main, and everything main can push.
 * Main registers a handler for each call; the preload and the browser transport build one
 * method per call from these keys; the host serves each as `POST /api/<name>`.
 * Inputs are zod schemas, checked in main (the renderer is untrusted); outputs are types.
 */
import { z } from 'zod';
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
}
export type EventName = keyof Events;
export const eventNames: EventName[] = ['db.changed', 'project.changed'];

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
