/** Text cleaning and duplicate detection for imported documents: marks ranges, never edits text. */
export { findBatchRepeats, findBoilerplate, type BatchDoc, type BatchRepeatOptions } from './boilerplate';
export { cleanText } from './clean-text';
export {
  buildSearchable,
  cleanHash,
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
