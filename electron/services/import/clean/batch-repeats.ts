/**
 * Lines that an outlet prints on every page (footers, newsletter prompts, mastheads) show up as
 * the same line in many files of one import batch. Counting hashed lines per outlet finds them in
 * O(total lines) without any pattern list.
 *
 * The trap is duplicated articles: five scrapes of one story share every paragraph, and counting
 * alone would mark the whole story as boilerplate. So a second pass recounts only over documents
 * whose frequent lines are a minority of their text; copies (mostly frequent lines) do not vote.
 * A line that is boilerplate by that vote is then marked in every document of the group.
 */
import type { TextRange } from '../../../../shared/model/document';
import { fmix32 } from './hash';
import { isSpaceCode, nonBlankLines } from './text-lines';

export interface BatchDoc {
  id: string;
  text: string;
  /** Documents are compared within their outlet; those without one form one group per batch. */
  outlet?: string;
}

export interface BatchRepeatOptions {
  /** A line must appear in at least this many documents of its group. Default 5. */
  minDocs?: number;
  /** ... and in at least this fraction of the group's documents. Default 0.1. */
  minFraction?: number;
  /** Longer lines are prose paragraphs: never marked. Default 300 UTF-16 units. */
  maxLineChars?: number;
}

const MIN_LINE_CHARS = 3;
/** Documents whose frequent lines exceed this share of their characters are likely copies. */
const MAX_SHARED_COVERAGE = 0.5;

/**
 * Per document: for every non-blank line, its key (NaN when too short to count), start offset and
 * length, three numbers a line in one array (an import holds thousands of these at once: one
 * typed array each costs a third of three). Long lines are keyed too, though never marked: copies
 * of a story are recognised by their shared paragraphs, which are long. Built where the text is at
 * hand (the import's worker threads), so the batch pass needs neither the texts nor a second pass
 * over them.
 */
export type LineTable = Float64Array;

/** Numbers per line in a LineTable: key, start, length. */
const LINE_CELLS = 3;

/**
 * 53-bit key of a line, case-folded with whitespace runs collapsed, so that "Follow us  on X" and
 * "follow us on X" count together. Two FNV-1a streams run in one loop to avoid re-reading.
 */
function lineKey(text: string, start: number, end: number): number {
  const s = text.slice(start, end).toLowerCase();
  let h1 = 0x811c9dc5;
  let h2 = 0x9747b28c;
  let prevSpace = false;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (isSpaceCode(c)) {
      if (prevSpace) continue;
      prevSpace = true;
      c = 0x20;
    } else prevSpace = false;
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x01000193);
  }
  return (fmix32(h1) >>> 11) * 0x100000000 + fmix32(h2 ^ 0x5bd1e995);
}

export function lineTable(text: string): LineTable {
  const lines = nonBlankLines(text);
  const table = new Float64Array(lines.length * LINE_CELLS);
  for (let i = 0; i < lines.length; i++) {
    const { start, end } = lines[i];
    table[i * LINE_CELLS] = end - start >= MIN_LINE_CHARS ? lineKey(text, start, end) : Number.NaN;
    table[i * LINE_CELLS + 1] = start;
    table[i * LINE_CELLS + 2] = end - start;
  }
  return table;
}

/** Count, for each key, the documents it appears in (once per document). */
function countDocs(tables: Iterable<LineTable>, keep?: (key: number) => boolean): Map<number, number> {
  const counts = new Map<number, number>();
  const seen = new Set<number>();
  for (const t of tables) {
    seen.clear();
    for (let i = 0; i < t.length; i += LINE_CELLS) {
      const k = t[i];
      if (Number.isNaN(k) || seen.has(k) || (keep && !keep(k))) continue;
      seen.add(k);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
  }
  return counts;
}

function groupKey(doc: BatchDoc): string {
  return doc.outlet?.trim().toLowerCase() ?? '';
}

/**
 * Lines repeated across many documents of the same outlet (or of the batch, for documents
 * without an outlet), as `boilerplate` ranges labelled `batch-repeat`. Only documents with at
 * least one range appear in the result. Each range is one trimmed line.
 */
export function findBatchRepeats(docs: readonly BatchDoc[], opts: BatchRepeatOptions = {}): Map<string, TextRange[]> {
  const result = new Map<string, TextRange[]>();
  const groups = new Map<string, BatchDoc[]>();
  for (const doc of docs) {
    const key = groupKey(doc);
    const g = groups.get(key);
    if (g) g.push(doc);
    else groups.set(key, [doc]);
  }
  for (const group of groups.values()) {
    const found = groupRepeats(
      group.map((d) => lineTable(d.text)),
      opts,
    );
    found.forEach((ranges, d) => {
      if (!ranges) return;
      const prev = result.get(group[d].id);
      result.set(group[d].id, prev ? prev.concat(ranges) : ranges);
    });
  }
  return result;
}

/**
 * The batch-repeat ranges of each document of one group (one outlet), from their line tables:
 * null for a document without any. findBatchRepeats is this, per group.
 */
export function groupRepeats(tables: readonly LineTable[], opts: BatchRepeatOptions = {}): (TextRange[] | null)[] {
  const minDocs = Math.max(2, opts.minDocs ?? 5);
  const minFraction = opts.minFraction ?? 0.1;
  const maxLineChars = opts.maxLineChars ?? 300;
  const out: (TextRange[] | null)[] = tables.map(() => null);
  if (tables.length < minDocs) return out;
  const threshold = Math.max(minDocs, Math.ceil(minFraction * tables.length));

  const firstCounts = countDocs(tables);
  const frequent = (k: number) => (firstCounts.get(k) ?? 0) >= threshold;
  if (![...firstCounts.values()].some((c) => c >= threshold)) return out;

  const voters = tables.filter((t) => {
    let total = 0;
    let shared = 0;
    for (let i = 0; i < t.length; i += LINE_CELLS) {
      total += t[i + 2];
      if (!Number.isNaN(t[i]) && frequent(t[i])) shared += t[i + 2];
    }
    return total > 0 && shared / total <= MAX_SHARED_COVERAGE;
  });
  const votes = countDocs(voters, frequent);
  const isBoilerplate = (k: number, len: number) => len <= maxLineChars && (votes.get(k) ?? 0) >= threshold;

  for (let d = 0; d < tables.length; d++) {
    const t = tables[d];
    const ranges: TextRange[] = [];
    for (let i = 0; i < t.length; i += LINE_CELLS) {
      if (Number.isNaN(t[i]) || !isBoilerplate(t[i], t[i + 2])) continue;
      ranges.push({ kind: 'boilerplate', start: t[i + 1], end: t[i + 1] + t[i + 2], label: 'batch-repeat' });
    }
    if (ranges.length > 0) out[d] = ranges;
  }
  return out;
}
