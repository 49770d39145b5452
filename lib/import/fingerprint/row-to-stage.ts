import { sql, type SQL } from "drizzle-orm";

/**
 * Whether the fingerprinted row `f` (an alias of import_fingerprints) has to be staged: its video may change, or it
 * has no video id (a rejected row, listed again by every import).
 */
export function rowToStage(f: string): SQL {
  const row = sql.raw(f);
  return sql`(${row}.video_key IS NULL OR EXISTS (
    SELECT 1 FROM import_video_fingerprints u WHERE u.report_id = ${row}.report_id AND u.video_id = ${row}.video_key))`;
}
