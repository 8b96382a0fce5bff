import type { DocumentFormat, ParsedArticle, TextRange } from '../../../shared/model/document';
import type { DocumentRow, MetaSource } from '../../../shared/model/library';
import type { Db } from '../open';
import { prepared } from '../prepared';

export interface NewDocument {
  id: string;
  batchId: string;
  path: string;
  recordIndex: number;
  format: DocumentFormat;
  sizeBytes: number;
  mtimeMs: number;
  sha256: string;
  parsed: ParsedArticle;
  ranges: TextRange[];
  cleanHash: string;
  minhash: Uint8Array | null;
  shingles: number;
  words: number;
  importedAt: string;
  /** Already compared for duplicates (in the transaction that stores it). */
  dupChecked: boolean;
  /** The text as UTF-8, when `parsed.text` was left empty for the trip from a worker thread. */
  textUtf8?: Uint8Array;
}

const META_FIELDS = ['title', 'publishedAt', 'outlet', 'place', 'url', 'byline', 'language'] as const;

export function metaSourcesOf(parsed: ParsedArticle): Record<string, MetaSource> {
  const out: Record<string, MetaSource> = {};
  for (const f of META_FIELDS) {
    const v = parsed[f];
    if (v) out[f] = v.detail ? { source: v.source, detail: v.detail } : { source: v.source };
  }
  return out;
}

/**
 * Insert one document with its ranges; returns its rowid. Its search row is written by the
 * import's batch pass (insertSearchRow), once the lines its outlet repeats are known.
 */
export function insertDocument(db: Db, d: NewDocument): number {
  const p = d.parsed;
  const info = prepared(
    db,
    `INSERT INTO documents (id, batch_id, path, record_index, format, size_bytes, mtime_ms, sha256, encoding, text,
       title, published_at, outlet, place, url, byline, language, meta_sources_json, words, clean_hash, minhash, shingles,
       warnings_json, imported_at, dup_checked)
     VALUES ($id, $batchId, $path, $recordIndex, $format, $sizeBytes, $mtimeMs, $sha256, $encoding, CAST($text AS TEXT),
       $title, $publishedAt, $outlet, $place, $url, $byline, $language, $metaSources, $words, $cleanHash, $minhash, $shingles,
       $warnings, $importedAt, $dupChecked)`,
  ).run({
    id: d.id,
    batchId: d.batchId,
    path: d.path,
    recordIndex: d.recordIndex,
    format: d.format,
    sizeBytes: d.sizeBytes,
    mtimeMs: d.mtimeMs,
    sha256: d.sha256,
    encoding: p.encoding,
    // UTF-8 bytes bind as a BLOB; the CAST stores them as the TEXT they are.
    text: d.textUtf8 ?? p.text,
    title: p.title?.value ?? null,
    publishedAt: p.publishedAt?.value ?? null,
    outlet: p.outlet?.value ?? null,
    place: p.place?.value ?? null,
    url: p.url?.value ?? null,
    byline: p.byline?.value ?? null,
    language: p.language?.value ?? null,
    metaSources: JSON.stringify(metaSourcesOf(p)),
    words: d.words,
    cleanHash: d.cleanHash,
    minhash: d.minhash ? Buffer.from(d.minhash.buffer, d.minhash.byteOffset, d.minhash.byteLength) : null,
    shingles: d.shingles,
    warnings: JSON.stringify(p.warnings),
    importedAt: d.importedAt,
    dupChecked: d.dupChecked ? 1 : 0,
  });
  const rowid = Number(info.lastInsertRowid);
  insertRanges(db, rowid, d.ranges);
  return rowid;
}

export function insertSearchRow(db: Db, rowid: number, title: string, body: string): void {
  prepared(db, 'INSERT INTO documents_fts (rowid, title, body) VALUES (?, ?, ?)').run(rowid, title, body);
}

export function hasSearchRow(db: Db, rowid: number): boolean {
  return prepared<[number], { x: number }>(db, 'SELECT 1 AS x FROM documents_fts WHERE rowid = CAST(? AS INTEGER)').get(rowid) !== undefined;
}

/** What the batch pass needs of a stored document: its text and title. */
export function textOf(db: Db, rowid: number): { text: string; title: string } {
  return prepared<[number], { text: string; title: string }>(db, "SELECT text, ifnull(title, '') AS title FROM documents WHERE rowid = ?").get(rowid)!;
}

export function setWords(db: Db, rowid: number, words: number): void {
  prepared(db, 'UPDATE documents SET words = ? WHERE rowid = ? AND words IS NOT ?').run(words, rowid, words);
}

