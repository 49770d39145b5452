import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";

/**
 * Adds the report's channels (and names it gives) once per report, before the ranges are merged: every range holds
 * videos of the same channels, and upserting them inside the range transactions made each range wait for the
 * other's commit on the shared channel rows, so the two ranges of an apply step ran one after the other.
 * A name a person gave on the Admin page (renamed_at set) wins over the report's.
 */
export async function upsertReportChannels(db: Pick<Database, "execute">, reportId: number): Promise<void> {
  await db.execute(sql`
INSERT INTO channels AS c (channel_id, name)
SELECT DISTINCT ON (s.channel_id) s.channel_id, s.channel_name
FROM import_staging s WHERE s.report_id = ${reportId} AND s.channel_id IS NOT NULL
ORDER BY s.channel_id, s.line DESC
ON CONFLICT (channel_id) DO UPDATE SET name = COALESCE(EXCLUDED.name, c.name), updated_at = now()
WHERE c.renamed_at IS NULL AND c.name IS DISTINCT FROM COALESCE(EXCLUDED.name, c.name)`);
}
