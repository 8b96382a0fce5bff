/**
 * The coding part of the contract (spread into `calls` in contract.ts, which stays the one list).
 * Mutations answer their inverse command, so the renderer's undo stack can replay it.
 */
import { z } from 'zod';
import type { CallDef } from './contract';
import type { Actor, TextSuggestion } from './model/actor';
import type { Codebook } from './model/codebook';
import type { Engagement } from './model/engagement';

const call =
  <O>() =>
  <I extends z.ZodType>(input: I, doc: string): CallDef<I, O> => ({ input, doc });

const id = z.string().min(1).max(64);
const isoPartial = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be a date like 2023, 2023-04 or 2023-04-04');
const countryCode = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 3166-1 alpha-3 code like IRQ');

export const engagementDateSchema = z
  .object({
    value: isoPartial.nullable(),
    precision: z.enum(['day', 'month', 'year', 'unknown']),
    inferred: z.boolean(),
    basis: z.string().max(500).optional(),
  })
  .strict();

export const evidenceSchema = z
  .object({
    id: id.optional(),
    documentId: id,
    field: z.string().regex(/^(type|mode|date|place|topics|outcomes|notes|participant:[\w-]+)$/, 'must name a field of the engagement'),
    start: z.number().int().min(0),
    end: z.number().int().min(1),
    quote: z.string().min(1).max(20_000),
  })
  .strict()
  .refine((e) => e.end > e.start, { message: 'end must be after start', path: ['end'] });

export const participantSchema = z
  .object({
    id: id.optional(),
    actorId: id,
    role: z.string().min(1).max(80),
    title: z.string().trim().max(300).nullable(),
    sideId: id.nullable(),
  })
  .strict();

export const engagementInputSchema = z
  .object({
    id: id.optional(),
    type: z.string().min(1).max(80),
    mode: z.string().min(1).max(80).nullable(),
    date: engagementDateSchema,
    place: z.string().trim().max(300).nullable(),
    countryCode: countryCode.nullable(),
    participants: z.array(participantSchema).max(200),
    topics: z.array(z.string().min(1).max(80)).max(100),
    outcomes: z.array(z.string().min(1).max(80)).max(100),
    notes: z.string().max(20_000),
    confidence: z.enum(['low', 'medium', 'high']),
    status: z.enum(['draft', 'coded', 'in-review', 'disputed', 'final', 'adjudicated']),
    sources: z.array(z.object({ documentId: id, primary: z.boolean() }).strict()).min(1, 'an engagement needs at least one source article').max(100),
    evidence: z.array(evidenceSchema).max(2000),
  })
  .strict();
export type EngagementInput = z.input<typeof engagementInputSchema>;

export const actorInputSchema = z
  .object({
    id: id.optional(),
    kind: z.enum(['person', 'organisation', 'country']),
    name: z.string().trim().min(1, 'an actor needs a name').max(300),
    aliases: z.array(z.string().trim().min(1).max(300)).max(200),
    countryCode: countryCode.nullable(),
    roles: z
      .array(
        z
          .object({
            id: id.optional(),
            title: z.string().trim().min(1).max(300),
            organisationId: id.nullable(),
            countryCode: countryCode.nullable(),
            from: isoPartial.nullable(),
            to: isoPartial.nullable(),
          })
          .strict(),
      )
      .max(100),
    notes: z.string().max(20_000),
  })
  .strict();
export type ActorInput = z.input<typeof actorInputSchema>;

/** What undo and redo replay. Each applied command answers its own inverse. */
export const codingCommandSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('engagement.save'), engagement: engagementInputSchema.extend({ id }) }).strict(),
  z.object({ op: z.literal('engagement.delete'), id }).strict(),
  z.object({ op: z.literal('actor.save'), actor: actorInputSchema.extend({ id }) }).strict(),
  z.object({ op: z.literal('actor.delete'), id }).strict(),
  z.object({ op: z.literal('actor.merge'), sourceId: id, targetId: id }).strict(),
  z.object({ op: z.literal('actor.unmerge'), id }).strict(),
]);
export type CodingCommand = z.infer<typeof codingCommandSchema>;

/** One place an actor appears in the coded engagements. */
export interface Participation {
  participantId: string;
  engagementId: string;
  documentId: string | null;
  documentTitle: string | null;
  type: string;
  mode: string | null;
  date: string | null;
  status: string;
  /** The title the participant held at the time. */
  title: string | null;
  role: string;
  /** 'actor': the actor took part; 'side': a participant acted for this country or organisation. */
  via: 'actor' | 'side';
  /** The participant's side (via 'actor') or the participant (via 'side'). */
  otherName: string | null;
}

export interface EngagementSummary {
  id: string;
  type: string;
  mode: string | null;
  date: Engagement['date'];
  place: string | null;
  status: Engagement['status'];
  participants: { id: string; actorId: string; name: string; role: string; title: string | null; side: string | null }[];
  documentIds: string[];
  coderId: string;
  updatedAt: string;
  /** Filled by `analysis.engagements` (the analysis table); other listings may leave them out. */
  topics?: string[];
  outcomes?: string[];
  /** ISO alpha-3 of where it happened. */
  countryCode?: string | null;
  /** Distinct sides (countries, organisations) in participant order, as the graph and groups see them. */
  sides?: { id: string; label: string }[];
  coderName?: string;
}

