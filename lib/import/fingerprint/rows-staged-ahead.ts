import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { rowToStage } from "./row-to-stage";
import { useBulkJoins } from "@/lib/import/merge/catalog-merge-lock";

/**
 * After the comparison of a report whose validation read staged the rows it found likely to change
 * (stage-while-validating.ts): when those cover every row staging needs (each row of a video that may change, and
 * every row without a video id, which is rejected), they are kept, less the rows of videos that turned out unchanged,
 * and there are no staging steps; otherwise they are all removed and the staging steps read the rows as usual.
 * A daily file is then read once. Runs in the transaction that records the comparison's result, so the two are
 * recorded together.
 */
export async function keepRowsStagedAhead(db: Pick<Database, "execute">, reportId: number): Promise<boolean> {
  // Anti-joins of whole reports: with nested loops (the planner's pick while the scratch tables' statistics say
  // "small") a daily file's check took minutes instead of a second.
  await useBulkJoins(db);
  const missing = await db.execute(sql`
SELECT EXISTS (
  SELECT 1 FROM import_fingerprints f
  WHERE f.report_id = ${reportId} AND ${rowToStage("f")}
    AND NOT EXISTS (SELECT 1 FROM import_staging s WHERE s.report_id = f.report_id AND s.line = f.line)
    AND NOT EXISTS (SELECT 1 FROM report_rows_rejected r WHERE r.report_id = f.report_id AND r.line = f.line)
) AS missing`);
  if ((missing.rows[0] as { missing: boolean }).missing) {
    await db.execute(sql`DELETE FROM import_staging WHERE report_id = ${reportId}`);
    await db.execute(sql`DELETE FROM report_rows_rejected WHERE report_id = ${reportId}`);
    return false;
  }
  await db.execute(sql`
DELETE FROM import_staging s WHERE s.report_id = ${reportId}
  AND NOT EXISTS (SELECT 1 FROM import_video_fingerprints u WHERE u.report_id = s.report_id AND u.video_id = s.video_id)`);
  await db.execute(sql`
DELETE FROM report_rows_rejected r WHERE r.report_id = ${reportId}
  AND NOT EXISTS (
    SELECT 1 FROM import_fingerprints f
    WHERE f.report_id = r.report_id AND f.line = r.line AND ${rowToStage("f")})`);
  return true;
}
