import type { z } from 'zod';
import { type CallName, type CallOutput, type CallParsed, calls } from '../../shared/contract';
import { AppError, type Envelope, type ErrorInfo } from '../../shared/errors';
import { SCHEMA_VERSION } from '../store/migrations';
import * as analysis from './analysis/analysis';
import { bundleHandlers } from './bundles/handlers';
import * as coders from './coders';
import { codingHandlers } from './coding/handlers';
import type { AppContext } from './context';
import * as imports from './imports';
import * as library from './library';
import * as libraryEdit from './library-edit';
import * as librarySelection from './library-selection';
import * as librarySettings from './library-settings';
import * as projects from './projects';
import * as review from './review';

export type Handler<N extends CallName> = (ctx: AppContext, input: CallParsed<N>) => CallOutput<N> | Promise<CallOutput<N>>;
export type Handlers = { [N in CallName]: Handler<N> };

/** The services behind every call. Electron's main overrides the few that need native UI. */
export const serviceHandlers: Handlers = {
  ...codingHandlers,
  ...bundleHandlers,
  'review.assign': review.assign,
  'review.queue': review.queue,
  'review.agreement': review.agreement,
  'review.agreementCsv': review.agreementCsvFile,
  'review.compare': review.compare,
  'review.begin': review.beginReview,
  'review.adjudicate': review.adjudicate,
  'review.adjudications': review.adjudications,
  'comments.list': review.listComments,
  'comments.add': review.addComment,
  'engagements.history': review.history,
  'engagements.restore': review.restore,
  'analysis.engagements': analysis.engagements,
  'analysis.graph': analysis.graph,
  'analysis.groups': analysis.groups,
  'analysis.timeline': analysis.timeline,
  'analysis.positions': analysis.positions,
  'analysis.savePositions': analysis.savePositions,
  'analysis.export': analysis.exportEngagements,
  'analysis.exportGraph': analysis.exportGraph,
  'app.info': (ctx) => ({
    name: 'Liaison',
    version: ctx.version,
    mode: ctx.mode,
    platform: process.platform,
    userDataDir: ctx.userDataDir,
    schemaVersion: SCHEMA_VERSION,
  }),
  'projects.create': projects.create,
  'projects.open': projects.open,
  'projects.close': projects.close,
  'projects.current': projects.current,
  'projects.recent': projects.recentProjects,
  'projects.forget': (ctx, input) => projects.forgetProject(ctx, input.path),
  'dialogs.pickProject': () => {
    throw new AppError('unsupported', 'Native file dialogs exist only in the desktop app; type the path instead.');
  },
  'dialogs.pickImportSources': () => {
    throw new AppError('unsupported', 'Native file dialogs exist only in the desktop app; type or paste the paths instead.');
  },
  'coders.list': coders.list,
  'coders.create': coders.create,
  'coders.setCurrent': coders.setCurrent,
  'import.start': imports.start,
  'import.cancel': imports.cancel,
  'import.report': imports.report,
  'import.reportCsv': imports.reportCsv,
  'documents.list': library.documentsPage,
  'documents.get': library.getDocument,
  'documents.search': library.searchDocuments,
  'documents.facets': library.documentsFacets,
  'documents.update': libraryEdit.updateDocument,
  'documents.setExcluded': librarySelection.setSelectionExcluded,
  'documents.selection': librarySelection.selectionIds,
  'documents.exportCsv': librarySelection.exportSelection,
  'settings.get': librarySettings.getSetting,
  'settings.set': librarySettings.setSetting,
};

/** `projects.create: path: expected string, received number` — names the call and the field. */
export function describeZodError(name: string, error: z.ZodError): string {
  const parts = error.issues.map((issue) => {
    const field = issue.path.length ? issue.path.join('.') : 'input';
    return `${field}: ${issue.message}`;
  });
  return `${name}: invalid input — ${parts.join('; ')}`;
}

export function toErrorInfo(err: unknown): ErrorInfo {
  if (err instanceof AppError) return { code: err.code, message: err.message };
  const e = err as { code?: string; message?: string };
  if (typeof e?.code === 'string' && e.code.startsWith('SQLITE_')) {
    if (e.code === 'SQLITE_BUSY') return { code: 'busy', message: 'The project is busy with another write; try again in a moment.' };
    if (e.code === 'SQLITE_FULL') return { code: 'io', message: 'The disk is full; free some space and try again. Nothing was saved by this action.' };
    if (e.code === 'SQLITE_CORRUPT' || e.code === 'SQLITE_NOTADB') return { code: 'project-damaged', message: `The project file is damaged (${e.message}).` };
  }
  return { code: 'internal', message: `Unexpected error: ${e?.message ?? String(err)}. Nothing was changed by this action.` };
}

export function isCallName(name: string): name is CallName {
  return Object.hasOwn(calls, name);
}

/**
 * The one way into the services, from IPC and HTTP alike: look the call up, validate its input
 * against the contract, run it, and turn any failure into `{ code, message }`.
 */
export async function dispatch(ctx: AppContext, handlers: Handlers, name: string, raw: unknown): Promise<Envelope<unknown>> {
  if (!isCallName(name)) return { ok: false, error: { code: 'unknown-call', message: `There is no call named "${name}".` } };
  const parsed = calls[name].input.safeParse(raw ?? {});
  if (!parsed.success) return { ok: false, error: { code: 'invalid-input', message: describeZodError(name, parsed.error) } };
  try {
    const handler = handlers[name] as (ctx: AppContext, input: unknown) => unknown;
    const value = await handler(ctx, parsed.data);
    return { ok: true, value: value ?? null };
  } catch (err) {
    const info = toErrorInfo(err);
    if (info.code === 'internal') console.error(`[liaison] ${name} failed:`, err);
    return { ok: false, error: info };
  }
}
