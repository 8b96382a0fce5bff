import { randomUUID } from 'node:crypto';
import { DEFAULT_PRESET_ID, getPreset, PRESETS, parseCodebookJson } from '../../../shared/codebook';
import { AppError } from '../../../shared/errors';
import type { Codebook } from '../../../shared/model/codebook';
import type { Db } from '../../store/open';
import { appendAudit } from '../../store/repos/audit';
import { getCodebookVersion, listCodebooks, writeCodebookVersion } from '../../store/repos/codebooks';
import { getMeta, setMeta } from '../../store/repos/coders';
import { currentCoderId } from '../coders';
import { type AppContext, requireStore, requireWritable } from '../context';

function adopt(db: Db, template: Codebook, coderId: string): Codebook {
  const codebook: Codebook = { ...structuredClone(template), id: randomUUID(), version: 1 };
  writeCodebookVersion(db, codebook, coderId);
  setMeta(db, 'active_codebook_id', codebook.id);
  appendAudit(db, { coderId, entity: 'codebook', entityId: codebook.id, action: 'create', after: { name: codebook.name, version: 1, preset: codebook.preset ?? null } });
  return codebook;
}

/** The codebook new engagements are coded under; the default preset on first use. */
export function activeCodebook(ctx: AppContext): Codebook {
  const store = requireStore(ctx);
  const id = getMeta(store.db, 'active_codebook_id');
  const found = id ? getCodebookVersion(store.db, id) : null;
  if (found) return found;
  if (store.readOnly) return getPreset(DEFAULT_PRESET_ID)!;
  const coderId = currentCoderId(ctx);
  const codebook = store.db.transaction(() => adopt(store.db, getPreset(DEFAULT_PRESET_ID)!, coderId))();
  return codebook;
}

export function presets(): Codebook[] {
  return [...PRESETS];
}

export function list(ctx: AppContext): { id: string; name: string; currentVersion: number; active: boolean }[] {
  const { db } = requireStore(ctx);
  const active = getMeta(db, 'active_codebook_id');
  return listCodebooks(db).map((c) => ({ ...c, active: c.id === active }));
}

function parse(json: string): Codebook {
  try {
    return parseCodebookJson(json);
  } catch (err) {
    throw new AppError('invalid-input', `The codebook could not be read: ${(err as Error).message}`);
  }
}

/** Save an edited codebook as its next version. Values may be retired but never removed. */
export function save(ctx: AppContext, args: { json: string }): Codebook {
  const { db } = requireWritable(ctx);
  const next = parse(args.json);
  const current = getCodebookVersion(db, next.id);
  if (!current) throw new AppError('not-found', `There is no codebook ${next.id} in this project; import it instead.`);
  for (const list of ['types', 'modes', 'topics', 'roles', 'outcomes'] as const) {
    const keys = new Set(next[list].map((v) => v.key));
    const missing = current[list].filter((v) => !keys.has(v.key)).map((v) => v.key);
    if (missing.length) {
      throw new AppError('invalid-input', `${list}: ${missing.join(', ')} cannot be removed because old records may use them; retire them instead.`);
    }
  }
  // The editor bumps the version itself: anything else means the edit started from a stale copy.
  if (next.version !== current.version + 1 && next.version !== current.version) {
    throw new AppError('invalid-input', `This codebook was changed elsewhere (now version ${current.version}, the edit is based on version ${next.version - 1}); reload it and edit again.`);
  }
  const coderId = currentCoderId(ctx);
  const saved: Codebook = { ...next, version: current.version + 1 };
  db.transaction(() => {
    writeCodebookVersion(db, saved, coderId);
    appendAudit(db, { coderId, entity: 'codebook', entityId: saved.id, action: 'update', before: { version: current.version }, after: { version: saved.version } });
  })();
  ctx.emit('db.changed', { tables: ['codebooks'] });
  return saved;
}

export function importCodebook(ctx: AppContext, args: { json: string } | { presetId: string }): Codebook {
  const { db } = requireWritable(ctx);
  const template = 'json' in args ? parse(args.json) : getPreset(args.presetId);
  if (!template) throw new AppError('not-found', `There is no preset "${(args as { presetId: string }).presetId}". Presets: ${PRESETS.map((p) => p.id).join(', ')}.`);
  const coderId = currentCoderId(ctx);
  const codebook = db.transaction(() => adopt(db, template, coderId))();
  ctx.emit('db.changed', { tables: ['codebooks'] });
  return codebook;
}

export function exportCodebook(ctx: AppContext, args: { id: string; version?: number }): { fileName: string; json: string } {
  const { db } = requireStore(ctx);
  const codebook = getCodebookVersion(db, args.id, args.version);
  if (!codebook) throw new AppError('not-found', `There is no codebook ${args.id}${args.version ? ` version ${args.version}` : ''} in this project.`);
  const slug = codebook.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return { fileName: `${slug}-v${codebook.version}.json`, json: `${JSON.stringify(codebook, null, 2)}\n` };
}

/** The codebook version an engagement was coded under. */
export function codebookFor(db: Db, id: string, version: number): Codebook | null {
  return getCodebookVersion(db, id, version);
}
