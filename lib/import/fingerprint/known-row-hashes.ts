import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";

/** Row hashes (record-hash.ts) the catalog holds videos merged from, for telling a read's unchanged rows apart. */
export type KnownRowHashes = { size: number; has: (hash: number) => boolean };

/** Above this many the table would take more than 64 MB: the caller does without (null). */
const MAX_KNOWN = 3_000_000;

/**
 * The row hash of every video whose catalog row was last merged from exactly one row with this fingerprint prefix
 * (compare-with-catalog.ts: `prefix` + count + ':' + xor of the row hashes + ':' + last) and has not been changed
 * since: for one row the xor is the row's hash. A read can then tell, row by row and without a query, which rows
 * the catalog already holds as they are. Sent as one bytea of 8-byte integers and kept in an open-addressing table of
 * doubles (hashes have 53 bits, exact in a double): 16 MB per million videos, one or two memory reads per lookup,
 * where a binary search over a sorted array missed the cache at every step (0.5 s per million rows).
 */
export async function loadKnownRowHashes(db: Pick<Database, "execute">, prefix: string): Promise<KnownRowHashes | null> {
  const singleRow = `${prefix}1:`;
  const result = await db.execute(sql`
SELECT count(*) > ${MAX_KNOWN} AS too_many,
  CASE WHEN count(*) <= ${MAX_KNOWN} THEN string_agg(int8send(split_part(substr(source_fingerprint, ${singleRow.length + 1}), ':', 1)::int8), ''::bytea) END AS hashes
FROM videos WHERE starts_with(source_fingerprint, ${singleRow}) AND source_fingerprint_at = updated_at`);
  const { hashes: bytes, too_many: tooMany } = result.rows[0] as { hashes: Uint8Array | null; too_many: boolean };
  if (tooMany) return null;
  const count = bytes ? bytes.length / 8 : 0;
  const table = new HashTable(count);
  if (bytes) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let i = 0; i < count; i++) table.add(view.getUint32(i * 8) * 4294967296 + view.getUint32(i * 8 + 4));
  }
  return { size: count, has: (hash) => table.has(hash) };
}

/** Non-negative integers below 2^53, stored plus one (0 marks a free slot), at most half full, probed linearly. */
class HashTable {
  private readonly slots: Float64Array;
  private readonly mask: number;

  constructor(expected: number) {
    let size = 1024;
    while (size < expected * 2) size *= 2;
    this.slots = new Float64Array(size);
    this.mask = size - 1;
  }

  add(value: number): void {
    const stored = value + 1;
    // The low 32 bits are the FNV lane of the record hash: well spread.
    for (let i = (value >>> 0) & this.mask; ; i = (i + 1) & this.mask) {
      const at = this.slots[i];
      if (at === stored) return;
      if (at === 0) {
        this.slots[i] = stored;
        return;
      }
    }
  }

  has(value: number): boolean {
    const stored = value + 1;
    for (let i = (value >>> 0) & this.mask; ; i = (i + 1) & this.mask) {
      const at = this.slots[i];
      if (at === stored) return true;
      if (at === 0) return false;
    }
  }
}
