/**
 * Per-field agreement between two coders, per document and pooled over the project.
 *
 * A unit is one engagement slot: a matched pair (A's value, B's value), or an engagement only one
 * coder made, whose other side is the distinct category "absent". Absent differs from every coded
 * value, so an event one coder missed lowers agreement on every field instead of vanishing from
 * the figures as missing data would (issue 6: "unmatched engagements count as disagreements").
 *
 * Fields and how they are compared:
 * - type, mode, status, country: nominal on the codebook key (no mode / no country is a value).
 * - place: nominal on the name trimmed, whitespace-collapsed and lower-cased, so "Baghdad" and
 *   "baghdad " agree: the text is free, and casing is not what a reviewer means by disagreement.
 * - date: nominal on the coded value, precision included (2023-04 vs 2023-04-03 differ; unknown is
 *   a value). All units, absent included.
 * - date-days: interval alpha on days since the epoch, over units where both coders gave a
 *   day-precision date. Absent, unknown, month and year have no position on a day scale, and a
 *   made-up distance for them would be a number nobody could interpret; so the interval figure is
 *   its own row, with its own (smaller) unit count, and the `date` row keeps the strict count.
 * - participants (resolved actor ids), topics, outcomes: sets. Percent agreement and kappa use set
 *   equality; alpha uses the MASI distance (stats.ts), which gives partial credit for overlap.
 *
 * Project figures pool the units of every document (not an average of per-document figures), so a
 * document with twenty engagements weighs more than one with two, as its units should.
 */
import type { Engagement } from '../model/engagement';
import { dayNumberOf, type MatchResult, participantActors } from './match';
import {
  type AlphaKind,
  type AlphaMetric,
  cohensKappa,
  type Figure,
  intervalMetric,
  krippendorffAlpha,
  type Margin,
  masiMetric,
  type Nominal,
  nominalMetric,
  pairwiseExpectedSum,
  percentAgreement,
} from './stats';

export const AGREEMENT_FIELDS = [
  'type',
  'mode',
  'date',
  'date-days',
  'place',
  'country',
  'participants',
  'topics',
  'outcomes',
  'status',
] as const;
export type AgreementField = (typeof AGREEMENT_FIELDS)[number];

export interface AgreementRow {
  scope: 'document' | 'project';
  /** Set on document rows only. */
  documentId?: string;
  field: AgreementField;
  /** Units behind percent agreement and kappa: pairs plus one-sided engagements (date-days: pairs both dated to the day). */
  units: number;
  percentAgreement: number | null;
  kappa: number | null;
  alpha: number | null;
  alphaKind: AlphaKind;
  /** Units and values behind alpha (alpha drops units with fewer than two values). */
  alphaUnits: number;
  alphaValues: number;
  /** Why any figure above is null; empty when all are defined. */
  note: string;
}

export interface DocumentMatch {
  documentId: string;
  match: MatchResult;
}

export interface AgreementOptions {
  /** The same resolver given to matchEngagements, so participants compare by surviving actor. */
  resolveActor?: (actorId: string) => string;
}

/** The other coder made no engagement here. A symbol cannot collide with any coded value. */
export const ABSENT: unique symbol = Symbol('absent');
export type Absent = typeof ABSENT;

// Keys that no codebook key or actor id produces (they start with a NUL).
const ABSENT_KEY = '\u0000absent';
const NONE = '\u0000none';
const UNKNOWN_DATE = '\u0000unknown';

type Cell<T> = T | Absent | null;
type FieldUnit<T> = readonly [Cell<T>, Cell<T>];

interface FieldSpec<T> {
  field: AgreementField;
  metric: AlphaMetric<T>;
  /** The engagement's value, or null when it cannot enter this field's figures at all. */
  read: (e: Engagement, options: AgreementOptions) => T | null;
  /** Whether one-sided engagements contribute a unit against ABSENT. */
  countsAbsent: boolean;
}

const isPresent = <T>(m: Margin<T | Absent>): m is Margin<T> => m.value !== ABSENT;

/** Absent is at the maximum distance (1 for nominal and MASI) from every coded value. */
function withAbsent<T>(metric: AlphaMetric<T>): AlphaMetric<T | Absent> {
  const inner = metric.expectedSum;
  return {
    kind: metric.kind,
    key: (v) => (v === ABSENT ? ABSENT_KEY : metric.key(v)),
    distance: (a, b) => (a === ABSENT || b === ABSENT ? 1 : metric.distance(a, b)),
    // Keep the metric's fast form: absent adds n_absent · n_present ordered both ways at δ² = 1.
    expectedSum: (margins) => {
      const present = margins.filter(isPresent);
      const absent = margins.reduce((sum, m) => sum + (m.value === ABSENT ? m.count : 0), 0);
      const presentCount = present.reduce((sum, m) => sum + m.count, 0);
      return (inner ? inner(present) : pairwiseExpectedSum(present, metric)) + 2 * absent * presentCount;
    },
  };
}

const nominalField = (field: AgreementField, read: (e: Engagement) => Nominal): FieldSpec<Nominal> => ({
  field,
  metric: nominalMetric,
  read,
  countsAbsent: true,
});

const setField = (field: AgreementField, read: (e: Engagement, o: AgreementOptions) => ReadonlySet<string>): FieldSpec<ReadonlySet<string>> => ({
  field,
  metric: masiMetric,
  read,
  countsAbsent: true,
});

const normalisePlace = (place: string | null): string => {
  const s = (place ?? '').normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
  return s === '' ? NONE : s;
};

const dateKey = (e: Engagement): string => (e.date.precision === 'unknown' || e.date.value === null ? UNKNOWN_DATE : e.date.value);

