import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";

/**
 * Adds the report's channels (and names it gives) once per report, before the ranges are merged: every range holds
 * videos of the same channels, and upserting them inside the range transactions made each range wait for the
 * other's commit on the shared channel rows, so the two ranges of an apply step ran one after the other.
 * A name a person gave on the Admin page (renamed_at set) wins over the report's.
 *
 * The last row of each channel gives its name (empty: keep ours), found by a hash aggregate over the staged rows
 * and a second look only at those lines, instead of sorting every staged row by channel (a million rows took
 * seconds); reports without channel names skip the second look.
 */
export async function upsertReportChannels(db: Pick<Database, "execute">, reportId: number): Promise<void> {
  await db.execute(sql`
WITH last AS MATERIALIZED (
  SELECT s.channel_id, max(s.line) AS line, bool_or(s.channel_name IS NOT NULL) AS named
  FROM import_staging s WHERE s.report_id = ${reportId} AND s.channel_id IS NOT NULL
  GROUP BY s.channel_id
),
names AS (
  SELECT DISTINCT ON (s.channel_id) s.channel_id, s.channel_name
  FROM import_staging s JOIN last l ON l.channel_id = s.channel_id AND l.line = s.line
  WHERE s.report_id = ${reportId} AND l.named AND EXISTS (SELECT 1 FROM last WHERE named)
  ORDER BY s.channel_id, s.part
)
INSERT INTO channels AS c (channel_id, name)
SELECT l.channel_id, n.channel_name FROM last l LEFT JOIN names n ON n.channel_id = l.channel_id
ORDER BY l.channel_id
ON CONFLICT (channel_id) DO UPDATE SET name = COALESCE(EXCLUDED.name, c.name), updated_at = now()
WHERE c.renamed_at IS NULL AND c.name IS DISTINCT FROM COALESCE(EXCLUDED.name, c.name)`);
}
