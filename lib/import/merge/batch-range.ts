import { sql, type SQL } from "drizzle-orm";

/** A slice of a report's videos by id: [from, to) — `to` null means "to the end". */
export type VideoRange = { from: string; to: string | null };

/** The staging rows of one report within a video-id range, as a WHERE condition on alias `s`. */
export function stagingRange(reportId: number, range: VideoRange): SQL {
  const upper = range.to === null ? sql`` : sql` AND s.video_id < ${range.to}`;
  return sql`s.report_id = ${reportId} AND s.video_id >= ${range.from}${upper}`;
}

/** The same id range on another table's video_id column, so a join with the catalog reads only that slice. */
export function videoIdRange(alias: string, range: VideoRange): SQL {
  const column = sql.raw(`${alias}.video_id`);
  const upper = range.to === null ? sql`` : sql` AND ${column} < ${range.to}`;
  return sql`${column} >= ${range.from}${upper}`;
}
