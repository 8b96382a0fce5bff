/**
 * The bundle file format (see README.md beside this file): a zip holding manifest.json and the
 * JSON parts of its version. Version 2 (written since comments travel) adds comments.json to the
 * six parts of version 1; both are read. The schemas here are what an import accepts: a bundle
 * comes from another machine, so every part is validated before anything touches the project.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { actorInputSchema, engagementInputSchema } from '../../../shared/contract-coding';

export const BUNDLE_FORMAT = 'liaison-bundle';
/** The version this Liaison writes. */
export const BUNDLE_FORMAT_VERSION = 2;
export const BUNDLE_EXTENSION = '.liaison-bundle';

/** Every part but the manifest, in the order they are written. The manifest holds their hashes. */
export const PART_NAMES = ['engagements.json', 'actors.json', 'documents.json', 'codebooks.json', 'coders.json', 'audit.json', 'comments.json'] as const;
export type PartName = (typeof PART_NAMES)[number];

/**
 * The exact set of parts of each version this Liaison reads: a part missing from the set, or a
 * file outside it, is damage (or a newer format that would otherwise be half read).
 */
export const PARTS_BY_VERSION: Readonly<Record<number, readonly PartName[]>> = {
  1: PART_NAMES.filter((n) => n !== 'comments.json'),
  2: PART_NAMES,
};
export const READABLE_VERSIONS = Object.keys(PARTS_BY_VERSION).map(Number);

const id = z.string().min(1).max(64);
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in hex');
const isoTime = z.string().min(10).max(40);

/** Checked on its own first, so a newer format is named as such rather than as a schema error. */
export const manifestHeadSchema = z.object({ format: z.string(), formatVersion: z.number() });

export const manifestSchema = z
  .object({
    format: z.literal(BUNDLE_FORMAT),
    formatVersion: z.number().int().refine((v) => READABLE_VERSIONS.includes(v), 'must be a version this Liaison reads'),
    bundleId: id,
    project: z.object({ id, name: z.string().max(300) }).strict(),
    codebooks: z.array(z.object({ id, version: z.number().int().min(1) }).strict()),
    exportedBy: z.object({ id, name: z.string().max(300), initials: z.string().max(8) }).strict(),
    filter: z.object({ coderId: id.nullable(), since: isoTime.nullable() }).strict(),
    createdAt: isoTime,
    parts: z.record(z.string(), z.object({ sha256, sizeBytes: z.number().int().min(0) }).strict()),
  })
  .strict();
export type BundleManifest = z.infer<typeof manifestSchema>;

/** Content hashes of earlier states of a record (see lineage.ts). */
const lineage = z.array(sha256).max(100_000);

export const engagementRecordSchema = engagementInputSchema
  .extend({
    id,
    codebookId: id,
    codebookVersion: z.number().int().min(1),
    coderId: id,
    createdAt: isoTime,
    updatedAt: isoTime,
    revision: z.number().int().min(0),
    deletedAt: isoTime.nullable(),
    lineage,
  })
  .strict();
export type BundleEngagement = z.infer<typeof engagementRecordSchema>;

export const actorRecordSchema = actorInputSchema
  .extend({
    id,
    mergedInto: id.nullable(),
    coderId: id,
    lineage,
  })
  .strict();
export type BundleActor = z.infer<typeof actorRecordSchema>;

export const documentRefSchema = z
  .object({ id, sha256, recordIndex: z.number().int().min(0), title: z.string().max(2000).nullable() })
  .strict();
export type BundleDocument = z.infer<typeof documentRefSchema>;

export const coderSchema = z
  .object({ id, name: z.string().min(1).max(300), initials: z.string().max(8), color: z.string().max(20), createdAt: isoTime })
  .strict();
export type BundleCoder = z.infer<typeof coderSchema>;

/** An audit entry exactly as the exporting machine stored it: the JSON texts are what its hash covers. */
export const auditEntrySchema = z
  .object({
    seq: z.number().int().min(1),
    at: isoTime,
    coderId: id,
    entity: z.string().min(1).max(64),
    entityId: z.string().min(1).max(200),
    action: z.string().min(1).max(64),
    beforeJson: z.string().nullable(),
    afterJson: z.string().nullable(),
    prevHash: sha256,
    hash: sha256,
  })
  .strict();
export type BundleAuditEntry = z.infer<typeof auditEntrySchema>;

/**
 * A comment exactly as written (comments never change). `entityId` of a document comment is the
 * exporting machine's document id, listed in documents.json (ids differ between machines).
 */
export const commentRecordSchema = z
  .object({
    id,
    entity: z.enum(['engagement', 'document']),
    entityId: id,
    parentId: id.nullable(),
    coderId: id,
    body: z.string().min(1).max(20_000),
    at: isoTime,
  })
  .strict();
export type BundleComment = z.infer<typeof commentRecordSchema>;

/** Codebooks are validated by shared/codebook when read (they have their own schema). */
export const partSchemas = {
  'engagements.json': z.array(engagementRecordSchema),
  'actors.json': z.array(actorRecordSchema),
  'documents.json': z.array(documentRefSchema),
  'codebooks.json': z.array(z.unknown()),
  'coders.json': z.array(coderSchema),
  'audit.json': z.array(auditEntrySchema),
  'comments.json': z.array(commentRecordSchema),
} as const satisfies Record<PartName, z.ZodType>;

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * JSON with object keys sorted at every level: two machines that hold the same record produce the
 * same text, so its hash is a machine-independent identity of the content.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}
