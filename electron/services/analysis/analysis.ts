import { countryByCode } from '../../../shared/actors/countries';
import { buildGraph, createSideResolver, type EngagementGraph, expandDyads, groupByCountryPair, groupByPeriod, groupByTopic, groupByType, timelineSeries, toExportRows, toGexf, toGraphml, toPloverRecords } from '../../../shared/analysis';
import type { ActorContext } from '../../../shared/analysis/sides';
import type { AnalysisFilter, EngagementSort } from '../../../shared/contract-analysis';
import type { EngagementSummary } from '../../../shared/contract-coding';
import type { Codebook } from '../../../shared/model/codebook';
import type { Engagement } from '../../../shared/model/engagement';
import type { Db } from '../../store/open';
import { prepared } from '../../store/prepared';
import { resolveActorId } from '../../store/repos/actors';
import { getEngagement } from '../../store/repos/engagements';
import { activeCodebook } from '../coding/codebooks';
import { type AppContext, requireStore } from '../context';
import { dyadsCsv, engagementsCsv, engagementsJson, engagementsXlsx, ploverJson } from './exports';

/**
 * ORDER BY for each table sort, applied before the limit so the first rows are the right ones.
 * Rows without a value (undated, no place) come last either way; ties fall back to newest first.
 * Status sorts in workflow order, not alphabetically.
 */
function orderBy(sort: EngagementSort | undefined): string {
  if (!sort) return 'e.date_value DESC, e.id';
  const dir = sort.direction === 'asc' ? 'ASC' : 'DESC';
  const then = 'e.date_value IS NULL, e.date_value DESC, e.id';
  switch (sort.by) {
    case 'date':
      return `e.date_value IS NULL, e.date_value ${dir}, e.id ${dir}`;
    case 'type':
      return `e.type ${dir}, ${then}`;
    case 'place':
      return `e.place IS NULL, e.place COLLATE NOCASE ${dir}, ${then}`;
    case 'status':
      return `CASE e.status WHEN 'draft' THEN 0 WHEN 'coded' THEN 1 WHEN 'in-review' THEN 2 WHEN 'disputed' THEN 3 WHEN 'final' THEN 4 ELSE 5 END ${dir}, ${then}`;
    case 'updated':
      return `e.updated_at ${dir}, e.id`;
  }
}

/**
 * The filters become one SQL query over the engagement tables (indexed by type, date, actor and
 * value); only the matching engagements are loaded. Merged actors are resolved when filtering by
 * actor, so a filter on the surviving actor finds the merged one's engagements too.
 */
export function filteredIds(db: Db, f: AnalysisFilter, limit = 50_000, sort?: EngagementSort): string[] {
  // An adjudicated pair is counted once, as its final record.
  const where = ['e.deleted_at IS NULL', 'NOT EXISTS (SELECT 1 FROM adjudications j WHERE j.a_engagement_id = e.id OR j.b_engagement_id = e.id)'];
  const params: Record<string, unknown> = { limit };
  const list = (name: string, values: readonly string[]) => {
    values.forEach((v, i) => {
      params[`${name}${i}`] = v;
    });
    return values.map((_, i) => `$${name}${i}`).join(', ');
  };
  // A date stands for its whole period (2023-04 is April, 2023 the year): an engagement is in the
  // range when its period overlaps it, so a month- or year-only date is not lost to a day range.
  if (f.from) {
    // Its period ends on or after `from`: it starts after `from`, or it is a coarser prefix of it
    // (2023 and 2023-04 for 2023-04-15). Spelled as a range plus two equalities so the date index serves it.
    where.push('(e.date_value >= $from OR e.date_value IN ($fromYear, $fromMonth))');
    params.from = f.from;
    params.fromYear = f.from.slice(0, 4);
    params.fromMonth = f.from.slice(0, 7);
  }
  if (f.to) {
    // Its period starts on or before `to`: `to` of 2023-04 includes 2023-04-30, so compare against
    // the next possible value; a coarser date (2023 for 2023-04) sorts before `to` and is kept.
    where.push("e.date_value <= $to || '\uffff'");
    params.to = f.to;
  }
  if (f.types?.length) where.push(`e.type IN (${list('type', f.types)})`);
  if (f.statuses?.length) where.push(`e.status IN (${list('status', f.statuses)})`);
  if (f.topics?.length) where.push(`EXISTS (SELECT 1 FROM engagement_values v WHERE v.engagement_id = e.id AND v.list = 'topics' AND v.value IN (${list('topic', f.topics)}))`);
  if (f.actorIds?.length) {
    const ids = new Set<string>();
    for (const id of f.actorIds) {
      ids.add(id);
      for (const r of prepared<[string], { id: string }>(db, 'SELECT id FROM actors WHERE merged_into = ?').all(id)) ids.add(r.id);
    }
    const inList = list('actor', [...ids]);
    where.push(`EXISTS (SELECT 1 FROM engagement_participants p WHERE p.engagement_id = e.id AND (p.actor_id IN (${inList}) OR p.side_id IN (${inList})))`);
  }
  if (f.countries?.length) {
    const inList = list('country', f.countries);
    where.push(`(e.country_code IN (${inList}) OR EXISTS (SELECT 1 FROM engagement_participants p JOIN actors a ON a.id IN (p.actor_id, p.side_id)
      WHERE p.engagement_id = e.id AND a.country_code IN (${inList})))`);
  }
  if (f.engagementIds?.length) where.push(`e.id IN (SELECT value FROM json_each($ids))`);
  if (f.engagementIds?.length) params.ids = JSON.stringify(f.engagementIds);
  const sql = `SELECT e.id FROM engagements e WHERE ${where.join(' AND ')} ORDER BY ${orderBy(sort)} LIMIT $limit`;
  return (db.prepare(sql).all(params) as { id: string }[]).map((r) => r.id);
}

