// A 53-bit hash of a record's text as stored (quotes included, its line break not): an FNV-1a lane and a polynomial
// (×31) lane, the second mixed at the end. The record splitter computes it on the characters it scans anyway, so the
// validation read fingerprints a million records without a second pass over their cells (that pass cost ~1.1 s per
// million rows). It only has to tell whether a video's rows are exactly the ones merged last time; 53 bits fit a
// JavaScript number and a bigint column, and a collision needs two different rows of the same video to meet at 1 in
// 2^53. Two records with the same cells but different quoting hash differently: they are merged again, harmlessly.

export const FNV_PRIME = 16777619;
export const HASH_A_SEED = 0x811c9dc5 | 0;
export const HASH_B_SEED = 0x9e3779b9 | 0;

/** The record's hash from the two lanes after its last character. */
export function finishHash(a: number, b: number): number {
  b ^= b >>> 13;
  b = Math.imul(b, 3266489909);
  b ^= b >>> 16;
  return (b & 0x1fffff) * 4294967296 + (a >>> 0);
}

/** The hash the splitter gives a record whose stored text (without its line break) is `text`. */
export function recordTextHash(text: string): number {
  let a = HASH_A_SEED;
  let b = HASH_B_SEED;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, FNV_PRIME);
    b = ((b << 5) - b + c) | 0;
  }
  return finishHash(a, b);
}
