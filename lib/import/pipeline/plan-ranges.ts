import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";

/**
 * Video-id boundaries that split the staged videos into ranges of about `perRange` rows each; the first is ''.
 * They come from the statistics ANALYZE gathers anyway (the planner needs them for the merges): its histogram of
 * video ids is a sample's quantiles, so ranges are close to even without sorting a million ids. Ranges only need
 * to cover every id and be disjoint; their sizes need not be exact.
 */
export async function planVideoRanges(db: Database, reportId: number, perRange: number): Promise<string[]> {
  const any = await db.execute(sql`SELECT 1 FROM import_staging WHERE report_id = ${reportId} AND video_id IS NOT NULL LIMIT 1`);
  if (any.rows.length === 0) return [];
  await db.execute(sql`ANALYZE import_staging`);
  const stats = await db.execute(sql`
SELECT (SELECT reltuples FROM pg_class WHERE oid = 'import_staging'::regclass)::float8 AS rows,
  (SELECT histogram_bounds::text::text[] FROM pg_stats
   WHERE schemaname = current_schema() AND tablename = 'import_staging' AND attname = 'video_id') AS bounds`);
  const { rows, bounds } = stats.rows[0] as { rows: number | null; bounds: string[] | null };
  const ranges = Math.ceil((rows ?? 0) / perRange);
  if (ranges <= 1 || !bounds || bounds.length < 3) return [""];
  const picked = new Set<string>([""]);
  for (let k = 1; k < ranges; k++) picked.add(bounds[Math.round((k * (bounds.length - 1)) / ranges)]);
  const boundaries = [...picked].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (boundaries.length > SORT_FROM_RANGES) await sortStagingByVideo(db);
  return boundaries;
}

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
    await tx.execute(sql`CLUSTER import_staging USING import_staging_report_video_idx`);
  });
  // The rows' order is the statistics' correlation: the merges' plans should know it.
  await db.execute(sql`ANALYZE import_staging`);
}
