import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { stagingRange, type VideoRange } from "./batch-range";

type Executor = Pick<Database, "execute">;

export type MetricsContext = { reportId: number; kind: string; contentHash: string; defaultPeriod: string };

/**
 * Sums owned views and partner revenue per video and period over the rows that split them (day, country, claim),
 * as exact numerics. Keyed by the file's content hash: importing the same file again replaces, never doubles.
 * Only `part = 0` rows carry a record's metrics, so a row fanned out into several claims counts once.
 */
export async function mergeVideoMetricsRange(db: Executor, ctx: MetricsContext, range: VideoRange): Promise<number> {
  const result = await db.execute(sql`
WITH agg AS (
  SELECT s.video_id, COALESCE(s.period, ${ctx.defaultPeriod}::date) AS period,
    COALESCE(sum(s.owned_views), 0) AS owned_views, COALESCE(sum(s.partner_revenue), 0) AS partner_revenue
  FROM import_staging s
  WHERE ${stagingRange(ctx.reportId, range)} AND s.part = 0
    AND (s.owned_views IS NOT NULL OR s.partner_revenue IS NOT NULL)
    AND EXISTS (SELECT 1 FROM videos v WHERE v.video_id = s.video_id)
  GROUP BY 1, 2
),
up AS (
  INSERT INTO video_metrics AS vm (video_id, period, report_kind, source_hash, owned_views, partner_revenue, source_report_id)
  SELECT video_id, period, ${ctx.kind}, ${ctx.contentHash}, owned_views, partner_revenue, ${ctx.reportId}::int FROM agg
  ON CONFLICT (video_id, period, report_kind, source_hash) DO UPDATE SET
    owned_views = EXCLUDED.owned_views, partner_revenue = EXCLUDED.partner_revenue, updated_at = now()
  WHERE (vm.owned_views, vm.partner_revenue) IS DISTINCT FROM (EXCLUDED.owned_views, EXCLUDED.partner_revenue)
  RETURNING 1
)
SELECT count(*)::int AS n FROM up`);
  return Number((result.rows[0] as { n: number }).n);
}

/** Asset-level reports: the same aggregation per asset. */
export async function mergeAssetMetrics(db: Executor, ctx: MetricsContext): Promise<number> {
  const result = await db.execute(sql`
WITH agg AS (
  SELECT s.asset_id, COALESCE(s.period, ${ctx.defaultPeriod}::date) AS period,
    COALESCE(sum(s.owned_views), 0) AS owned_views, COALESCE(sum(s.partner_revenue), 0) AS partner_revenue
  FROM import_staging s
  WHERE s.report_id = ${ctx.reportId} AND s.video_id IS NULL AND s.asset_id IS NOT NULL AND s.part = 0
    AND (s.owned_views IS NOT NULL OR s.partner_revenue IS NOT NULL)
  GROUP BY 1, 2
),
up AS (
  INSERT INTO asset_metrics AS am (asset_id, period, report_kind, source_hash, owned_views, partner_revenue, source_report_id)
  SELECT asset_id, period, ${ctx.kind}, ${ctx.contentHash}, owned_views, partner_revenue, ${ctx.reportId}::int FROM agg
  ON CONFLICT (asset_id, period, report_kind, source_hash) DO UPDATE SET
    owned_views = EXCLUDED.owned_views, partner_revenue = EXCLUDED.partner_revenue, updated_at = now()
  WHERE (am.owned_views, am.partner_revenue) IS DISTINCT FROM (EXCLUDED.owned_views, EXCLUDED.partner_revenue)
  RETURNING 1
)
SELECT count(*)::int AS n FROM up`);
  return Number((result.rows[0] as { n: number }).n);
}
