/**
 * Near-duplicate articles (the same wire story scraped from two sites, a re-scrape with a changed
 * sentence): MinHash over word 5-gram shingles, LSH banding to find candidates without comparing
 * every pair, and the MinHash estimate to confirm them.
 *
 * Written here rather than taken from npm: `bloom-filters` (maintained) has a MinHash, but it
 * draws random seeds per instance (signatures would not be comparable across runs, and we store
 * them), hashes numbers not text, and has no LSH; `minhash` (0.0.9) is unmaintained. The whole
 * thing is ~300 lines with fixed seeds, a stable byte format, and no dependency.
 *
 * Pass the *searchable* text (derived.ts) so boilerplate shared by an outlet does not make its
 * articles look alike.
 */
import { fmix32, hashRange } from './hash';

export const NUM_HASHES = 128;
export const SHINGLE_WORDS = 5;
export const DEFAULT_THRESHOLD = 0.8;

/**
 * Fixed seeds: signatures are stored, so a changed seed would silently break old projects. One
 * re-hash spreads the shingles over the bins; the other picks, for an empty bin, the bin it borrows.
 */
const BIN_SEED = 0x5eed1234;
const BORROW_SEED = 0x2545f491;
const BIN_SHIFT = 32 - Math.log2(NUM_HASHES);
/** The value bits left below a bin number's. */
const VALUE_MASK = (1 << BIN_SHIFT) - 1;
/** Values are stored as their lowest 16 bits (b-bit minwise hashing). */
const EMPTY = 0xffff;

const WORD = /[\p{L}\p{N}\p{M}]+/gu;

function rotl(x: number, r: number): number {
  return (x << r) | (x >>> (32 - r));
}

/** MurmurHash3 body step: mixes one 32-bit word into the running hash. */
function mixIn(h: number, k: number): number {
  let x = Math.imul(k, 0xcc9e2d51);
  x = rotl(x, 15);
  x = Math.imul(x, 0x1b873593);
  const y = rotl(h ^ x, 13);
  return (Math.imul(y, 5) + 0xe6546b64) | 0;
}

/** 32-bit hashes of the word 5-grams of `text` (lower-cased). Fewer words: one shingle of all. */
export function shingleHashes(text: string): Uint32Array {
  const lower = text.toLowerCase();
  const words: number[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(lower); m; m = WORD.exec(lower)) words.push(hashRange(lower, m.index, m.index + m[0].length));
  if (words.length === 0) return new Uint32Array(0);
  const k = Math.min(SHINGLE_WORDS, words.length);
  const out = new Uint32Array(words.length - k + 1);
  for (let i = 0; i < out.length; i++) {
    let h = 0x3c6ef372;
    for (let j = 0; j < k; j++) h = mixIn(h, words[i + j]);
    out[i] = fmix32(h ^ k);
  }
  return out;
}

/**
 * MinHash of a shingle set, by one permutation hashing with optimal densification (Li, Owen and
 * Zhang 2012; Shrivastava 2017): one re-hash per shingle, whose top 7 bits choose one of the 128
 * bins and whose other bits are its value; each bin keeps its smallest value. An empty bin takes the
 * value of the first non-empty bin in its own fixed pseudo-random sequence, so that two sets agree
 * on a bin with probability their Jaccard similarity, as with 128 independent hash functions, at a
 * 128th of the hashing (classic MinHash was a quarter of an import's parsing time). Each value is
 * kept as its lowest 16 bits (b-bit minwise hashing): two different minima then agree by chance once
 * in 65,536 bins, which moves an estimate by less than 0.0001, and a signature takes 256 bytes.
 * All 0xffff for an empty set.
 */
export function minhashOfShingles(shingles: Uint32Array): Uint16Array {
  const mins = new Int32Array(NUM_HASHES).fill(-1);
  for (let s = 0; s < shingles.length; s++) {
    const x = fmix32(shingles[s] ^ BIN_SEED);
    const bin = x >>> BIN_SHIFT;
    const value = x & VALUE_MASK;
    if (mins[bin] < 0 || value < mins[bin]) mins[bin] = value;
  }
  const sig = new Uint16Array(NUM_HASHES).fill(EMPTY);
  if (shingles.length === 0) return sig;
  for (let bin = 0; bin < NUM_HASHES; bin++) {
    let from = bin;
    for (let attempt = 0; mins[from] < 0; attempt++) from = fmix32(Math.imul(bin + 1, 0x9e3779b1) ^ Math.imul(attempt + 1, BORROW_SEED)) >>> BIN_SHIFT;
    sig[bin] = mins[from] & 0xffff;
  }
  return sig;
}

