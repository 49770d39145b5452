import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { ReportRecord } from "@/lib/import/parse";
import { insertStagingRows } from "@/lib/import/stage/insert-staging";
import { stagingInputs } from "@/lib/import/stage/staging-columns";
import { planVideoRanges } from "@/lib/import/pipeline/plan-ranges";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/db";

// How the apply steps split a report's staged videos (issue #12): ranges of about IMPORT_MERGE_RANGE_VIDEOS, and
// at least two once the staged set is worth splitting, so the two ranges an apply step merges side by side keep
// both cores busy (a daily file's 60,000 changed videos used to be one range on one core).

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());
beforeEach(async () => {
  await database.db.execute(sql`TRUNCATE import_staging`);
});

async function stageVideos(reportId: number, count: number) {
  const records = Array.from({ length: count }, (_, i) => ({ line: i + 2, video_id: `v${String(i).padStart(10, "0")}` }) as ReportRecord);
  await insertStagingRows(database.db, reportId, [...stagingInputs(records)]);
}

describe("planning the apply steps' ranges", () => {
  it("keeps a small staged set in one range", async () => {
    await stageVideos(1, 5_000);
    expect(await planVideoRanges(database.db, 1, 250_000, { minRanges: 2 })).toEqual([""]);
  });

  it("splits a staged set below one range's size in two once it is worth it, covering every video", async () => {
    await stageVideos(1, 30_000);
    const boundaries = await planVideoRanges(database.db, 1, 250_000, { minRanges: 2 });
    expect(boundaries).toHaveLength(2);
    expect(boundaries[0]).toBe("");
    const [{ below, above }] = (
      await database.db.execute(sql`SELECT count(*) FILTER (WHERE video_id < ${boundaries[1]})::int AS below,
        count(*) FILTER (WHERE video_id >= ${boundaries[1]})::int AS above FROM import_staging`)
    ).rows as { below: number; above: number }[];
    // Ranges from the statistics' histogram: close to even, and together every staged video.
    expect(below + above).toBe(30_000);
    expect(Math.min(below, above)).toBeGreaterThan(10_000);
    // Without a minimum the same set stays whole.
    expect(await planVideoRanges(database.db, 1, 250_000)).toEqual([""]);
  });

  it.runIf(Boolean(process.env.TEST_DATABASE_URL))("partitions the staged videos under a linguistic collation too", async () => {
    // en_US orders case-insensitively ("a…" before "B…"), code units the other way round: ranges must follow the
    // column's collation, which is what the merges compare ids with. PostgreSQL only (ICU collations).
    await database.db.execute(sql`ALTER TABLE import_staging ALTER COLUMN video_id TYPE text COLLATE "en-x-icu"`);
    try {
      const records = Array.from({ length: 30_000 }, (_, i) => ({ line: i + 2, video_id: `${i % 2 ? "a" : "B"}${String(i).padStart(10, "0")}` }) as ReportRecord);
      await insertStagingRows(database.db, 1, [...stagingInputs(records)]);
      const boundaries = await planVideoRanges(database.db, 1, 10_000);
      expect(boundaries).toHaveLength(3);
      let total = 0;
      for (let i = 0; i < boundaries.length; i++) {
        const to = boundaries[i + 1];
        const upper = to === undefined ? sql`` : sql` AND video_id < ${to}`;
        const [{ n }] = (await database.db.execute(sql`SELECT count(*)::int AS n FROM import_staging WHERE video_id >= ${boundaries[i]}${upper}`)).rows as { n: number }[];
        expect(n).toBeGreaterThan(5_000);
        total += n;
      }
      expect(total).toBe(30_000);
    } finally {
      await database.db.execute(sql`TRUNCATE import_staging`);
      await database.db.execute(sql`ALTER TABLE import_staging ALTER COLUMN video_id TYPE text COLLATE "C"`);
    }
  });

  it("counts videos, not rows: many rows per video do not multiply the ranges", async () => {
    await stageVideos(1, 30_000);
    expect(await planVideoRanges(database.db, 1, 10_000)).toHaveLength(3);
    // The same 30,000 rows as the daily rows of 1,000 videos: one range of 10,000 videos holds them all.
    expect(await planVideoRanges(database.db, 1, 10_000, { stagedVideos: 1_000 })).toEqual([""]);
  });
});
