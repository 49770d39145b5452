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
  return idRange(`${alias}.video_id`, range);
}

/** The id range on any column holding video ids (`alias.column`). */
export function idRange(column: string, range: VideoRange): SQL {
  const ref = sql.raw(column);
  const upper = range.to === null ? sql`` : sql` AND ${ref} < ${range.to}`;
  return sql`${ref} >= ${range.from}${upper}`;
}

/**
 * The time a report's merges write into updated_at: when its import started, the same for every range and step.
 * Claims and videos merged by one import then share one timestamp, so "changed since that import" is a plain
 * comparison (lib/import/fingerprint) instead of one per transaction. now() when the report row is not there.
 */
export function reportMergeTime(reportId: number): SQL {
  return sql`COALESCE((SELECT r.started_at FROM reports r WHERE r.id = ${reportId}), now())`;
}
