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
  return [...picked].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