export const codingCalls = {
  /** The active codebook of the project (created from the default preset on first use). */
  'codebooks.active': call<Codebook>()(z.object({}).strict(), 'The codebook new engagements are coded under.'),
  /** The shipped presets. */
  'codebooks.presets': call<Codebook[]>()(z.object({}).strict(), 'The codebook presets shipped with Liaison.'),
  /** Every codebook of the project with its versions. */
  'codebooks.list': call<{ id: string; name: string; currentVersion: number; active: boolean }[]>()(z.object({}).strict(), 'Codebooks of the project.'),
  /** Save an edited codebook as a new version (values are retired, never removed). */
  'codebooks.save': call<Codebook>()(z.object({ json: z.string().min(2).max(2_000_000) }).strict(), 'Save a codebook (JSON) as its next version.'),
  /** Import a codebook from JSON as a new codebook, or start one from a preset, and make it active. */
  'codebooks.import': call<Codebook>()(
    z.union([z.object({ json: z.string().min(2).max(2_000_000) }).strict(), z.object({ presetId: z.string().min(1).max(80) }).strict()]),
    'Import a codebook from JSON or a preset and make it active.',
  ),
  /** A codebook version as JSON, for export. */
  'codebooks.export': call<{ fileName: string; json: string }>()(
    z.object({ id, version: z.number().int().min(1).optional() }).strict(),
    'A codebook version as JSON.',
  ),

  /** Engagements coded from a document (not deleted), in coding order. */
  'engagements.forDocument': call<Engagement[]>()(z.object({ documentId: id }).strict(), 'Engagements whose sources include a document.'),
  /** One engagement in full. */
  'engagements.get': call<Engagement>()(z.object({ id }).strict(), 'One engagement in full.'),
  /** All engagements, newest first, a page at a time. */
  'engagements.list': call<{ rows: EngagementSummary[]; total: number; nextCursor: string | null }>()(
    z.object({ limit: z.number().int().min(1).max(500).default(100), cursor: z.string().max(200).nullable().default(null) }).strict(),
    'A page of engagements with their participants.',
  ),
  /** Create or update an engagement; validated against its codebook; answers the inverse. */
  'engagements.save': call<{ engagement: Engagement; inverse: CodingCommand; issues: { field: string; message: string; severity: 'error' | 'warning' }[] }>()(
    z.object({ engagement: engagementInputSchema }).strict(),
    'Save an engagement (drafts may be incomplete); answers the command that undoes it.',
  ),
  /** Delete an engagement (kept for undo and the audit trail); answers the inverse. */
  'engagements.delete': call<{ inverse: CodingCommand }>()(z.object({ id }).strict(), 'Delete an engagement; answers the command that restores it.'),
  /** Replay an undo or redo command; answers its inverse. */
  'coding.apply': call<{ inverse: CodingCommand }>()(z.object({ command: codingCommandSchema }).strict(), 'Apply an undo/redo command; answers its inverse.'),

  /** Actors matching a query (names, aliases, fuzzy), or all when the query is empty. */
  'actors.list': call<Actor[]>()(
    z
      .object({
        query: z.string().max(300).default(''),
        kind: z.enum(['person', 'organisation', 'country']).optional(),
        limit: z.number().int().min(1).max(1000).default(200),
      })
      .strict(),
    'Actors matching a query, best first.',
  ),
  'actors.get': call<Actor>()(z.object({ id }).strict(), 'One actor with aliases and roles.'),
  /** Create or update an actor; answers the inverse. */
  'actors.save': call<{ actor: Actor; inverse: CodingCommand }>()(z.object({ actor: actorInputSchema }).strict(), 'Create or update an actor.'),
  /** Every country (ISO alpha-3 and name), for pickers: the country data stays in main. */
  'actors.countries': call<{ code: string; name: string }[]>()(z.object({}).strict(), 'All countries with their ISO alpha-3 codes.'),
  /** The country actor for an ISO code, created on first use. */
  'actors.country': call<Actor>()(z.object({ countryCode }).strict(), 'The country actor for an ISO alpha-3 code.'),
  /** Merge source into target: every reference to source reads as target. Reversible. */
  'actors.merge': call<{ inverse: CodingCommand }>()(z.object({ sourceId: id, targetId: id }).strict(), 'Merge one actor into another (reversible).'),
  /** Where an actor takes part: each participation with its engagement, for splitting. */
  'actors.participations': call<Participation[]>()(
    z.object({ id }).strict(),
    'Where an actor takes part in engagements, as a participant or as the side one acted for.',
  ),
  /** Split: move the given participations (and aliases) of an actor to a new actor. */
  'actors.split': call<{ actor: Actor }>()(
    z.object({ id, name: z.string().trim().min(1).max(300), participantIds: z.array(id).max(10_000), aliases: z.array(z.string()).max(200) }).strict(),
    'Split some participations of an actor off into a new actor.',
  ),

  /** Countries, capitals, organisations, titled names, known actors and dates found in a document. */
  'documents.suggestions': call<TextSuggestion[]>()(z.object({ documentId: id }).strict(), 'Offline suggestions (actors, places, dates) in a document.'),
} as const;
