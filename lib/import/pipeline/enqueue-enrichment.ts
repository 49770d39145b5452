import { sql, type SQL } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { stagingRange, videoIdRange, type VideoRange } from "@/lib/import/merge/batch-range";

type Executor = Pick<Database, "execute">;

/** A video still lacks what asset enrichment fills in (genre never comes from a report). */
const LACKS_ENRICHMENT = sql.raw(`(v.upc IS NULL OR v.isrc IS NULL OR v.genre IS NULL OR cardinality(v.genre) = 0)`);

/**
 * Hands this range's videos that have an asset but lack UPC, ISRC or genre to enrichment by marking their ASSETS
 * (the backlog, F6): one asset is claimed by many videos and the Content ID API answers per asset, so a million-row
 * import writes one row per distinct asset instead of a queue task per video. The drain later carves the marked
 * assets into tasks of 50, most-viewed first. Returns how many assets joined the backlog (not already in it).
 */
export async function enqueueAssetEnrichment(db: Executor, reportId: number, range: VideoRange = { from: "", to: null }): Promise<number> {
  return markAssets(
    db,
    sql`
  SELECT v.asset_id, max(v.views) AS views FROM videos v
  WHERE v.video_id IN (SELECT s.video_id FROM import_staging s WHERE ${stagingRange(reportId, range)})
    AND ${videoIdRange("v", range)}
    AND v.asset_id IS NOT NULL AND ${LACKS_ENRICHMENT}
  GROUP BY v.asset_id`,
  );
}

/**
 * The same for an asset-level report (rows without a video id): its assets whose claimed videos lack UPC, ISRC or
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
  // "Newly marked" = the mark carries this transaction's now(): inserted here, or set here on an unmarked asset. The
  // old value is not visible in RETURNING, and ranges merged side by side see each other's marks only once
  // committed, so counting from a snapshot before the upsert would count a shared asset twice.
  const result = await db.execute(sql`
WITH candidates AS (${candidates}),
marked AS (
  INSERT INTO assets AS a (asset_id, enrichment_requested_at, enrichment_views)
  SELECT asset_id, now(), views FROM candidates ORDER BY asset_id
  ON CONFLICT (asset_id) DO UPDATE SET
    enrichment_requested_at = COALESCE(a.enrichment_requested_at, EXCLUDED.enrichment_requested_at),
    enrichment_views = GREATEST(a.enrichment_views, EXCLUDED.enrichment_views)
  WHERE a.enrichment_requested_at IS NULL OR a.enrichment_views IS DISTINCT FROM GREATEST(a.enrichment_views, EXCLUDED.enrichment_views)
  RETURNING a.enrichment_requested_at = now() AS newly
)
SELECT count(*) FILTER (WHERE newly)::int AS n FROM marked`);
  return Number((result.rows[0] as { n: number }).n);
}
