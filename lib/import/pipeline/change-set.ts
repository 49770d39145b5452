import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import type { ReportSummary } from "@/lib/db/schema";
import { changeSetGroups } from "@/lib/import/merge/video-fields";

const EXAMPLES = 10;

/**
 * What changed since the previous import, from this report's audit records: videos whose policy, claim state,
 * Shorts status or ownership changed (new videos are counted separately, not as changes).
 */
export async function buildChangeSet(db: Database, reportId: number, newVideos: number): Promise<NonNullable<ReportSummary["change_set"]>> {
  const counts: Record<string, number> = {};
  const examples: Record<string, string[]> = {};
  for (const [group, fields] of Object.entries(changeSetGroups)) {
    const condition = sql.join(fields.map((f) => sql`m.changes ? ${f}`), sql` OR `);
    const result = await db.execute(sql`
SELECT count(*)::int AS n, (array_agg(m.video_id ORDER BY m.video_id))[1:${EXAMPLES}] AS examples
FROM metadata_syncs m
WHERE m.source_kind = 'report' AND m.source_id = ${String(reportId)} AND m.video_id IS NOT NULL AND (${condition})
  AND NOT EXISTS (SELECT 1 FROM videos v WHERE v.video_id = m.video_id
    AND v.created_at >= (SELECT started_at FROM reports WHERE id = ${reportId}))`);
    const row = result.rows[0] as { n: number; examples: string[] | null };
    counts[group] = Number(row.n);
    examples[group] = row.examples ?? [];
  }
  const fresh = await db.execute(sql`
SELECT (array_agg(video_id ORDER BY video_id))[1:${EXAMPLES}] AS examples FROM videos
WHERE last_source_report_id = ${reportId} AND created_at >= (SELECT started_at FROM reports WHERE id = ${reportId})`);
  examples.new_videos = (fresh.rows[0] as { examples: string[] | null }).examples ?? [];
  return {
    new_videos: newVideos,
    policy_changed: counts.policy_changed,
    claim_state_changed: counts.claim_state_changed,
    shorts_changed: counts.shorts_changed,
    ownership_changed: counts.ownership_changed,
    examples,
  };
}
