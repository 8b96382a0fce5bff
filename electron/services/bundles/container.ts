/**
 * Packing and unpacking a bundle file, and every check that needs no project: is it a zip, are
 * all parts there (and nothing else), does each part match its SHA-256 in the manifest, is the
 * format known, do the parts read. A refusal names the part and the reason.
 */
import JSZip from 'jszip';
import { parseCodebookJson } from '../../../shared/codebook';
import { AppError } from '../../../shared/errors';
import type { Codebook } from '../../../shared/model/codebook';
import { auditHash } from '../../store/repos/audit';
import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  type BundleActor,
  type BundleAuditEntry,
  type BundleCoder,
  type BundleComment,
  type BundleDocument,
  type BundleEngagement,
  type BundleManifest,
  manifestHeadSchema,
  manifestSchema,
  PART_NAMES,
  PARTS_BY_VERSION,
  type PartName,
  partSchemas,
  READABLE_VERSIONS,
  sha256Hex,
} from './format';

export type RefusalReason = 'damaged' | 'altered' | 'unknown-format' | 'other-project' | 'missing-documents' | 'inconsistent';

/** A bundle that cannot be imported. The project was not changed. */
export class BundleRefused extends AppError {
  constructor(
    public readonly reason: RefusalReason,
    message: string,
    public readonly part?: string,
  ) {
    super('invalid-input', `The bundle was refused: ${message}`);
    this.name = 'BundleRefused';
  }
}

export interface BundleContents {
  manifest: BundleManifest;
  fileSha256: string;
  engagements: BundleEngagement[];
  actors: BundleActor[];
  documents: BundleDocument[];
  codebooks: Codebook[];
  coders: BundleCoder[];
  audit: BundleAuditEntry[];
  /** Empty for a version 1 bundle (made before comments travelled). */
  comments: BundleComment[];
}

export type BundleParts = Omit<BundleContents, 'manifest' | 'fileSha256'>;

const MANIFEST = 'manifest.json';