export function minhashSignature(text: string): Uint16Array {
  return minhashOfShingles(shingleHashes(text));
}

/** Signature plus `length` (shingle count), the two values the index needs per document. */
export function documentFingerprint(text: string): { signature: Uint16Array; length: number } {
  const shingles = shingleHashes(text);
  return { signature: minhashOfShingles(shingles), length: shingles.length };
}

/** Fraction of equal positions: an unbiased estimate of the shingle sets' Jaccard similarity. */
export function estimateJaccard(a: Uint16Array, b: Uint16Array): number {
  if (a.length !== b.length || a.length === 0) throw new Error(`signature lengths differ: ${a.length} vs ${b.length}`);
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

// --- bytes ---------------------------------------------------------------------------------------

/**
 * Byte format v2: 'M', version, hash count (u16 LE), then the values as u16 LE. Version 1 (classic
 * MinHash, u32 values) is recomputed by migration 0008; it is refused here.
 */
const MAGIC = 0x4d;
export const SIGNATURE_FORMAT = 2;
const HEADER_BYTES = 4;

export function signatureToBytes(sig: Uint16Array): Uint8Array {
  const bytes = new Uint8Array(HEADER_BYTES + sig.length * 2);
  const view = new DataView(bytes.buffer);
  view.setUint8(0, MAGIC);
  view.setUint8(1, SIGNATURE_FORMAT);
  view.setUint16(2, sig.length, true);
  for (let i = 0; i < sig.length; i++) view.setUint16(HEADER_BYTES + i * 2, sig[i], true);
  return bytes;
}

/** Reads what signatureToBytes wrote (a SQLite BLOB arrives as a Buffer, possibly unaligned). */
export function signatureFromBytes(bytes: Uint8Array): Uint16Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < HEADER_BYTES || view.getUint8(0) !== MAGIC) throw new Error('not a MinHash signature');
  if (view.getUint8(1) !== SIGNATURE_FORMAT) throw new Error(`unknown signature format ${view.getUint8(1)}`);
  const n = view.getUint16(2, true);
  if (bytes.byteLength !== HEADER_BYTES + n * 2) throw new Error('truncated MinHash signature');
  const sig = new Uint16Array(n);
  for (let i = 0; i < n; i++) sig[i] = view.getUint16(HEADER_BYTES + i * 2, true);
  return sig;
}

// --- LSH index -----------------------------------------------------------------------------------

export interface IndexedSignature {
  id: string;
  signature: Uint16Array;
  /** Shingle count (documentFingerprint().length). 0 = no words: never indexed nor matched. */
  length: number;
  /** Import sequence; the earlier document of a pair is the one kept as original. */
  importedOrder: number;
}

export interface DuplicatePair {
  /** The earlier-imported document. */
  a: string;
  /** The later one, the duplicate. */
  b: string;
  /** Estimated Jaccard similarity of their shingle sets. */
  jaccard: number;
}

export interface NearDuplicateOptions {
  /** Minimum estimated Jaccard for a pair. Default 0.8. */
  threshold?: number;
}

/**
 * Largest rows-per-band r (fewest chance candidates) that still makes a pair AT the threshold a
 * candidate with probability ≥ 0.99: P = 1 - (1 - t^r)^b. For t = 0.8, 128 hashes: 21 × 6.
 */
export function chooseBanding(numHashes: number, threshold: number): { bands: number; rows: number } {
  for (let rows = numHashes; rows >= 1; rows--) {
    const bands = Math.floor(numHashes / rows);
    if (1 - (1 - threshold ** rows) ** bands >= 0.99) return { bands, rows };
  }
  return { bands: numHashes, rows: 1 };
}

/**
 * One LSH band's buckets: band key → the slots that have it, in typed arrays off the JS heap (21
 * Maps of 100,000 entries took about 125 MB of heap). An open-addressing table maps a key to the
 * latest slot with it; `next` chains each slot to the previous one with the same key.
 */
class BandTable {
  /** key + 1 (0: empty). Band keys are 30-bit, so this stays a positive Int32. */
  private keys = new Int32Array(1024);
  private heads = new Int32Array(1024);
  private next = new Int32Array(1024);
  private used = 0;

  /** The slots with `key`, latest first. */
  *slots(key: number): Generator<number> {
    const at = this.find(key);
    if (this.keys[at] === 0) return;
    for (let slot = this.heads[at]; slot >= 0; slot = this.next[slot]) yield slot;
  }

