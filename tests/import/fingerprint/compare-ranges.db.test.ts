import { afterAll, beforeAll, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import {
  compareRange,
  compareWithCatalog,
  finishComparison,
  planComparison,
  type RangeComparison,
} from "@/lib/import/fingerprint/compare-with-catalog";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/db";
import { rows } from "@/tests/helpers/imports";

// The comparison of a report's videos with the catalog (lib/import/fingerprint/compare-with-catalog.ts) split into
// id ranges that run side by side on node-postgres: together they find and store exactly what the comparison in
// one statement does, and each range only its own videos.

let database: TestDatabase;
const db = () => database.db;
const params = { reportId: 1, kind: "videos_report", excludeShorts: false, contentHash: "x" };
const PREFIX = "v3|videos_report|false||";

beforeAll(async () => {
  database = await createTestDatabase();
  // 30,000 videos of one row and 2,000 of two rows, plus two rows without a video id (rejected rows).
  await db().execute(sql`
INSERT INTO import_fingerprints (report_id, line, video_key, row_hash)
SELECT 1, i + 2, 'c' || lpad((i % 30000)::text, 9, '0'), 1000 + i FROM generate_series(0, 31999) i
UNION ALL SELECT 1, 40000 + i, NULL, 7 FROM generate_series(0, 1) i`);
  // The catalog holds single-row videos 2,000–9,999 as those rows left them; of those, 2,000–2,099 have a claim
  // changed since and 2,100–2,199 were edited since their merge. Videos 10,000–11,999 were merged from other rows.
  await db().execute(sql`
INSERT INTO videos (video_id, source_fingerprint, source_fingerprint_at, updated_at)
SELECT 'c' || lpad(i::text, 9, '0'),
  CASE WHEN i < 10000 THEN ${PREFIX}::text || '1:' || (1000 + i) || ':' || (1000 + i) ELSE ${PREFIX}::text || '1:5:5' END,
  '2026-01-01', CASE WHEN i BETWEEN 2100 AND 2199 THEN '2026-02-01'::timestamptz ELSE '2026-01-01' END
FROM generate_series(2000, 11999) i`);
  await db().execute(sql`
INSERT INTO claims (video_id, asset_id, updated_at)
SELECT 'c' || lpad(i::text, 9, '0'), 'A' || i, '2026-03-01' FROM generate_series(2000, 2099) i`);
});
afterAll(() => database.drop());

const stored = () => rows(db(), sql`SELECT video_id, fingerprint FROM import_video_fingerprints ORDER BY video_id`);

it("finds and stores in two ranges exactly what one comparison does", async () => {
  const whole = await db().transaction((tx) => compareWithCatalog(tx, params));
  // 30,000 videos; unchanged: the 8,000 held as they are, less 100 with a newer claim and 100 edited since.
  expect(whole).toEqual({ videos: 30_000, unchanged: 8_000 - 200, newVideos: 20_000, scope: "changed" });
  const storedWhole = await stored();
  expect(storedWhole).toHaveLength(30_000 - 7_800);

  await db().execute(sql`TRUNCATE import_video_fingerprints`);
  const boundaries = await planComparison(db(), 1, 2);
  expect(boundaries).toHaveLength(2);
  expect(boundaries[0]).toBe("");
  const ranges: RangeComparison[] = [];
  for (const [i, from] of boundaries.entries()) {
    ranges.push(await db().transaction((tx) => compareRange(tx, params, { from, to: boundaries[i + 1] ?? null })));
  }
  // Both ranges hold a fair share of the videos, and no video is in both.
  for (const range of ranges) expect(range.videos).toBeGreaterThan(10_000);
  expect(await db().transaction((tx) => finishComparison(tx, params, ranges))).toEqual(whole);
  expect(await stored()).toEqual(storedWhole);
});

it("compares a small report in one range", async () => {
  await db().execute(sql`DELETE FROM import_fingerprints WHERE report_id = 2`);
  await db().execute(sql`INSERT INTO import_fingerprints (report_id, line, video_key, row_hash) SELECT 2, i + 2, 's' || i, i FROM generate_series(1, 500) i`);
  expect(await planComparison(db(), 2, 2)).toEqual([""]);
});