/** Write the parts and a manifest naming each part's SHA-256. */
export async function packBundle(head: Omit<BundleManifest, 'parts' | 'format' | 'formatVersion'>, parts: BundleParts): Promise<{ bytes: Buffer; manifest: BundleManifest }> {
  const texts: Record<PartName, string> = {
    'engagements.json': JSON.stringify(parts.engagements, null, 1),
    'actors.json': JSON.stringify(parts.actors, null, 1),
    'documents.json': JSON.stringify(parts.documents, null, 1),
    'codebooks.json': JSON.stringify(parts.codebooks, null, 1),
    'coders.json': JSON.stringify(parts.coders, null, 1),
    'audit.json': JSON.stringify(parts.audit, null, 1),
    'comments.json': JSON.stringify(parts.comments, null, 1),
  };
  const zip = new JSZip();
  const manifest: BundleManifest = { format: BUNDLE_FORMAT, formatVersion: BUNDLE_FORMAT_VERSION, ...head, parts: {} };
  for (const name of PART_NAMES) {
    const bytes = Buffer.from(texts[name], 'utf8');
    manifest.parts[name] = { sha256: sha256Hex(bytes), sizeBytes: bytes.length };
    zip.file(name, bytes);
  }
  zip.file(MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`);
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  return { bytes, manifest };
}

function parseJson(text: string, part: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new BundleRefused('damaged', `${part} is not valid JSON (${(err as Error).message}).`, part);
  }
}

function schemaProblem(part: string, error: { issues: { path: PropertyKey[]; message: string }[] }): BundleRefused {
  const first = error.issues[0];
  const where = first?.path.length ? ` at ${first.path.map(String).join('.')}` : '';
  return new BundleRefused('damaged', `${part} does not have the expected shape${where}: ${first?.message ?? 'unknown problem'}.`, part);
}

/** Read and check a bundle file. Throws BundleRefused with the reason; changes nothing. */
export async function readBundle(bytes: Uint8Array): Promise<BundleContents> {
  let zip: JSZip;
  try {
    // checkCRC32: a flipped byte in compressed data is reported as damage, not as garbage JSON.
    zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
  } catch (err) {
    // JSZip's own wording ends with a link to its documentation: keep only what went wrong.
    const detail = (err as Error).message.split(/\s+If it is, see|\s+see https?:/)[0]!.replace(/ : /g, ': ').replace(/ \?/g, '?').trim();
    throw new BundleRefused('damaged', `it is not a readable bundle file (${detail}).`);
  }
  const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
  if (!names.includes(MANIFEST)) throw new BundleRefused('damaged', 'manifest.json is missing; this is not a Liaison bundle or it is incomplete.', MANIFEST);
  const texts = new Map<string, string>();
  const raw = new Map<string, Uint8Array>();
  try {
    for (const name of names) {
      const data = await zip.files[name].async('uint8array');
      raw.set(name, data);
      texts.set(name, Buffer.from(data).toString('utf8'));
    }
  } catch (err) {
    throw new BundleRefused('damaged', `a part cannot be read (${(err as Error).message}).`);
  }
  const manifestRaw = parseJson(texts.get(MANIFEST) ?? '', MANIFEST);
  const head = manifestHeadSchema.safeParse(manifestRaw);
  if (!head.success || head.data.format !== BUNDLE_FORMAT) throw new BundleRefused('unknown-format', 'manifest.json does not name the liaison-bundle format.', MANIFEST);
  const partNames = PARTS_BY_VERSION[head.data.formatVersion];
  if (!partNames) {
    const newer = head.data.formatVersion > BUNDLE_FORMAT_VERSION;
    throw new BundleRefused(
      'unknown-format',
      `it is format version ${head.data.formatVersion}; this Liaison reads versions ${READABLE_VERSIONS.join(' and ')}${newer ? '. Update Liaison on this machine to import it' : ''}.`,
      MANIFEST,
    );
  }
  const parsedManifest = manifestSchema.safeParse(manifestRaw);
  if (!parsedManifest.success) throw schemaProblem(MANIFEST, parsedManifest.error);
  const manifest = parsedManifest.data;
  const foreignEntry = Object.keys(manifest.parts).find((n) => !(partNames as readonly string[]).includes(n));
  if (foreignEntry) throw new BundleRefused('damaged', `the manifest lists ${foreignEntry}, which a version ${manifest.formatVersion} bundle does not have.`, MANIFEST);
  for (const name of partNames) {
    if (!raw.has(name)) throw new BundleRefused('damaged', `the part ${name} is missing.`, name);
    const expected = manifest.parts[name];
    if (!expected) throw new BundleRefused('damaged', `the manifest gives no SHA-256 for ${name}.`, name);
    const actual = sha256Hex(raw.get(name) ?? new Uint8Array());
    if (actual !== expected.sha256) {
      throw new BundleRefused('altered', `the part ${name} was changed after the bundle was made (its SHA-256 is ${actual.slice(0, 12)}…, the manifest says ${expected.sha256.slice(0, 12)}…).`, name);
    }
  }
  // An unknown file could be a part of a newer format this version would silently ignore.
  const unexpected = names.filter((n) => n !== MANIFEST && !(partNames as readonly string[]).includes(n));
  if (unexpected.length) throw new BundleRefused('damaged', `it holds files a bundle does not have: ${unexpected.join(', ')}.`, unexpected[0]);
  const part = <N extends PartName>(name: N): ReturnType<(typeof partSchemas)[N]['parse']> => {
    const result = partSchemas[name].safeParse(parseJson(texts.get(name) ?? '', name));
    if (!result.success) throw schemaProblem(name, result.error);
    return result.data as ReturnType<(typeof partSchemas)[N]['parse']>;
  };
  const codebooks = part('codebooks.json').map((c, i) => {
    try {
      return parseCodebookJson(JSON.stringify(c));
    } catch (err) {
      throw new BundleRefused('damaged', `codebook ${i + 1} in codebooks.json does not read: ${(err as Error).message}`, 'codebooks.json');
    }
  });
  const audit = part('audit.json');
  for (const e of audit) {
    const row = { prev_hash: e.prevHash, at: e.at, coder_id: e.coderId, entity: e.entity, entity_id: e.entityId, action: e.action, before_json: e.beforeJson, after_json: e.afterJson };
    if (auditHash(row) !== e.hash) throw new BundleRefused('altered', `audit entry ${e.seq} in audit.json does not match its own hash.`, 'audit.json');
  }
  return {
    manifest,
    fileSha256: sha256Hex(bytes),
    engagements: part('engagements.json'),
    actors: part('actors.json'),
    documents: part('documents.json'),
    codebooks,
    coders: part('coders.json'),
    audit,
    comments: partNames.includes('comments.json') ? part('comments.json') : [],
  };
}
