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
  /** The other articles of its duplicate set, each with the file it came from (copies often share a title). */
  duplicates: (DocumentRow & { similarity: number | null; path: string })[];
  /** Where the `query` given to documents.get matches the text; absent without a query. */
  hits?: TextHit[];
}

export interface SearchHit {
  document: DocumentRow;
  /** Snippet with matches wrapped in \u0002 ... \u0003 (the renderer turns them into <mark>). */
  snippet: string;
  titleHighlighted: string;
  score: number;
}

/** Longest search the app takes (the search box stops there). */
export const MAX_QUERY_CHARS = 1000;
export const HIGHLIGHT_OPEN = '\u0002';
export const HIGHLIGHT_CLOSE = '\u0003';

/** Every format an importer can produce, for validation and facets. */
export const DOCUMENT_FORMATS = ['txt', 'md', 'html', 'pdf', 'docx', 'eml', 'json', 'jsonl'] as const satisfies readonly DocumentFormat[];

/** Where a document stands in its duplicate set: alone, the set's primary, or one of its copies. */
export const DUPLICATE_STATUSES = ['none', 'primary', 'duplicate'] as const;
export type DuplicateStatus = (typeof DUPLICATE_STATUSES)[number];

/**
 * Where a document stands in coding: no live (undeleted) engagement cites it; at least one
 * that does is a draft; or every one that does is past draft (coded, in review, final ...).
 */
export const CODING_STATUSES = ['uncoded', 'draft', 'coded'] as const;
export type CodingStatus = (typeof CODING_STATUSES)[number];

/**
 * Orders of the library list: one per column, each backed by an index; `rank` (best match
 * first) needs a query. `duplicates` keeps each duplicate set together; `coding` runs uncoded,
 * draft, coded.
 */
export const LIBRARY_SORTS = ['imported', 'title', 'published', 'outlet', 'place', 'batch', 'format', 'words', 'duplicates', 'engagements', 'coding', 'rank'] as const;
export type LibrarySort = (typeof LIBRARY_SORTS)[number];

/**
 * What narrows the library. Within a facet the values are alternatives (OR); facets combine with
 * AND. An empty outlet ('') means "no outlet"; `published` is a year, a month (YYYY-MM) or 'none'.
 */
export interface DocumentFilters {
  query?: string;
  batchIds?: string[];
  outlets?: string[];
  published?: string;
  formats?: DocumentFormat[];
  duplicates?: DuplicateStatus[];
  /** true: only documents marked not relevant; false: only the others; absent: both. */
  excluded?: boolean;
  coding?: CodingStatus[];
}

/**
 * "Every document matching": the list's filters and order, less the rows unticked since. What
 * "select all N matching" selects, resolved in main, so the renderer never holds the ids of a
 * whole library.
 */
export interface MatchingSelection extends DocumentFilters {
  sort?: LibrarySort;
  direction: 'asc' | 'desc';
  except: string[];
}

/** The documents an action applies to: named ones, or every one matching the list. */
export type DocumentSelection = { ids: string[] } | { matching: MatchingSelection };

/** A row of the library list; with a query it carries the ranked hit's snippets. */
export interface ListedDocument extends DocumentRow {
  /** Matches wrapped in HIGHLIGHT_OPEN ... HIGHLIGHT_CLOSE. */
  snippet?: string;
  titleHighlighted?: string;
  /** bm25 relevance, higher is better. */
  score?: number;
  /** Live engagements citing the document as a source. */
  engagements: number;
  codingStatus: CodingStatus;
}

export interface FacetValue {
  value: string;
  label: string;
  count: number;
}

/** Counts per facet value; each facet follows the query and every filter except its own. */
export interface DocumentFacets {
  /** Documents matching the query and all filters. */
  total: number;
  batches: FacetValue[];
  /** Most frequent first, at most FACET_LIMIT; `outletsMore` counts the values left out. */
  outlets: FacetValue[];
  outletsMore: number;
  years: FacetValue[];
  /** Months of the year selected in `published` (empty when no year is selected). */
  months: FacetValue[];
  formats: FacetValue[];
  duplicates: FacetValue[];
  excluded: FacetValue[];
  coding: FacetValue[];
}

export const FACET_LIMIT = 200;

/** A search hit in the original text (UTF-16 offsets). */
export interface TextHit {
  start: number;
  end: number;
}

/** The metadata an analyst may correct; the text itself never changes. */
export const EDITABLE_FIELDS = ['title', 'publishedAt', 'outlet', 'place'] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

const SOURCE_PHRASES: Record<ValueSource, string> = {
  'txt-first-line': 'From the first line of the file',
  'txt-date-line': 'From a date line',
  'txt-dateline': 'From the dateline',
  'txt-source-line': 'From a source line',
  'html-title': 'From the page title',
  'html-og': 'From an Open Graph tag',
  'html-meta': 'From a meta tag',
  'html-jsonld': 'From the page’s JSON-LD',
  readability: 'From article extraction',
  'pdf-info': 'From the PDF’s properties',
  'docx-first-line': 'From the first line of the document',
  'eml-header': 'From an email header',
  'json-field': 'From a JSON field',
  'file-name': 'From the file name',
  detected: 'Detected from the text',
  edited: 'Edited by hand',
};

/** How a metadata value was found, in the analyst's words ("From the dateline"). */
export function describeSource(source: ValueSource): string {
  return SOURCE_PHRASES[source] ?? source;
}
