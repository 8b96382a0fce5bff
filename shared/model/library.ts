import type { DocumentFormat, TextRange, ValueSource } from './document';

/** Options of one import run. */
export interface ImportOptions {
  /** Force this encoding (iconv-lite name) instead of detecting it. */
  encoding?: string;
  /** Jaccard similarity above which two articles are near-duplicates (0.5 to 1). */
  nearThreshold: number;
  /** Files larger than this are skipped. */
  maxFileBytes: number;
}

export const DEFAULT_IMPORT_OPTIONS: ImportOptions = { nearThreshold: 0.8, maxFileBytes: 50 * 1024 * 1024 };

export type ImportPhase = 'scanning' | 'importing' | 'duplicates' | 'finishing' | 'done' | 'cancelled';

export interface ImportProgress {
  batchId: string;
  phase: ImportPhase;
  /** Files handled so far (imported, unchanged, skipped or failed). */
  done: number;
  total: number;
  currentPath?: string;
  filesPerSecond: number;
  /** Estimated time left; null until there is enough to go on. */
  etaMs: number | null;
}

export interface ImportIssue {
  path: string;
  /** Stable code: `unsupported`, `too-large`, `symlink-outside`, `empty`, `binary`, `encrypted-pdf` ... */
  code: string;
  reason: string;
}

export interface ImportSummary {
  batchId: string;
  status: 'done' | 'cancelled';
  imported: number;
  unchanged: number;
  duplicates: { exact: number; near: number };
  skipped: ImportIssue[];
  failed: ImportIssue[];
  elapsedMs: number;
}

export interface DocumentRow {
  id: string;
  title: string | null;
  outlet: string | null;
  publishedAt: string | null;
  place: string | null;
  batchSeq: number;
  format: DocumentFormat;
  words: number;
  duplicateGroupId: string | null;
  duplicateKind: 'exact' | 'near' | null;
  isPrimary: boolean;
  excluded: boolean;
}

export interface MetaSource {
  source: ValueSource;
  detail?: string;
}

export interface DocumentDetail extends DocumentRow {
  text: string;
  path: string;
  recordIndex: number;
  url: string | null;
  byline: string | null;
  language: string | null;
  encoding: string;
  sha256: string;
  sizeBytes: number;
  mtimeMs: number;
  importedAt: string;
  warnings: string[];
  metaSources: Partial<Record<'title' | 'publishedAt' | 'outlet' | 'place' | 'url' | 'byline' | 'language', MetaSource>>;
  ranges: TextRange[];
  duplicates: (DocumentRow & { similarity: number | null })[];
}

export interface SearchHit {
  document: DocumentRow;
  /** Snippet with matches wrapped in \u0002 ... \u0003 (the renderer turns them into <mark>). */
  snippet: string;
  titleHighlighted: string;
  score: number;
}

export const HIGHLIGHT_OPEN = '\u0002';
export const HIGHLIGHT_CLOSE = '\u0003';
