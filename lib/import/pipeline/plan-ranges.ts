import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { ensureStagingIndex } from "@/lib/import/stage/staging-index";

/**
 * Video-id boundaries that split the staged videos into ranges of about `perRange` videos each (`stagedVideos`, when
 * known; otherwise staged rows are counted as videos); the first is ''. Counting videos rather than rows keeps the
 * number of ranges, and so the number of passes over the staging table, independent of how many rows each video
 * has: a financial report's month of daily rows for 50,000 videos is two ranges however long the month, where
 * ranges of rows made it twenty and had to sort the staging table first (25 s of 5M rows) to keep their reads apart.
 * They come from the statistics ANALYZE gathers anyway (the planner needs them for the merges): its histogram of
 * video ids is a sample's quantiles, so ranges are close to even without sorting a million ids. Ranges only need
 * to cover every id and be disjoint; their sizes need not be exact.
 */
export async function planVideoRanges(
  db: Database,
  reportId: number,
  perRange: number,
  options: { minRanges?: number; stagedVideos?: number | null; analyzed?: boolean } = {},
): Promise<string[]> {
  const minRanges = options.minRanges ?? 1;
  const any = await db.execute(sql`SELECT 1 FROM import_staging WHERE report_id = ${reportId} AND video_id IS NOT NULL LIMIT 1`);
  if (any.rows.length === 0) return [];
  // `analyzed`: the caller has just analyzed the staged rows (a second ANALYZE samples them all over again).
  if (!options.analyzed) await db.execute(sql`ANALYZE import_staging`);
  const stats = await db.execute(sql`
SELECT (SELECT reltuples FROM pg_class WHERE oid = 'import_staging'::regclass)::float8 AS rows,
  (SELECT histogram_bounds::text::text[] FROM pg_stats
   WHERE schemaname = current_schema() AND tablename = 'import_staging' AND attname = 'video_id') AS bounds`);
  const { rows, bounds } = stats.rows[0] as { rows: number | null; bounds: string[] | null };
  // A staged set too small for several ranges of `perRange` is still split `minRanges` ways once it is worth it: an
  // apply step merges two ranges side by side, and a daily file's 60,000 changed videos in one range left a core idle
  // while the other spent 3.6 s updating rows and their indexes.
  const videos = options.stagedVideos ?? rows ?? 0;
  const ranges = Math.max(Math.ceil(videos / perRange), (rows ?? 0) >= MIN_ROWS_TO_SPLIT ? minRanges : 1);
  if (ranges <= 1 || !bounds || bounds.length < 3) return [""];
  const boundaries = boundariesFromHistogram(bounds, ranges);
  if (boundaries.length > SORT_FROM_RANGES) await sortStagingByVideo(db);
  return boundaries;
}

/**
 * `ranges` range starts from a column's histogram_bounds, the first ''. Picked in the histogram's order, which is
 * the column's collation: the order the statements compare ids in. (Sorted in JavaScript's code-unit order instead,
 * they disagreed under a linguistic collation — en_US puts "a…" before "B…" — and two ranges overlapped.) The empty
 * string comes first in every collation.
 */
export function boundariesFromHistogram(bounds: string[], ranges: number): string[] {
  const picked = new Set<string>([""]);
  for (let k = 1; k < ranges; k++) picked.add(bounds[Math.round((k * (bounds.length - 1)) / ranges)]);
  return [...picked];
}

/** Below this many rows one range does it: splitting costs a second statement per step for little gain. */
export const MIN_ROWS_TO_SPLIT = 20_000;

/**
 * Above this many ranges, the staged rows are sorted by video before they are merged. Rows are staged in file
 * order, and a video's rows are spread over the whole file (a financial report has a row per day × country; any
 * report lists its videos in no id order), so every range read nearly every page of the staging table: applying
 * cost ranges × rows, quadratic in the file's length (5M claim-raw rows: 20 ranges, 76 s of apply steps). Sorted
 * once, each range reads its own pages. Measured on claim-raw files (noisy, shared machine): 3M rows, sort 14 s,
 * then merges 8 s instead of 31 s; 2M rows, 3 s and 7 s instead of 13 s; 1M rows (4 ranges), 5 s and 6 s instead
 * of 8 s, so not there.
 */
const SORT_FROM_RANGES = 4;

async function sortStagingByVideo(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL maintenance_work_mem = '256MB'`);
    // A read that staged the whole report copied without the index (staging-index.ts): CLUSTER sorts by it.
    await ensureStagingIndex(tx);
    await tx.execute(sql`CLUSTER import_staging USING import_staging_report_video_idx`);
  });
  // The rows' order is the statistics' correlation: the merges' plans should know it.
  await db.execute(sql`ANALYZE import_staging`);
}
