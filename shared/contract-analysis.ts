/**
 * The analysis part of the contract (spread into `calls` in contract.ts): filtered engagements,
 * the network at two levels, groups, timeline, stored layouts, and exports.
 */
import { z } from 'zod';
import type { EngagementGraph, EngagementGroup, TimelineSeries } from './analysis';
import type { CallDef } from './contract';
import type { EngagementSummary } from './contract-coding';

const call =
  <O>() =>
  <I extends z.ZodType>(input: I, doc: string): CallDef<I, O> => ({ input, doc });

const isoPartial = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be a date like 2023, 2023-04 or 2023-04-04');

/** The filters the table, the graph and the timeline share. */
export const analysisFilterSchema = z
  .object({
    from: isoPartial.optional(),
    to: isoPartial.optional(),
    types: z.array(z.string().min(1).max(80)).max(50).optional(),
    topics: z.array(z.string().min(1).max(80)).max(100).optional(),
    actorIds: z.array(z.string().min(1).max(64)).max(200).optional(),
    countries: z.array(z.string().regex(/^[A-Z]{3}$/)).max(200).optional(),
    statuses: z.array(z.enum(['draft', 'coded', 'in-review', 'disputed', 'final', 'adjudicated'])).max(6).optional(),
    /** Only these engagements (a selection made in the graph). */
    engagementIds: z.array(z.string().min(1).max(64)).max(50_000).optional(),
  })
  .strict();
export type AnalysisFilter = z.infer<typeof analysisFilterSchema>;

const level = z.enum(['actors', 'sides']);

/** The order of the engagements table, applied in SQL before the limit (undated and unplaced last). */
export const engagementSortSchema = z.object({ by: z.enum(['date', 'type', 'place', 'status', 'updated']), direction: z.enum(['asc', 'desc']) }).strict();
export type EngagementSort = z.infer<typeof engagementSortSchema>;

export const analysisCalls = {
  /** Engagements matching the filters (filtered and sorted in SQL), newest first unless `sort` says otherwise. */
  'analysis.engagements': call<{ rows: EngagementSummary[]; total: number }>()(
    z.object({ filter: analysisFilterSchema.default({}), limit: z.number().int().min(1).max(50_000).default(5000), sort: engagementSortSchema.optional() }).strict(),
    'Engagements matching the filters.',
  ),
  /** The network of actors or sides for the filtered engagements. */
  'analysis.graph': call<EngagementGraph>()(z.object({ level, filter: analysisFilterSchema.default({}) }).strict(), 'The network at one level for the filtered engagements.'),
  /** Counts of the filtered engagements grouped by country pair, type, topic or period. */
  'analysis.groups': call<EngagementGroup[]>()(
    z.object({ by: z.enum(['country-pair', 'type', 'topic', 'week', 'month', 'year']), filter: analysisFilterSchema.default({}) }).strict(),
    'Grouped counts of the filtered engagements.',
  ),
  /** Engagements per period, stacked by type. */
  'analysis.timeline': call<TimelineSeries>()(z.object({ unit: z.enum(['week', 'month', 'year']), filter: analysisFilterSchema.default({}) }).strict(), 'Engagements per period by type.'),
  /** Stored node positions of a graph level, so the picture is the same next time. */
  'analysis.positions': call<Record<string, { x: number; y: number; pinned?: boolean }>>()(z.object({ level }).strict(), 'Stored node positions of a graph level.'),
  'analysis.savePositions': call<null>()(
    z
      .object({
        level,
        positions: z.record(z.string().max(100), z.object({ x: z.number().finite(), y: z.number().finite(), pinned: z.boolean().optional() }).strict()),
      })
      .strict(),
    'Store node positions of a graph level (merged with the stored ones).',
  ),
  /** The filtered engagements as a file. Text formats come as text, XLSX as base64. */
  'analysis.export': call<{ fileName: string; mime: string; text?: string; base64?: string }>()(
    z.object({ format: z.enum(['csv', 'xlsx', 'json', 'plover', 'dyads']), filter: analysisFilterSchema.default({}) }).strict(),
    'Export the filtered engagements (CSV, XLSX, JSON, PLOVER JSON, CAMEO-style dyads).',
  ),
  /** The current graph as GEXF or GraphML (for Gephi). */
  'analysis.exportGraph': call<{ fileName: string; mime: string; text: string }>()(
    z.object({ level, format: z.enum(['gexf', 'graphml']), filter: analysisFilterSchema.default({}) }).strict(),
    'Export the graph as GEXF or GraphML.',
  ),
} as const;
