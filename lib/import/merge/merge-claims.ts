import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { reportMergeTime, stagingRange, videoIdRange, type VideoRange } from "./batch-range";

type Executor = Pick<Database, "execute">;

/**
 * Every claim in the range is kept (a video can be claimed by several assets); the last row per claim wins. Claims
 * are merged for videos the catalog holds: `everyStagedVideoExists` says the range's videos were just merged with
 * none left out (no Shorts excluded), which spares reading the range's videos back to check.
 */
export async function mergeClaimRange(
  db: Executor,
  params: { reportId: number; range: VideoRange; everyStagedVideoExists?: boolean },
): Promise<{ created: number; updated: number }> {
  const inCatalog = params.everyStagedVideoExists ? sql`` : sql`JOIN videos v ON v.video_id = src.video_id AND ${videoIdRange("v", params.range)}`;
  const result = await db.execute(sql`
WITH src AS (
  SELECT DISTINCT ON (s.video_id, s.claim_asset_id)
    s.video_id, s.claim_asset_id, s.claim_id, s.claim_type, s.claim_origin, s.claim_policy, s.claim_status
  FROM import_staging s
  WHERE ${stagingRange(params.reportId, params.range)} AND s.claim_asset_id IS NOT NULL
  ORDER BY s.video_id, s.claim_asset_id, s.line DESC
),
-- Only new or changed claims go to the upsert: on a re-import nearly every claim is unchanged, and one hash join
-- finds them far cheaper than an attempted insert per claim.
diff AS (
  SELECT src.*, (c.video_id IS NULL) AS is_new FROM src
  ${inCatalog}
  LEFT JOIN claims c ON c.video_id = src.video_id AND c.asset_id = src.claim_asset_id AND ${videoIdRange("c", params.range)}
  WHERE c.video_id IS NULL
    OR (c.claim_id, c.claim_type, c.claim_origin, c.policy, c.status) IS DISTINCT FROM
       (COALESCE(src.claim_id, c.claim_id), COALESCE(src.claim_type, c.claim_type), COALESCE(src.claim_origin, c.claim_origin),
        COALESCE(src.claim_policy, c.policy), COALESCE(src.claim_status, c.status))
),
-- New claims are plainly inserted: the join above found no claim for them, and under the merge lock nothing adds
-- one meanwhile (if something did, the unique index fails the step and its retry sees it). An upsert checks the
-- index before and confirms after each insert; a first import's million claims skip that.
ins AS (
  INSERT INTO claims (video_id, asset_id, claim_id, claim_type, claim_origin, policy, status, updated_at)
  SELECT video_id, claim_asset_id, claim_id, claim_type, claim_origin, claim_policy, claim_status, t.at
  FROM diff, (SELECT ${reportMergeTime(params.reportId)} AS at) t WHERE is_new
  RETURNING 1
),
up AS (
  INSERT INTO claims AS c (video_id, asset_id, claim_id, claim_type, claim_origin, policy, status, updated_at)
  SELECT video_id, claim_asset_id, claim_id, claim_type, claim_origin, claim_policy, claim_status, t.at
  FROM diff, (SELECT ${reportMergeTime(params.reportId)} AS at) t WHERE NOT is_new
  ON CONFLICT (video_id, asset_id) DO UPDATE SET
    claim_id = COALESCE(EXCLUDED.claim_id, c.claim_id),
    claim_type = COALESCE(EXCLUDED.claim_type, c.claim_type),
    claim_origin = COALESCE(EXCLUDED.claim_origin, c.claim_origin),
    policy = COALESCE(EXCLUDED.policy, c.policy),
    status = COALESCE(EXCLUDED.status, c.status),
    updated_at = EXCLUDED.updated_at
  WHERE (c.claim_id, c.claim_type, c.claim_origin, c.policy, c.status) IS DISTINCT FROM
    (COALESCE(EXCLUDED.claim_id, c.claim_id), COALESCE(EXCLUDED.claim_type, c.claim_type),
     COALESCE(EXCLUDED.claim_origin, c.claim_origin), COALESCE(EXCLUDED.policy, c.policy), COALESCE(EXCLUDED.status, c.status))
  RETURNING 1
)
SELECT (SELECT count(*) FROM ins)::int AS created, (SELECT count(*) FROM up)::int AS updated`);
  const row = result.rows[0] as Record<string, number>;
  return { created: Number(row.created), updated: Number(row.updated) };
}
