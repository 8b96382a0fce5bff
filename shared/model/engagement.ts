/**
 * One record per real-world engagement (not per article, not per pair of parties). Every field
 * can be backed by evidence spans in the immutable text of the articles that report it.
 */
export type DatePrecision = 'day' | 'month' | 'year' | 'unknown';

export interface EngagementDate {
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY` to match the precision; null when unknown. */
  value: string | null;
  precision: DatePrecision;
  /** Resolved from a relative expression (`Monday`, `late Sunday`) rather than stated. */
  inferred: boolean;
  /** What it was resolved from, e.g. `"Monday" before 2023-04-04 (published)`. */
  basis?: string;
}

/** The field an evidence span backs: a top-level field, or one participant's facet. */
export type EvidenceField =
  | 'type'
  | 'mode'
  | 'date'
  | 'place'
  | 'topics'
  | 'outcomes'
  | 'notes'
  | `participant:${string}`;

export interface EvidenceSpan {
  id: string;
  documentId: string;
  field: EvidenceField;
  /** UTF-16 offsets into the document's immutable text. */
  start: number;
  end: number;
  /** The text at [start, end) when the span was made: checked against the text when shown. */
  quote: string;
}

export interface Participant {
  id: string;
  actorId: string;
  /** Codebook role key: visitor, host, participant, mediator, signatory ... */
  role: string;
  /** The title held at the time, as the article gives it. */
  title: string | null;
  /** The side they act for: a country or organisation actor. */
  sideId: string | null;
}

export type EngagementStatus = 'draft' | 'coded' | 'in-review' | 'disputed' | 'final' | 'adjudicated';
export type Confidence = 'low' | 'medium' | 'high';

export interface EngagementSource {
  documentId: string;
  /** The article the engagement was first coded from. */
  primary: boolean;
}

export interface Engagement {
  id: string;
  codebookId: string;
  codebookVersion: number;
  type: string;
  mode: string | null;
  date: EngagementDate;
  place: string | null;
  /** ISO alpha-3 of where it happened. */
  countryCode: string | null;
  participants: Participant[];
  topics: string[];
  outcomes: string[];
  notes: string;
  confidence: Confidence;
  status: EngagementStatus;
  /** Who coded this record (the author); changes are in the audit log under their coder. */
  coderId: string;
  sources: EngagementSource[];
  evidence: EvidenceSpan[];
  createdAt: string;
  updatedAt: string;
  /** Increases on every save; the audit log keeps each version. */
  revision: number;
}

/** What a coder edits: an engagement without its bookkeeping (codebook, author, times, revision). */
export type CodedFields = Pick<Engagement, 'id' | 'type' | 'mode' | 'date' | 'place' | 'countryCode' | 'participants' | 'topics' | 'outcomes' | 'notes' | 'confidence' | 'status' | 'sources' | 'evidence'>;

/**
 * The coded fields of an engagement: the input that recreates it exactly (undo inverses, audit
 * snapshots, restores) and the coding screen's editable draft.
 */
export function codedFields(e: Engagement): CodedFields {
  return {
    id: e.id,
    type: e.type,
    mode: e.mode,
    date: e.date,
    place: e.place,
    countryCode: e.countryCode,
    participants: e.participants,
    topics: e.topics,
    outcomes: e.outcomes,
    notes: e.notes,
    confidence: e.confidence,
    status: e.status,
    sources: e.sources,
    evidence: e.evidence,
  };
}