/** The units of one field for one document's match. */
function fieldUnits<T>(spec: FieldSpec<T>, match: MatchResult, options: AgreementOptions): FieldUnit<T>[] {
  const units: FieldUnit<T>[] = match.pairs.map((p) => [spec.read(p.a, options), spec.read(p.b, options)] as const);
  if (spec.countsAbsent) {
    for (const e of match.onlyA) units.push([spec.read(e, options), ABSENT]);
    for (const e of match.onlyB) units.push([ABSENT, spec.read(e, options)]);
  }
  return units;
}

/** "percent agreement, kappa: reason; alpha: other reason", grouping figures that share a reason. */
function noteFor(figures: ReadonlyArray<readonly [string, Figure]>): string {
  const byReason = new Map<string, string[]>();
  for (const [name, f] of figures) {
    if (f.reason === null) continue;
    byReason.set(f.reason, [...(byReason.get(f.reason) ?? []), name]);
  }
  return [...byReason].map(([reason, names]) => `${names.join(', ')}: ${reason}`).join('; ');
}

function rowFor<T>(spec: FieldSpec<T>, units: FieldUnit<T>[], scope: AgreementRow['scope'], documentId?: string): AgreementRow {
  if (spec.countsAbsent && spec.metric.kind === 'interval') throw new Error(`${spec.field}: absent has no place on an interval scale`);
  const metric = withAbsent(spec.metric);
  const percent = percentAgreement(units, metric);
  const kappa = cohensKappa(units, metric);
  const alpha = krippendorffAlpha(units, metric);
  const row: AgreementRow = {
    scope,
    field: spec.field,
    units: percent.units,
    percentAgreement: percent.value,
    kappa: kappa.value,
    alpha: alpha.value,
    alphaKind: spec.metric.kind,
    alphaUnits: alpha.units,
    alphaValues: alpha.values,
    note: noteFor([
      ['percent agreement', percent],
      ['kappa', kappa],
      [`alpha (${spec.metric.kind})`, alpha],
    ]),
  };
  if (documentId !== undefined) row.documentId = documentId;
  return row;
}

/** Accumulates one field: a row per document as it goes, and the pooled project row at the end. */
interface FieldAggregator {
  add(documentId: string, match: MatchResult): AgreementRow;
  project(): AgreementRow;
}

// A closure per field keeps each field's value type (string, set, day number) to itself while the
// caller walks all fields alike: no casts through a union of generic specs.
function aggregator<T>(spec: FieldSpec<T>, options: AgreementOptions): FieldAggregator {
  const pooled: FieldUnit<T>[] = [];
  return {
    add(documentId, match) {
      const units = fieldUnits(spec, match, options);
      pooled.push(...units);
      return rowFor(spec, units, 'document', documentId);
    },
    project: () => rowFor(spec, pooled, 'project'),
  };
}

const nominalReaders = {
  type: (e: Engagement): Nominal => e.type,
  mode: (e: Engagement): Nominal => e.mode ?? NONE,
  date: dateKey,
  place: (e: Engagement): Nominal => normalisePlace(e.place),
  country: (e: Engagement): Nominal => e.countryCode?.trim().toUpperCase() || NONE,
  status: (e: Engagement): Nominal => e.status,
} as const;
const setReaders = {
  participants: (e: Engagement, opts: AgreementOptions): ReadonlySet<string> => participantActors(e, opts.resolveActor),
  topics: (e: Engagement): ReadonlySet<string> => new Set(e.topics),
  outcomes: (e: Engagement): ReadonlySet<string> => new Set(e.outcomes),
} as const;

const FIELDS: Record<AgreementField, (options: AgreementOptions) => FieldAggregator> = {
  type: (o) => aggregator(nominalField('type', nominalReaders.type), o),
  mode: (o) => aggregator(nominalField('mode', nominalReaders.mode), o),
  date: (o) => aggregator(nominalField('date', nominalReaders.date), o),
  'date-days': (o) => aggregator({ field: 'date-days', metric: intervalMetric, read: (e) => dayNumberOf(e.date), countsAbsent: false }, o),
  place: (o) => aggregator(nominalField('place', nominalReaders.place), o),
  country: (o) => aggregator(nominalField('country', nominalReaders.country), o),
  participants: (o) => aggregator(setField('participants', setReaders.participants), o),
  topics: (o) => aggregator(setField('topics', setReaders.topics), o),
  outcomes: (o) => aggregator(setField('outcomes', setReaders.outcomes), o),
  status: (o) => aggregator(nominalField('status', nominalReaders.status), o),
};

/**
 * The coded fields on which two matched engagements differ, compared exactly as the agreement
 * figures compare them (the status, a workflow field, aside). Empty when the two coders agree.
 */
export function differingFields(a: Engagement, b: Engagement, options: AgreementOptions = {}): AgreementField[] {
  const out: AgreementField[] = [];
  for (const field of ['type', 'mode', 'date', 'place', 'country'] as const) if (nominalReaders[field](a) !== nominalReaders[field](b)) out.push(field);
  for (const field of ['participants', 'topics', 'outcomes'] as const) {
    const x = setReaders[field](a, options);
    const y = setReaders[field](b, options);
    if (x.size !== y.size || [...x].some((v) => !y.has(v))) out.push(field);
  }
  return out;
}

/**
 * One row per document and field, then one project row per field pooling every document's units.
 * Rows come in the order of `documents`, fields in AGREEMENT_FIELDS order.
 */
export function agreementRows(documents: readonly DocumentMatch[], options: AgreementOptions = {}): AgreementRow[] {
  const fields = AGREEMENT_FIELDS.map((field) => FIELDS[field](options));
  const rows: AgreementRow[] = [];
  for (const { documentId, match } of documents) {
    for (const f of fields) rows.push(f.add(documentId, match));
  }
  for (const f of fields) rows.push(f.project());
  return rows;
}
