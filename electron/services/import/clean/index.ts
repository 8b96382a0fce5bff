/** Text cleaning and duplicate detection for imported documents: marks ranges, never edits text. */
export { findBatchRepeats, findBoilerplate, groupRepeats, lineTable, type BatchDoc, type BatchRepeatOptions, type LineTable } from './boilerplate';
export { cleanText } from './clean-text';
export {
  buildSearchable,
  cleanHash,
  cleanHashOfSearchable,
  displaySegments,
  searchableText,
  toOriginalOffset,
  type DisplaySegment,
  type Searchable,
  type SearchablePiece,
  type SegmentKind,
} from './derived';
export { findGlue } from './glue';
export {
  chooseBanding,
  DEFAULT_THRESHOLD,
  documentFingerprint,
  estimateJaccard,
  groupDuplicates,
  minhashSignature,
  NearDuplicateIndex,
  NUM_HASHES,
  shingleHashes,
  signatureFromBytes,
  signatureToBytes,
  type DuplicatePair,
  type IndexedSignature,
  type NearDuplicateOptions,
} from './near-duplicates';
export { findRepeats } from './repeats';
