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
