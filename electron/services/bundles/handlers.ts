import type { bundleCalls } from '../../../shared/contract-bundles';
import { getMeta } from '../../store/repos/coders';
import { currentCoderId } from '../coders';
import { requireStore, requireWritable } from '../context';
import type { Handler } from '../router';
import { listConflicts, resolveConflict } from './conflicts';
import { buildBundle } from './export';
import { BUNDLE_EXTENSION } from './format';
import { importBundle, inspectBundle } from './import';

const TABLES_TOUCHED = ['engagements', 'actors', 'codebooks', 'coders', 'comments', 'bundle_conflicts'];

/** A name that says whose work it is and when: `project-AB-2024-05-01T10-00-00.liaison-bundle`. */
function fileNameFor(projectName: string, initials: string, createdAt: string): string {
  const slug = projectName.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'project';
  return `${slug}-${initials.replace(/[^A-Za-z0-9]/g, '') || 'coder'}-${createdAt.slice(0, 19).replace(/:/g, '-')}${BUNDLE_EXTENSION}`;
}

/** The services behind the bundle calls (spread into the router's handler map). */
export const bundleHandlers: { [N in keyof typeof bundleCalls]: Handler<N> } = {
  'bundles.export': async (ctx, input) => {
    const { db } = requireStore(ctx);
    const { bytes, manifest } = await buildBundle(db, input);
    // Reading it back checks the file before it leaves the machine, and describes it.
    const summary = await inspectBundle(bytes);
    return { fileName: fileNameFor(getMeta(db, 'name') ?? '', manifest.exportedBy.initials, manifest.createdAt), base64: bytes.toString('base64'), summary };
  },
  'bundles.inspect': async (ctx, input) => {
    const { db } = requireStore(ctx);
    const summary = await inspectBundle(Buffer.from(input.base64, 'base64'));
    return { ...summary, sameProject: summary.project.id === getMeta(db, 'project_id') };
  },
  'bundles.import': async (ctx, input) => {
    const { db } = requireWritable(ctx);
    const report = await importBundle(db, Buffer.from(input.base64, 'base64'), { coderId: currentCoderId(ctx) });
    ctx.emit('db.changed', { tables: TABLES_TOUCHED });
    return report;
  },
  'bundles.conflicts': (ctx, input) => listConflicts(requireStore(ctx).db, input.status),
  'bundles.resolve': (ctx, input) => {
    const { db } = requireWritable(ctx);
    const resolved = resolveConflict(db, input.id, input.take, currentCoderId(ctx));
    ctx.emit('db.changed', { tables: TABLES_TOUCHED });
    return resolved;
  },
};
