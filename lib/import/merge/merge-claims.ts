import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { reportMergeTime, stagingRange, videoIdRange, type VideoRange } from "./batch-range";

type Executor = Pick<Database, "execute">;

/** Every claim in the range is kept (a video can be claimed by several assets); the last row per claim wins. */
export async function mergeClaimRange(db: Executor, params: { reportId: number; range: VideoRange }): Promise<{ created: number; updated: number }> {
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
  SELECT src.* FROM src
  JOIN videos v ON v.video_id = src.video_id AND ${videoIdRange("v", params.range)}
  LEFT JOIN claims c ON c.video_id = src.video_id AND c.asset_id = src.claim_asset_id AND ${videoIdRange("c", params.range)}
  WHERE c.video_id IS NULL
    OR (c.claim_id, c.claim_type, c.claim_origin, c.policy, c.status) IS DISTINCT FROM
       (COALESCE(src.claim_id, c.claim_id), COALESCE(src.claim_type, c.claim_type), COALESCE(src.claim_origin, c.claim_origin),
        COALESCE(src.claim_policy, c.policy), COALESCE(src.claim_status, c.status))
),
up AS (
  INSERT INTO claims AS c (video_id, asset_id, claim_id, claim_type, claim_origin, policy, status, updated_at)
  SELECT video_id, claim_asset_id, claim_id, claim_type, claim_origin, claim_policy, claim_status, t.at
  FROM diff, (SELECT ${reportMergeTime(params.reportId)} AS at) t
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
  RETURNING (xmax = 0) AS inserted
)
SELECT count(*) FILTER (WHERE inserted)::int AS created, count(*) FILTER (WHERE NOT inserted)::int AS updated FROM up`);
  const row = result.rows[0] as Record<string, number>;
  return { created: Number(row.created), updated: Number(row.updated) };
}