  add(key: number, slot: number): void {
    if (slot >= this.next.length) {
      const grown = new Int32Array(Math.max(slot + 1, this.next.length * 2));
      grown.set(this.next);
      this.next = grown;
    }
    // Linear probing stays short up to three quarters full.
    if ((this.used + 1) * 4 > this.keys.length * 3) this.rehash();
    const at = this.find(key);
    if (this.keys[at] === 0) {
      this.keys[at] = key + 1;
      this.next[slot] = -1;
      this.used++;
    } else this.next[slot] = this.heads[at];
    this.heads[at] = slot;
  }

  remove(key: number, slot: number): void {
    const at = this.find(key);
    if (this.keys[at] === 0) return;
    if (this.heads[at] === slot) {
      // The key keeps its entry with an empty chain (-1): open addressing cannot drop it.
      this.heads[at] = this.next[slot];
      return;
    }
    for (let prev = this.heads[at]; prev >= 0; prev = this.next[prev]) {
      if (this.next[prev] === slot) {
        this.next[prev] = this.next[slot];
        return;
      }
    }
  }

  /** The index of `key`'s entry, or of the empty entry where it would go (linear probing). */
  private find(key: number): number {
    const mask = this.keys.length - 1;
    for (let at = Math.imul(key, 0x9e3779b1) >>> 0 & mask; ; at = (at + 1) & mask) {
      if (this.keys[at] === 0 || this.keys[at] === key + 1) return at;
    }
  }

  private rehash(): void {
    const { keys, heads } = this;
    this.keys = new Int32Array(keys.length * 2);
    this.heads = new Int32Array(keys.length * 2);
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] === 0) continue;
      const at = this.find(keys[i] - 1);
      this.keys[at] = keys[i];
      this.heads[at] = heads[i];
    }
  }
}

/** Signatures per chunk of the packed store: 1 MB each, so growing never copies what is stored. */
const CHUNK_SLOTS = 4096;

/**
 * The indexed documents, packed: every signature in fixed-size Uint16Array chunks and the rest in
 * plain arrays, instead of one object and one typed array per document (about 1.3 KB each on
 * V8's heap, against 0.4 KB here: what keeps a 100,000-article import's memory down).
 */
class PackedSignatures {
  private readonly chunks: Uint16Array[] = [];
  readonly ids: string[] = [];
  /** Shingle count; -1 once removed. */
  readonly lengths: number[] = [];
  readonly orders: number[] = [];

  get count(): number {
    return this.ids.length;
  }

  push(doc: IndexedSignature): number {
    const slot = this.ids.length;
    const chunk = Math.floor(slot / CHUNK_SLOTS);
    if (chunk === this.chunks.length) this.chunks.push(new Uint16Array(CHUNK_SLOTS * NUM_HASHES));
    this.chunks[chunk].set(doc.signature, (slot % CHUNK_SLOTS) * NUM_HASHES);
    this.ids.push(doc.id);
    this.lengths.push(doc.length);
    this.orders.push(doc.importedOrder);
    return slot;
  }

  /** A view of a slot's signature (no copy). */
  signature(slot: number): Uint16Array {
    const from = (slot % CHUNK_SLOTS) * NUM_HASHES;
    return this.chunks[Math.floor(slot / CHUNK_SLOTS)].subarray(from, from + NUM_HASHES);
  }
}

/**
 * Incremental index: load the project's stored signatures, then `add` each import's documents to
 * get their pairs against everything indexed so far (earlier batches and the same batch).
 */
export class NearDuplicateIndex {
  readonly threshold: number;
  private readonly bands: number;
  private readonly rows: number;
  private readonly buckets: BandTable[];
  private readonly store = new PackedSignatures();
  private readonly slotOf = new Map<string, number>();

  constructor(opts: NearDuplicateOptions = {}) {
    this.threshold = opts.threshold ?? DEFAULT_THRESHOLD;
    if (!(this.threshold > 0 && this.threshold <= 1)) throw new Error(`threshold must be in (0, 1]: ${this.threshold}`);
    ({ bands: this.bands, rows: this.rows } = chooseBanding(NUM_HASHES, this.threshold));
    // One map per band keeps each under V8's Map size limit (2^24 entries) on large projects.
    this.buckets = Array.from({ length: this.bands }, () => new BandTable());
  }

  get size(): number {
    return this.slotOf.size;
  }

  has(id: string): boolean {
    return this.slotOf.has(id);
  }

