/**
 * Small non-cryptographic hashes shared by the cleaners. They only need to be fast, deterministic
 * across runs and machines (signatures are stored), and well mixed; collisions are tolerated
 * because every candidate they produce is verified afterwards.
 */

/** MurmurHash3's 32-bit finaliser: a bijection on 32 bits with good avalanche. */
export function fmix32(h: number): number {
  let x = h;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** FNV-1a over UTF-16 code units of `s[start, end)`, finalised with fmix32 for better low bits. */
export function hashRange(s: string, start: number, end: number, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = start; i < end; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h);
}

/**
 * A 53-bit key (safe integer) from two independent 32-bit hashes, for Map keys where a 32-bit
 * collision rate (birthday bound ~77k items) would be too high on a 100k-document corpus.
 */
export function hash53(s: string): number {
  const hi = hashRange(s, 0, s.length, 0x811c9dc5) >>> 11;
  const lo = hashRange(s, 0, s.length, 0x9747b28c);
  return hi * 0x100000000 + lo;
}
