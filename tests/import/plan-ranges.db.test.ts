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

  it("counts videos, not rows: many rows per video do not multiply the ranges", async () => {
    await stageVideos(1, 30_000);
    expect(await planVideoRanges(database.db, 1, 10_000)).toHaveLength(3);
    // The same 30,000 rows as the daily rows of 1,000 videos: one range of 10,000 videos holds them all.
    expect(await planVideoRanges(database.db, 1, 10_000, { stagedVideos: 1_000 })).toEqual([""]);
  });
});