export function loadEngagements(db: Db, f: AnalysisFilter, limit?: number, sort?: EngagementSort): Engagement[] {
  return filteredIds(db, f, limit, sort).map((id) => getEngagement(db, id)!);
}

export function actorContext(db: Db): ActorContext {
  const actors = new Map(
    (prepared<[], { id: string; name: string; kind: 'person' | 'organisation' | 'country'; country_code: string | null }>(db, 'SELECT id, name, kind, country_code FROM actors').all()).map((a) => [
      a.id,
      { name: a.name, kind: a.kind, countryCode: a.country_code },
    ]),
  );
  return { actors, resolve: (id) => resolveActorId(db, id), countryName: (code) => countryByCode(code)?.name };
}

function coderNames(db: Db): Map<string, string> {
  return new Map((prepared<[], { id: string; name: string }>(db, 'SELECT id, name FROM coders').all()).map((c) => [c.id, c.name]));
}

export function engagements(ctx: AppContext, args: { filter: AnalysisFilter; limit: number; sort?: EngagementSort }): { rows: EngagementSummary[]; total: number } {
  const { db } = requireStore(ctx);
  const all = loadEngagements(db, args.filter, args.limit, args.sort);
  const actx = actorContext(db);
  const nameOf = (id: string) => actx.actors.get(actx.resolve!(id))?.name ?? '?';
  const sides = createSideResolver(actx);
  const coders = coderNames(db);
  return {
    // A full page may not be all: count the ids (cheap) so the table can say how many it leaves out.
    total: all.length === args.limit ? filteredIds(db, args.filter).length : all.length,
    rows: all.map((e) => ({
      id: e.id,
      type: e.type,
      mode: e.mode,
      date: e.date,
      place: e.place,
      status: e.status,
      participants: e.participants.map((p) => ({ id: p.id, actorId: p.actorId, name: nameOf(p.actorId), role: p.role, title: p.title, side: p.sideId ? nameOf(p.sideId) : null })),
      documentIds: e.sources.map((s) => s.documentId),
      coderId: e.coderId,
      updatedAt: e.updatedAt,
      topics: e.topics,
      outcomes: e.outcomes,
      countryCode: e.countryCode,
      sides: sides.sidesOf(e).map((s) => ({ id: s.id, label: s.label })),
      coderName: coders.get(e.coderId),
    })),
  };
}

export function graph(ctx: AppContext, args: { level: 'actors' | 'sides'; filter: AnalysisFilter }): EngagementGraph {
  const { db } = requireStore(ctx);
  const codebook = activeCodebook(ctx);
  return buildGraph(loadEngagements(db, args.filter), args.level, actorContext(db), { typeOrder: codebook.types.map((t) => t.key) });
}

