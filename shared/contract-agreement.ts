/**
 * Review calls (spread into `calls` in contract.ts): assignments and queues, agreement between
 * two coders, and the history of an engagement with restore.
 */
import { z } from 'zod';
import type { CallDef } from './contract';
import type { CodingCommand, EngagementInput } from './contract-coding';
import type { Engagement } from './model/engagement';
import type { AgreementRow } from './review/agreement';

const call =
  <O>() =>
  <I extends z.ZodType>(input: I, doc: string): CallDef<I, O> => ({ input, doc });
const id = z.string().min(1).max(64);

export interface HistoryEntry {
  seq: number;
  at: string;
  coder: { id: string; name: string; color: string };
  action: string;
  /** The engagement as this entry left it (null after a delete). */
  snapshot: (EngagementInput & { id: string }) | null;
}

export interface QueueItem {
  documentId: string;
  title: string | null;
  coders: { id: string; name: string }[];
  /** Engagements the asking coder has coded for it. */
  mine: number;
}

export interface Comment {
  id: string;
  parentId: string | null;
  coder: { id: string; name: string; color: string };
  body: string;
  at: string;
}

export interface DoubleCoded {
  documentId: string;
  title: string | null;
  coderA: { id: string; name: string; engagements: number };
  coderB: { id: string; name: string; engagements: number };
}

/** What starting a review changed: engagements sent to review, or disputed with the fields that differ. */
export interface ReviewStart {
  inReview: number;
  disputed: number;
  /** Already in that status, or draft, final, adjudicated. */
  unchanged: number;
  /** Drafts stay out of review until their coder marks them coded. */
  drafts: number;
  changes: { engagementId: string; from: string; to: 'in-review' | 'disputed'; fields: string[] }[];
}

export const agreementCalls = {
  /** Assign documents to one coder, or two for blind double coding (replaces earlier assignments). */
  'review.assign': call<{ assigned: number }>()(
    z.object({ documentIds: z.array(id).min(1).max(100_000), coderIds: z.array(id).min(1, 'choose one or two coders').max(2, 'at most two coders per document') }).strict(),
    'Assign documents to one or two coders.',
  ),
  /** The documents assigned to a coder (the current one by default). */
  'review.queue': call<QueueItem[]>()(z.object({ coderId: id.optional() }).strict(), 'A coder’s queue of assigned documents.'),
  /** Documents coded by two coders, with their agreement per field, per document and for the project. */
  'review.begin': call<ReviewStart>()(
    z.object({ documentId: id }).strict(),
    "Start a document's review: coded engagements go to in review, or to disputed where two coders differ.",
  ),
  'review.agreement': call<{ documents: DoubleCoded[]; rows: AgreementRow[] }>()(z.object({}).strict(), 'Agreement between coders on double-coded documents.'),
  /** The same agreement table as CSV. */
  'review.agreementCsv': call<{ fileName: string; csv: string }>()(z.object({}).strict(), 'The agreement table as CSV.'),
  /** The engagements two coders made for one document, side by side (for adjudication). */
  'review.compare': call<{ a: Engagement[]; b: Engagement[] }>()(z.object({ documentId: id, coderA: id, coderB: id }).strict(), 'Two coders’ engagements for one document.'),

  /**
   * Make the final record of an engagement two coders coded: per field, coder A's or B's value;
   * the result is a new engagement (status adjudicated) and both originals stay.
   */
  'review.adjudicate': call<{ engagement: Engagement }>()(
    z
      .object({
        documentId: id,
        aId: id.nullable(),
        bId: id.nullable(),
        choices: z.partialRecord(z.enum(['type', 'mode', 'date', 'place', 'participants', 'topics', 'outcomes']), z.enum(['a', 'b'])),
        reason: z.string().trim().min(3, 'say why (at least a few words)').max(5000),
      })
      .strict(),
    'Make the final record from two coders’ engagements.',
  ),
  /** Adjudications made for a document. */
  'review.adjudications': call<{ id: string; finalId: string; aId: string | null; bId: string | null; reason: string; coder: string; at: string }[]>()(
    z.object({ documentId: id }).strict(),
    'Adjudications of a document.',
  ),

  /** Comments on an engagement or a document, oldest first (replies carry their parent). */
  'comments.list': call<Comment[]>()(z.object({ entity: z.enum(['engagement', 'document']), entityId: id }).strict(), 'Comments on an engagement or document.'),
  /** Add a comment (or a reply) under the current coder. */
  'comments.add': call<Comment>()(
    z.object({ entity: z.enum(['engagement', 'document']), entityId: id, parentId: id.nullable().default(null), body: z.string().trim().min(1, 'write something').max(20_000) }).strict(),
    'Add a comment or a reply.',
  ),

  /** Every recorded version of an engagement: who, when, what. */
  'engagements.history': call<HistoryEntry[]>()(z.object({ id }).strict(), 'The audit history of an engagement.'),
  /** Make an earlier version the current one (the restore is itself recorded). */
  'engagements.restore': call<{ engagement: Engagement; inverse: CodingCommand }>()(z.object({ id, seq: z.number().int().min(1) }).strict(), 'Restore an earlier version of an engagement.'),
} as const;
