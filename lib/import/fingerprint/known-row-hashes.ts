import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";

/** Row hashes (record-hash.ts) the catalog holds videos merged from, for telling a read's unchanged rows apart. */
export type KnownRowHashes = { size: number; has: (hash: number) => boolean };

/** Above this many the table would take more than 64 MB: the caller does without (null). */
const MAX_KNOWN = 3_000_000;

/** Videos per query: the bytea and its hex text of one slice stay a few megabytes however large the catalog. */
const VIDEOS_PER_SLICE = 250_000;

/**
 * The row hash of every video whose catalog row was last merged from exactly one row with this fingerprint prefix
 * (compare-with-catalog.ts: `prefix` + count + ':' + xor of the row hashes + ':' + last) and has not been changed
 * since: for one row the xor is the row's hash. A read can then tell, row by row and without a query, which rows
 * the catalog already holds as they are. Read in slices of the table's pages (TID ranges: together one sequential
 * scan), each sent as one bytea of 8-byte integers, and kept in an open-addressing table of doubles (hashes have 53
 * bits, exact in a double): 16 MB per million videos, one or two memory reads per lookup, where a binary search
 * over a sorted array missed the cache at every step (0.5 s per million rows).
 */
export async function loadKnownRowHashes(
  db: Pick<Database, "execute">,
  prefix: string,
  options: { videosPerSlice?: number } = {},
): Promise<KnownRowHashes | null> {
  const singleRow = `${prefix}1:`;
  const perSlice = options.videosPerSlice ?? VIDEOS_PER_SLICE;
  const stats = await db.execute(sql`SELECT relpages::float8 AS pages, reltuples::float8 AS videos FROM pg_class WHERE oid = 'videos'::regclass`);
  const { pages, videos } = stats.rows[0] as { pages: number; videos: number };
  // The statistics may be stale: the last slice has no upper end, so every page is read whatever they say.
  const slices = pages > 0 && videos > perSlice ? Math.ceil(videos / perSlice) : 1;
  const pagesPerSlice = Math.ceil(pages / slices);
  const table = new HashTable(Math.min(Math.max(videos, 0), MAX_KNOWN));
  for (let k = 0; k < slices; k++) {
    const from = sql`${`(${k * pagesPerSlice},0)`}::tid`;
    const to = sql`${`(${(k + 1) * pagesPerSlice},0)`}::tid`;
    const pagesOfSlice = slices === 1 ? sql`` : k === slices - 1 ? sql` AND ctid >= ${from}` : sql` AND ctid >= ${from} AND ctid < ${to}`;
    const result = await db.execute(sql`
SELECT string_agg(int8send(split_part(substr(source_fingerprint, ${singleRow.length + 1}), ':', 1)::int8), ''::bytea) AS hashes
FROM videos WHERE starts_with(source_fingerprint, ${singleRow}) AND source_fingerprint_at = updated_at${pagesOfSlice}`);
    const bytes = (result.rows[0] as { hashes: Uint8Array | null }).hashes;
    if (!bytes) continue;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let i = 0; i < bytes.length / 8; i++) table.add(view.getUint32(i * 8) * 4294967296 + view.getUint32(i * 8 + 4));
    if (table.size > MAX_KNOWN) return null;
  }
  return { size: table.size, has: (hash) => table.has(hash) };
}

/** Non-negative integers below 2^53, stored plus one (0 marks a free slot), at most half full, probed linearly. */
class HashTable {
  private slots: Float64Array;
  private mask: number;
  size = 0;

  constructor(expected: number) {
    let capacity = 1024;
    while (capacity < expected * 2) capacity *= 2;
    this.slots = new Float64Array(capacity);
    this.mask = capacity - 1;
  }

  add(value: number): void {
    if ((this.size + 1) * 2 > this.slots.length) this.grow();
    if (this.insert(this.slots, this.mask, value + 1)) this.size++;
  }

  has(value: number): boolean {
    const stored = value + 1;
    for (let i = (value >>> 0) & this.mask; ; i = (i + 1) & this.mask) {
      const at = this.slots[i];
      if (at === stored) return true;
      if (at === 0) return false;
    }
  }

  /** Places a stored value (value + 1); false when it was there already. */
  private insert(slots: Float64Array, mask: number, stored: number): boolean {
    // The low 32 bits are the FNV lane of the record hash: well spread.
    for (let i = ((stored - 1) >>> 0) & mask; ; i = (i + 1) & mask) {
      const at = slots[i];
      if (at === stored) return false;
      if (at === 0) {
        slots[i] = stored;
        return true;
      }
    }
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Float64Array(old.length * 2);
    this.mask = this.slots.length - 1;
    for (let i = 0; i < old.length; i++) if (old[i] !== 0) this.insert(this.slots, this.mask, old[i]);
  }
}
