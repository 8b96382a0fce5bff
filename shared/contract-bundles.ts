/**
 * The bundle part of the contract (spread into `calls` in contract.ts): coders on air-gapped
 * machines exchange their work as bundle files; importing merges by stable IDs and lists
 * conflicting edits for a reviewer instead of overwriting anything.
 * The format and the merge rules are described in electron/services/bundles/README.md.
 */
import { z } from 'zod';
import type { CallDef } from './contract';
import type { Actor } from './model/actor';
import type { Codebook } from './model/codebook';
import type { Engagement } from './model/engagement';

const call =
  <O>() =>
  <I extends z.ZodType>(input: I, doc: string): CallDef<I, O> => ({ input, doc });

const id = z.string().min(1).max(64);
/** A bundle travels as base64 over the contract; 400 MB of base64 is about 300 MB of zip. */
const base64 = z
  .string()
  .min(4, 'the bundle is empty')
  .max(400_000_000, 'the bundle is larger than 300 MB')
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64');

export type BundleEntity = 'engagement' | 'actor' | 'codebook' | 'coder';

export interface BundleCounts {
  engagements: number;
  actors: number;
  codebooks: number;
  coders: number;
  /**
   * Comments on engagements and articles (format version 2; 0 for a version 1 bundle). Comments
   * never change, so `updated.comments` is always 0 and they are never in `conflicts`.
   */
  comments: number;
}

/** What a bundle says about itself (its manifest, once the parts were checked against it). */
export interface BundleSummary {
  bundleId: string;
  formatVersion: number;
  project: { id: string; name: string };
  exportedBy: { id: string; name: string; initials: string };
  createdAt: string;
  filter: { coderId: string | null; since: string | null };
  codebooks: { id: string; version: number }[];
  counts: BundleCounts & { documents: number; auditEntries: number };
  /** SHA-256 of the whole bundle file, as recorded in the local audit log on import. */
  fileSha256: string;
}

/** An actor the bundle added that looks like one the project already had: for a reviewer to merge or not. */
export interface PossibleDuplicate {
  incomingId: string;
  localId: string;
  kind: Actor['kind'];
  name: string;
  localName: string;
  /** True only for countries: one actor per ISO code is a rule of the store, so it was merged. */
  merged: boolean;
}

export type BundleConflict = {
  id: string;
  importId: string;
  entityId: string;
  /** A human name for the record: "CONSULT 2023-04-04 (Baghdad)", an actor's name, a codebook's. */
  label: string;
  reason: string;
  status: 'open' | 'resolved';
  createdAt: string;
  resolution: 'local' | 'incoming' | null;
  resolvedAt: string | null;
  resolvedBy: string | null;
} & (
  | { entity: 'engagement'; local: Engagement & { deletedAt: string | null }; incoming: Engagement & { deletedAt: string | null } }
  | { entity: 'actor'; local: Actor; incoming: Actor }
  | { entity: 'codebook'; local: Codebook; incoming: Codebook }
);

export interface BundleReport {
  importId: string;
  bundle: BundleSummary;
  /** New records. */
  added: BundleCounts;
  /** Records the bundle changed on top of the version this project had (fast-forwarded). */
  updated: BundleCounts;
  /** Records this project already had, or already has a newer version of. */
  skipped: BundleCounts;
  /** Records changed on both sides: kept as they are here, both versions stored for review. */
  conflicts: BundleConflict[];
  possibleDuplicates: PossibleDuplicate[];
}

export const bundleCalls = {
  /** The work of the project (or of one coder, or since a time) as one bundle file, base64. */
  'bundles.export': call<{ fileName: string; base64: string; summary: BundleSummary }>()(
    z
      .object({
        coderId: id.optional(),
        since: z.iso.datetime({ offset: true, message: 'must be a time like 2024-05-01T00:00:00Z' }).optional(),
      })
      .strict(),
    'Export engagements, actors, comments, codebooks and their audit entries as a bundle file (base64).',
  ),
  /** Check a bundle file without importing it: damaged, altered, other project, unknown format. */
  'bundles.inspect': call<BundleSummary & { sameProject: boolean }>()(
    z.object({ base64 }).strict(),
    'Check a bundle and describe it; refuses a damaged, altered or unknown one with the reason.',
  ),
  /** Merge a bundle into the open project in one transaction; conflicts are listed, never overwritten. */
  'bundles.import': call<BundleReport>()(
    z.object({ base64 }).strict(),
    'Import a bundle: new records added, identical skipped, conflicting edits listed for review.',
  ),
  /** Conflicts recorded by bundle imports, oldest first (open ones by default). */
  'bundles.conflicts': call<BundleConflict[]>()(
    z.object({ status: z.enum(['open', 'resolved', 'all']).default('open') }).strict(),
    'Conflicts between local records and imported ones (open ones by default).',
  ),
  /** Keep the local version or take the incoming one; recorded in the audit log. */
  'bundles.resolve': call<BundleConflict>()(
    z.object({ id, take: z.enum(['local', 'incoming']) }).strict(),
    'Resolve a bundle conflict by keeping the local version or taking the incoming one.',
  ),
} as const;
