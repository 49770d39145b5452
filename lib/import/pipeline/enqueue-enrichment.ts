import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { stagingRange, videoIdRange, type VideoRange } from "@/lib/import/merge/batch-range";

/**
 * Hands videos of this report that have an asset but lack UPC, ISRC or genre to enrichment as `pending` tasks.
 * The partial unique index keeps one open task per video, so re-imports do not pile up duplicates.
 */
export async function enqueueAssetEnrichment(
  db: Pick<Database, "execute">,
  reportId: number,
  range: VideoRange = { from: "", to: null },
): Promise<number> {
  const result = await db.execute(sql`
WITH candidates AS (
  SELECT v.video_id, v.asset_id FROM videos v
  WHERE v.video_id IN (SELECT s.video_id FROM import_staging s WHERE ${stagingRange(reportId, range)})
    AND ${videoIdRange("v", range)}
    AND v.asset_id IS NOT NULL
    AND (v.upc IS NULL OR v.isrc IS NULL OR v.genre IS NULL OR cardinality(v.genre) = 0)
    -- Videos that already have an open task are left out before inserting: on a re-import that is nearly all of
    -- them, and a failed insert per video costs far more than this anti-join. ON CONFLICT still covers races.
    AND NOT EXISTS (
      SELECT 1 FROM processing_queue q
      WHERE q.task_type = 'asset_enrichment' AND q.video_id = v.video_id AND q.status IN ('pending', 'processing')
    )
),
ins AS (
  INSERT INTO processing_queue (task_type, video_id, asset_id, status, priority, payload, source_report_id)
  SELECT 'asset_enrichment', video_id, asset_id, 'pending', 0,
    jsonb_build_object('video_id', video_id, 'asset_id', asset_id), ${reportId}::int
  FROM candidates
  ON CONFLICT (task_type, video_id) WHERE status IN ('pending', 'processing') DO NOTHING
  RETURNING 1
)
SELECT count(*)::int AS n FROM ins`);
  return Number((result.rows[0] as { n: number }).n);
}