export function insertRanges(db: Db, rowid: number, ranges: TextRange[]): void {
  const stmt = prepared(db, 'INSERT INTO text_ranges (document_rowid, kind, start, end, label) VALUES (?, ?, ?, ?, ?)');
  for (const r of ranges) stmt.run(rowid, r.kind, r.start, r.end, r.label);
}

export function rangesOf(db: Db, rowid: number): TextRange[] {
  return prepared<[number], TextRange>(db, 'SELECT kind, start, end, label FROM text_ranges WHERE document_rowid = ? ORDER BY start, end').all(rowid);
}

/** The versions of a path already in the project (for unchanged-file detection on re-import). */
export function versionsOfPath(db: Db, path: string): { sha256: string; sizeBytes: number; mtimeMs: number }[] {
  return prepared<[string], { sha256: string; sizeBytes: number; mtimeMs: number }>(
    db,
    'SELECT DISTINCT sha256, size_bytes AS sizeBytes, mtime_ms AS mtimeMs FROM documents WHERE path = ?',
  ).all(path);
}

export interface DocumentRowRaw {
  rowid: number;
  id: string;
  title: string | null;
  outlet: string | null;
  published_at: string | null;
  place: string | null;
  batch_seq: number;
  format: DocumentFormat;
  words: number;
  duplicate_group_id: string | null;
  dup_kind: 'exact' | 'near' | null;
  primary_document_id: string | null;
  excluded: number;
}

/** Columns every document listing selects, from `documents d` joined as in ROW_JOINS. */
export const ROW_COLUMNS = `d.rowid, d.id, d.title, d.outlet, d.published_at, d.place, b.seq AS batch_seq, d.format, d.words,
  d.duplicate_group_id, g.kind AS dup_kind, g.primary_document_id, d.excluded`;
/** A document's batch and duplicate group, for `documents d`. */
export const ROW_JOINS = 'JOIN import_batches b ON b.id = d.batch_id LEFT JOIN duplicate_groups g ON g.id = d.duplicate_group_id';
/** Columns every document listing selects (joined with its batch and duplicate group). */
export const ROW_SELECT = `SELECT ${ROW_COLUMNS}
  FROM documents d ${ROW_JOINS}`;

export function rowToDocument(r: DocumentRowRaw): DocumentRow {
  return {
    id: r.id,
    title: r.title,
    outlet: r.outlet,
    publishedAt: r.published_at,
    place: r.place,
    batchSeq: r.batch_seq,
    format: r.format,
    words: r.words,
    duplicateGroupId: r.duplicate_group_id,
    duplicateKind: r.dup_kind,
    isPrimary: r.duplicate_group_id !== null && r.primary_document_id === r.id,
    excluded: r.excluded === 1,
  };
}

/** The analyst-editable metadata of one document, as stored. */
export interface EditableMeta {
  rowid: number;
  title: string | null;
  publishedAt: string | null;
  outlet: string | null;
  place: string | null;
  metaSources: Record<string, MetaSource>;
  excluded: boolean;
}

export function editableMetaOf(db: Db, id: string): EditableMeta | undefined {
  const r = prepared<[string], { rowid: number; title: string | null; published_at: string | null; outlet: string | null; place: string | null; meta_sources_json: string; excluded: number }>(
    db,
    'SELECT rowid, title, published_at, outlet, place, meta_sources_json, excluded FROM documents WHERE id = ?',
  ).get(id);
  if (!r) return undefined;
  return {
    rowid: r.rowid,
    title: r.title,
    publishedAt: r.published_at,
    outlet: r.outlet,
    place: r.place,
    metaSources: JSON.parse(r.meta_sources_json) as Record<string, MetaSource>,
    excluded: r.excluded === 1,
  };
}

/** Write edited metadata (never the text); keeps the search row's title in step. */
export function writeEditableMeta(db: Db, m: EditableMeta): void {
  prepared(
    db,
    `UPDATE documents SET title = $title, published_at = $publishedAt, outlet = $outlet, place = $place, meta_sources_json = $metaSources
     WHERE rowid = $rowid`,
  ).run({ rowid: m.rowid, title: m.title, publishedAt: m.publishedAt, outlet: m.outlet, place: m.place, metaSources: JSON.stringify(m.metaSources) });
  prepared(db, 'UPDATE documents_fts SET title = ? WHERE rowid = CAST(? AS INTEGER)').run(m.title ?? '', m.rowid);
}

export function setExcludedFlag(db: Db, rowid: number, excluded: boolean): void {
  prepared(db, 'UPDATE documents SET excluded = ? WHERE rowid = ?').run(excluded ? 1 : 0, rowid);
}
