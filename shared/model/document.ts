/**
 * Documents: an imported article. Its `text` is immutable once stored; every span
 * ({ start, end } in UTF-16 code units, i.e. JS string indices) points into it.
 */

/** How a metadata value was found, shown to the analyst beside the value. */
export type ValueSource =
  | 'txt-first-line'
  | 'txt-date-line'
  | 'txt-dateline'
  | 'txt-source-line'
  | 'html-title'
  | 'html-og'
  | 'html-meta'
  | 'html-jsonld'
  | 'readability'
  | 'pdf-info'
  | 'docx-first-line'
  | 'eml-header'
  | 'json-field'
  | 'file-name'
  | 'detected'
  | 'edited';

export interface Sourced<T> {
  value: T;
  source: ValueSource;
  /** Optional human detail, e.g. the matched line or the meta tag name. */
  detail?: string;
}

export type DocumentFormat = 'txt' | 'md' | 'html' | 'pdf' | 'docx' | 'eml' | 'json' | 'jsonl';

/** What a pure importer returns for one article (a .jsonl file may yield many). */
export interface ParsedArticle {
  /** Normalised text: NFC, \n line endings. Never changes after import. */
  text: string;
  title?: Sourced<string>;
  /** ISO date `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`) or full ISO timestamp. */
  publishedAt?: Sourced<string>;
  outlet?: Sourced<string>;
  place?: Sourced<string>;
  url?: Sourced<string>;
  byline?: Sourced<string>;
  language?: Sourced<string>;
  /** The encoding the bytes were decoded with, e.g. `utf-8`, `windows-1256`, `utf-16le`. */
  encoding: string;
  warnings: string[];
  /**
   * Records of the same file left out (a JSON record without article text), on its first
   * article only: the import report lists each with its reason.
   */
  skippedRecords?: { where: string; reason: string }[];
}

/** Hints the import service hands a parser. */
export interface ParseHints {
  /** File name (no directories), for format-specific guesses. */
  fileName: string;
  /** Force this encoding instead of detecting it (iconv-lite name). */
  encoding?: string;
}

/** A parser refuses a file by throwing this, with a reason the analyst can act on. */
export class ImportRefusal extends Error {
  constructor(
    /** Stable code: `empty`, `binary`, `encrypted-pdf`, `broken-pdf`, `broken-docx`, `undecodable`, `no-text`, `bad-json` ... */
    public readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ImportRefusal';
  }
}

/** A marked range of a document's text. Cleaning never deletes: it marks. */
export type TextRangeKind = 'boilerplate' | 'repeat' | 'glue';

export interface TextRange {
  kind: TextRangeKind;
  start: number;
  end: number;
  /** Why: `share-buttons`, `comment-prompt`, `back-to-top`, `sponsored`, `crumbs`, `batch-repeat`, `repeat-of:<start>` ... */
  label: string;
}