  /** Index documents without looking for pairs (signatures already checked in earlier imports). */
  load(docs: Iterable<IndexedSignature>): void {
    for (const doc of docs) this.insert(doc);
  }

  /** Pairs (≥ threshold) between each new document and everything indexed before it; then index it. */
  add(docs: Iterable<IndexedSignature>): DuplicatePair[] {
    const pairs: DuplicatePair[] = [];
    const seen = new Set<number>();
    for (const doc of docs) {
      this.check(doc);
      if (doc.length > 0) {
        seen.clear();
        for (let band = 0; band < this.bands; band++) {
          for (const slot of this.buckets[band].slots(this.bandKey(doc.signature, band))) {
            if (seen.has(slot)) continue;
            seen.add(slot);
            if (this.store.lengths[slot] > 0) this.compare(doc, slot, pairs);
          }
        }
      }
      this.insert(doc);
    }
    return pairs;
  }

  /** Forget a deleted document. */
  remove(id: string): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    const length = this.store.lengths[slot];
    this.slotOf.delete(id);
    this.store.lengths[slot] = -1;
    if (length <= 0) return;
    const signature = this.store.signature(slot);
    for (let band = 0; band < this.bands; band++) this.buckets[band].remove(this.bandKey(signature, band), slot);
  }

  private compare(doc: IndexedSignature, slot: number, pairs: DuplicatePair[]): void {
    const { ids, lengths, orders } = this.store;
    // Jaccard can never exceed small/large set size; the slack absorbs the estimate's noise.
    const ratio = Math.min(doc.length, lengths[slot]) / Math.max(doc.length, lengths[slot]);
    if (ratio < this.threshold * 0.9) return;
    const jaccard = estimateJaccard(doc.signature, this.store.signature(slot));
    if (jaccard < this.threshold) return;
    const other = ids[slot];
    const docFirst = doc.importedOrder < orders[slot] || (doc.importedOrder === orders[slot] && doc.id < other);
    pairs.push(docFirst ? { a: doc.id, b: other, jaccard } : { a: other, b: doc.id, jaccard });
  }

  private check(doc: IndexedSignature): void {
    if (this.slotOf.has(doc.id)) throw new Error(`document ${doc.id} is already indexed`);
    if (doc.signature.length !== NUM_HASHES) throw new Error(`signature of ${doc.id} has ${doc.signature.length} hashes, expected ${NUM_HASHES}`);
  }

  private insert(doc: IndexedSignature): void {
    this.check(doc);
    const slot = this.store.push(doc);
    this.slotOf.set(doc.id, slot);
    if (doc.length === 0) return;
    for (let band = 0; band < this.bands; band++) this.buckets[band].add(this.bandKey(doc.signature, band), slot);
  }

  /**
   * 30-bit key of one band's rows (it fits the Int32 tables of BandTable). Two unrelated bands
   * meeting on a key
   * (about 1 in 10,000 lookups at 100,000 documents) costs one signature comparison, nothing more:
   * every candidate is confirmed by its estimated Jaccard.
   */
  private bandKey(sig: Uint16Array, band: number): number {
    let h = band ^ 0x7f4a7c15;
    const from = band * this.rows;
    for (let j = from; j < from + this.rows; j++) h = mixIn(h, sig[j]);
    return fmix32(h) >>> 2;
  }
}

/**
 * Union-find over pairs: each group lists connected documents, ordered by `orderOf` (default: the
 * id), groups ordered by their first member. Transitive: A~B and B~C group A, B, C even if A and C
 * are below the threshold, which is what an analyst reviewing a story's copies wants.
 */
export function groupDuplicates(pairs: Iterable<DuplicatePair>, orderOf?: (id: string) => number): string[][] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    for (let p = parent.get(root); p !== undefined && p !== root; p = parent.get(root)) root = p;
    for (let cur = x; cur !== root; ) {
      const p = parent.get(cur) as string;
      parent.set(cur, root);
      cur = p;
    }
    return root;
  };
  for (const { a, b } of pairs) {
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(rb, ra);
  }
  const groups = new Map<string, string[]>();
  for (const id of parent.keys()) {
    const root = find(id);
    const g = groups.get(root);
    if (g) g.push(id);
    else groups.set(root, [id]);
  }
  const cmp = (x: string, y: string) => {
    const d = orderOf ? orderOf(x) - orderOf(y) : 0;
    return d !== 0 ? d : x < y ? -1 : x > y ? 1 : 0;
  };
  return [...groups.values()].map((g) => g.sort(cmp)).sort((g1, g2) => cmp(g1[0], g2[0]));
}
