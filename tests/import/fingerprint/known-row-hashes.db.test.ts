import { afterAll, beforeAll, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { loadKnownRowHashes } from "@/lib/import/fingerprint/known-row-hashes";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/db";

// The catalog's row hashes a daily file's validation read compares its rows with (lib/import/fingerprint/
// known-row-hashes.ts): exactly those of videos merged from one row with the report's fingerprint prefix and not
// changed since, read in slices of the table's pages that together cover every page, even when the statistics
// the slices are cut from are stale.

let database: TestDatabase;
const db = () => database.db;
const PREFIX = "v3|videos_report|false||";
const hashOf = (i: number) => 2 ** 52 + i * 7_919_003;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

async function addVideos(from: number, count: number) {
  // Every fourth video is something else: merged from two rows, from another kind, or changed since its merge.
  await db().execute(sql`
INSERT INTO videos (video_id, source_fingerprint, source_fingerprint_at, updated_at)
SELECT 'k' || lpad(i::text, 10, '0'),
  CASE i % 4 WHEN 1 THEN ${PREFIX}::text || '2:' || (${2 ** 52}::int8 + i::int8 * 7919003) || ':7'
             WHEN 2 THEN 'v3|claims_report|false||1:' || (${2 ** 52}::int8 + i::int8 * 7919003) || ':7'
             ELSE ${PREFIX}::text || '1:' || (${2 ** 52}::int8 + i::int8 * 7919003) || ':7' END,
  '2026-01-01', CASE i % 4 WHEN 3 THEN '2026-02-01'::timestamptz ELSE '2026-01-01' END
FROM generate_series(${from}::int, ${from + count - 1}::int) i`);
}

it("holds exactly the single-row hashes of the prefix, over every slice, also with stale statistics", async () => {
  await addVideos(0, 4000);
  await db().execute(sql`ANALYZE videos`);
  // Added after the statistics: beyond the pages the slices were cut from.
  await addVideos(4000, 2000);
  const known = await loadKnownRowHashes(db(), PREFIX, { videosPerSlice: 700 });
  expect(known).not.toBeNull();
  expect(known!.size).toBe(1500);
  for (let i = 0; i < 6000; i++) expect(known!.has(hashOf(i))).toBe(i % 4 === 0);
  expect(known!.has(hashOf(6000))).toBe(false);
  // One slice gives the same.
  expect((await loadKnownRowHashes(db(), PREFIX))!.size).toBe(1500);
}, 60_000);

it("grows its table when the statistics know fewer videos than it holds", async () => {
  await db().execute(sql`TRUNCATE videos CASCADE`);
  await addVideos(0, 6000);
  const known = await loadKnownRowHashes(db(), PREFIX);
  expect(known!.size).toBe(1500);
  for (let i = 0; i < 6000; i++) expect(known!.has(hashOf(i))).toBe(i % 4 === 0);
}, 60_000);