export function groups(ctx: AppContext, args: { by: 'country-pair' | 'type' | 'topic' | 'week' | 'month' | 'year'; filter: AnalysisFilter }) {
  const { db } = requireStore(ctx);
  const list = loadEngagements(db, args.filter);
  const codebook = activeCodebook(ctx);
  switch (args.by) {
    case 'country-pair':
      return groupByCountryPair(list, actorContext(db));
    case 'type':
      return groupByType(list, codebook);
    case 'topic':
      return groupByTopic(list, codebook);
    default:
      return groupByPeriod(list, args.by);
  }
}

export function timeline(ctx: AppContext, args: { unit: 'week' | 'month' | 'year'; filter: AnalysisFilter }) {
  const { db } = requireStore(ctx);
  return timelineSeries(loadEngagements(db, args.filter), args.unit, { typeOrder: activeCodebook(ctx).types.map((t) => t.key) });
}

const positionsKey = (level: string) => `graph.positions.${level}`;

export function positions(ctx: AppContext, args: { level: string }): Record<string, { x: number; y: number; pinned?: boolean }> {
  const { db } = requireStore(ctx);
  const row = prepared<[string], { value_json: string }>(db, 'SELECT value_json FROM settings WHERE key = ?').get(positionsKey(args.level));
  return row ? (JSON.parse(row.value_json) as Record<string, { x: number; y: number; pinned?: boolean }>) : {};
}

export function savePositions(ctx: AppContext, args: { level: string; positions: Record<string, { x: number; y: number; pinned?: boolean }> }): null {
  const { db } = requireStore(ctx);
  const merged = { ...positions(ctx, args), ...args.positions };
  prepared(db, 'INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at').run(
    positionsKey(args.level),
    JSON.stringify(merged),
    new Date().toISOString(),
  );
  return null;
}

function exportInputs(ctx: AppContext, filter: AnalysisFilter): { list: Engagement[]; codebook: Codebook; actx: ActorContext; db: Db } {
  const { db } = requireStore(ctx);
  return { db, list: loadEngagements(db, filter), codebook: activeCodebook(ctx), actx: actorContext(db) };
}

export async function exportEngagements(ctx: AppContext, args: { format: 'csv' | 'xlsx' | 'json' | 'plover' | 'dyads'; filter: AnalysisFilter }): Promise<{ fileName: string; mime: string; text?: string; base64?: string }> {
  const { db, list, codebook, actx } = exportInputs(ctx, args.filter);
  const stamp = new Date().toISOString().slice(0, 10);
  const coders = coderNames(db);
  if (args.format === 'plover') return { fileName: `engagements-plover-${stamp}.json`, mime: 'application/json', text: ploverJson(toPloverRecords(list, actx, codebook, { coders })) };
  if (args.format === 'dyads') return { fileName: `engagements-dyads-${stamp}.csv`, mime: 'text/csv', text: dyadsCsv(expandDyads(list, actx, codebook)) };
  const titles = new Map((prepared<[], { id: string; title: string | null }>(db, 'SELECT id, title FROM documents').all()).map((d) => [d.id, { title: d.title }]));
  const rows = toExportRows(list, actx.actors, codebook, titles, { resolve: actx.resolve, countryName: actx.countryName, coders });
  if (args.format === 'csv') return { fileName: `engagements-${stamp}.csv`, mime: 'text/csv', text: engagementsCsv(rows) };
  if (args.format === 'json') return { fileName: `engagements-${stamp}.json`, mime: 'application/json', text: engagementsJson(rows, { project: ctx.store?.info().name }) };
  const buffer = await engagementsXlsx(rows);
  return { fileName: `engagements-${stamp}.xlsx`, mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', base64: buffer.toString('base64') };
}

export function exportGraph(ctx: AppContext, args: { level: 'actors' | 'sides'; format: 'gexf' | 'graphml'; filter: AnalysisFilter }): { fileName: string; mime: string; text: string } {
  const g = graph(ctx, args);
  const stamp = new Date().toISOString().slice(0, 10);
  return args.format === 'gexf'
    ? { fileName: `network-${args.level}-${stamp}.gexf`, mime: 'application/xml', text: toGexf(g) }
    : { fileName: `network-${args.level}-${stamp}.graphml`, mime: 'application/xml', text: toGraphml(g) };
}
