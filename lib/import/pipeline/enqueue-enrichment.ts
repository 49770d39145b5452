import { sql, type SQL } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { lacksEnrichment, markAssetsUpsert } from "@/lib/import/merge/enrichment-backlog";

type Executor = Pick<Database, "execute">;

const LACKS_ENRICHMENT = sql.raw(lacksEnrichment("v.upc", "v.isrc", "v.genre"));

// A Videos-type report's ranges mark their assets inside the video merge itself (merge-videos.ts), from the rows it
// has just merged, rather than reading the range's videos back afterwards (a scan and a join of the catalog per range).

/**
 * Hands videos that have an asset but lack UPC, ISRC or genre to enrichment by marking their ASSETS (the backlog,
 * F6), here for an asset-level report (rows without a video id): its assets whose claimed videos lack UPC, ISRC or
 * genre after the report's values were carried to them. Assets are few next to videos, so one statement suffices.
 */
export async function enqueueReportAssetsEnrichment(db: Executor, reportId: number): Promise<number> {
  return markAssets(
    db,
    sql`
  SELECT c.asset_id, max(v.views) AS views
  FROM claims c JOIN videos v ON v.video_id = c.video_id
  WHERE c.asset_id IN (SELECT DISTINCT s.asset_id FROM import_staging s WHERE s.report_id = ${reportId} AND s.asset_id IS NOT NULL)
    AND ${LACKS_ENRICHMENT}
  GROUP BY c.asset_id`,
  );
}

/**
 * One set-based upsert: an asset the catalog does not hold yet (a Videos report names assets only through its
 * claims) gets a bare row; a marked asset keeps its place in the queue and moves up if a more-viewed video now
 * needs it. Rows are written in asset-id order so two ranges merged side by side lock shared assets in the same
 * order and cannot deadlock.
 */
async function markAssets(db: Executor, candidates: SQL): Promise<number> {
  const result = await db.execute(sql`
WITH candidates AS (${candidates}),
marked AS (${markAssetsUpsert(sql`candidates`)})
SELECT count(*) FILTER (WHERE newly)::int AS n FROM marked`);
  return Number((result.rows[0] as { n: number }).n);
}
