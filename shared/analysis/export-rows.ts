/**
 * Engagements with everything resolved to names (participants, sides, coder, source titles), the
 * one input every engagement export writes from: CSV and XLSX flatten it through
 * `EXPORT_COLUMNS`, JSON writes it whole with its evidence spans and quotes.
 *
 * Codebook values are written by key (CONSULT, visit, counter-terrorism), not label: keys never
 * change while labels may be edited, and a file exported today must join with one exported next
 * year. Labels are carried beside the type and mode for readers who want them.
 */
import type { Codebook } from '../model/codebook';
import type {
  Confidence,
  DatePrecision,
  Engagement,
  EngagementStatus,
  EvidenceField,
} from '../model/engagement';
import { type ActorContext, createSideResolver, type NodeKind } from './sides';

export interface ExportParticipant {
  actorId: string;
  name: string;
  kind: NodeKind;
  role: string;
  title: string | null;
  /** The coded side, or the one derived from the actor (its country). */
  sideId: string | null;
  side: string | null;
}

export interface ExportSource {
  documentId: string;
  title: string | null;
  primary: boolean;
}

export interface ExportEvidence {
  id: string;
  field: EvidenceField;
  documentId: string;
  documentTitle: string | null;
  /** UTF-16 offsets into the document's immutable text. */
  start: number;
  end: number;
  quote: string;
}

export interface EngagementExportRow {
  id: string;
  date: string | null;
  precision: DatePrecision;
  inferred: boolean;
  dateBasis: string | null;
  type: string;
  typeLabel: string;
  mode: string | null;
  modeLabel: string | null;
  participants: ExportParticipant[];
  /** Distinct side names, in participant order. */
  sides: string[];
  place: string | null;
  /** ISO alpha-3 of where it happened. */
  country: string | null;
  topics: string[];
  outcomes: string[];
  notes: string;
  confidence: Confidence;
  status: EngagementStatus;
  coderId: string;
  coder: string;
  sources: ExportSource[];
  evidence: ExportEvidence[];
  codebookId: string;
  codebookVersion: number;
  revision: number;
  createdAt: string;
  updatedAt: string;
}

/** `Map<string, DocumentRow>` satisfies this. */
export type DocumentTitles = ReadonlyMap<string, { title: string | null }>;

export interface ExportRowOptions {
  resolve?: ActorContext['resolve'];
  countryName?: ActorContext['countryName'];
  /** Coder id -> display name; the id is written when a coder is unknown. */
  coders?: ReadonlyMap<string, string>;
}

export function toExportRows(
  engagements: readonly Engagement[],
  actors: ActorContext['actors'],
  codebook: Codebook,
  documents: DocumentTitles,
  options: ExportRowOptions = {},
): EngagementExportRow[] {
  const sides = createSideResolver({ actors, resolve: options.resolve, countryName: options.countryName });
  const titleOf = (documentId: string): string | null => documents.get(documentId)?.title ?? null;
  return engagements.map((e) => {
    const participants = e.participants.map((p): ExportParticipant => {
      const actor = sides.actorNode(p.actorId);
      const side = sides.sideOf(p);
      return { actorId: actor.id, name: actor.label, kind: actor.kind, role: p.role, title: p.title, sideId: side?.id ?? null, side: side?.label ?? null };
    });
    return {
      id: e.id,
      date: e.date.value,
      precision: e.date.precision,
      inferred: e.date.inferred,
      dateBasis: e.date.basis ?? null,
      type: e.type,
      typeLabel: codebook.types.find((t) => t.key === e.type)?.label ?? e.type,
      mode: e.mode,
      modeLabel: e.mode ? (codebook.modes.find((m) => m.key === e.mode)?.label ?? e.mode) : null,
      participants,
      sides: sides.sidesOf(e).map((s) => s.label),
      place: e.place,
      country: e.countryCode,
      topics: [...e.topics],
      outcomes: [...e.outcomes],
      notes: e.notes,
      confidence: e.confidence,
      status: e.status,
      coderId: e.coderId,
      coder: options.coders?.get(e.coderId) ?? e.coderId,
      sources: e.sources.map((s) => ({ documentId: s.documentId, title: titleOf(s.documentId), primary: s.primary })),
      evidence: e.evidence.map((s) => ({
        id: s.id,
        field: s.field,
        documentId: s.documentId,
        documentTitle: titleOf(s.documentId),
        start: s.start,
        end: s.end,
        quote: s.quote,
      })),
      codebookId: e.codebookId,
      codebookVersion: e.codebookVersion,
      revision: e.revision,
      createdAt: e.createdAt,
      updatedAt: e.updatedAt,
    };
  });
}

/** "Hussein Moallim (visitor, National Security Adviser, Somalia)": missing parts are left out. */
export function formatParticipant(p: ExportParticipant): string {
  const details = [p.role, p.title, p.side].filter((d): d is string => Boolean(d?.trim()));
  return details.length ? `${p.name} (${details.join(', ')})` : p.name;
}

/** Separator for lists inside one cell; `;` because names and titles contain commas. */
export const LIST_SEPARATOR = '; ';

export type CellValue = string | number | boolean | null;

export interface ExportColumn {
  header: string;
  /** Column width in characters, for XLSX. */
  width: number;
  value: (row: EngagementExportRow) => CellValue;
}

/** The flat table CSV and XLSX share, so the two files always have the same columns. */
export const EXPORT_COLUMNS: readonly ExportColumn[] = [
  { header: 'id', width: 38, value: (r) => r.id },
  { header: 'date', width: 12, value: (r) => r.date },
  { header: 'precision', width: 10, value: (r) => r.precision },
  { header: 'inferred', width: 9, value: (r) => r.inferred },
  { header: 'type', width: 12, value: (r) => r.type },
  { header: 'mode', width: 14, value: (r) => r.mode },
  { header: 'participants', width: 60, value: (r) => r.participants.map(formatParticipant).join(LIST_SEPARATOR) },
  { header: 'sides', width: 28, value: (r) => r.sides.join(LIST_SEPARATOR) },
  { header: 'place', width: 16, value: (r) => r.place },
  { header: 'country', width: 8, value: (r) => r.country },
  { header: 'topics', width: 30, value: (r) => r.topics.join(LIST_SEPARATOR) },
  { header: 'outcomes', width: 30, value: (r) => r.outcomes.join(LIST_SEPARATOR) },
  { header: 'status', width: 11, value: (r) => r.status },
  { header: 'coder', width: 16, value: (r) => r.coder },
  { header: 'sources', width: 8, value: (r) => r.sources.length },
  { header: 'source titles', width: 60, value: (r) => r.sources.map((s) => s.title ?? s.documentId).join(LIST_SEPARATOR) },
];
