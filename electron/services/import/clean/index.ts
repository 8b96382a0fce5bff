/** Text cleaning and duplicate detection for imported documents: marks ranges, never edits text. */
export { type BatchDoc, type BatchRepeatOptions, findBatchRepeats, findBoilerplate, groupRepeats, type LineTable, lineTable } from './boilerplate';
export { cleanText } from './clean-text';
export {
  buildSearchable,
  cleanHash,
  cleanHashOfSearchable,
  type DisplaySegment,
  displaySegments,
  type Searchable,
  type SearchablePiece,
  type SegmentKind,
  searchableText,
  toOriginalOffset,
} from './derived';
export { findGlue } from './glue';
export {
  chooseBanding,
  DEFAULT_THRESHOLD,
  type DuplicatePair,
  documentFingerprint,
  estimateJaccard,
  groupDuplicates,
  type IndexedSignature,
  minhashSignature,
  NearDuplicateIndex,
  type NearDuplicateOptions,
  NUM_HASHES,
  shingleHashes,
  signatureFromBytes,
  signatureToBytes,
} from './near-duplicates';
export { findRepeats } from './repeats';
