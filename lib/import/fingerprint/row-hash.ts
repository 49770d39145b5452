/**
 * A 53-bit hash of a record's cells: an FNV-1a lane and a polynomial (×31) lane, the second mixed at the end. It only has to tell
 * whether a video's rows are exactly the ones merged last time; 53 bits fit a JavaScript number and a bigint
 * column, and a collision needs two different rows of the same video to meet at 1 in 2^53.
 */
export function rowHash(fields: readonly string[]): number {
  let a = 0x811c9dc5;
  let b = 0x9e3779b9 ^ fields.length;
  for (let f = 0; f < fields.length; f++) {
    const cell = fields[f];
    for (let i = 0; i < cell.length; i++) {
      const c = cell.charCodeAt(i);
      a = Math.imul(a ^ c, 16777619);
      // Shift-and-subtract instead of a second multiply: this loop runs once per character of the file.
      b = ((b << 5) - b + c) | 0;
    }
    // A separator, so that "ab","c" and "a","bc" differ.
    a = Math.imul(a ^ 0x1f, 16777619);
    b = ((b << 5) - b + 0x1f) | 0;
  }
  b ^= b >>> 13;
  b = Math.imul(b, 3266489909);
  b ^= b >>> 16;
  return (b & 0x1fffff) * 4294967296 + (a >>> 0);
}
