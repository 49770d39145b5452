import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { reportMergeTime, stagingRange, videoIdRange, type VideoRange } from "./batch-range";
import { videoFieldsFromReports } from "./video-fields";
import { shortsSqlCase } from "./shorts-sql";
import { changeSetGroups } from "./video-fields";
import { lacksEnrichment, markAssetsUpsert } from "./enrichment-backlog";

export type ChangeSetPart = Record<keyof typeof changeSetGroups | "new_videos", { count: number; examples: string[] }>;
export type VideoMergeCounts = {
  videos: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  changeSet: ChangeSetPart;
  /** Assets that joined the enrichment backlog (not already in it). */
  enrichmentQueued: number;
};

export const CHANGE_SET_EXAMPLES = 10;

type Executor = Pick<Database, "execute">;

const columns = videoFieldsFromReports.map((f) => f.column);
const auditedColumns = [...columns, "is_short", "short_rule"];

// Only the report's values travel through the sort that picks each video's last row (not the whole staging row).
const sourceSelect = videoFieldsFromReports.map((f) => `${f.source} AS ${f.column}`).join(",\n    ");
// The last row of the file for each video wins; a cell the report leaves empty keeps the catalog's value
// (an empty cell means "this report does not say", not "clear it").
const mergedSelect = columns.map((c) => `COALESCE(s.${c}, o.${c}) AS ${c}`).join(",\n    ");
// The catalog's previous values ride along as old_<column>, so the catalog is joined once.
const oldSelect = auditedColumns.map((c) => `o.${c} AS old_${c}`).join(", ");
const mergedRow = auditedColumns.map((c) => `k.${c}`).join(", ");
const oldRow = auditedColumns.map((c) => `k.old_${c}`).join(", ");
// The audit record {field: [old, new]} of an updated video's changed fields, written as JSON text and cast once:
// building it with jsonb_build_object cost about 9 µs per field and row, the largest part of a first import.
const jsonValue = (expr: string) => `COALESCE(to_json(${expr})::text, 'null')`;
const changesText = auditedColumns
  .map((c) => `CASE WHEN d.${c} IS DISTINCT FROM d.old_${c} THEN '"${c}":[' || ${jsonValue(`d.old_${c}`)} || ',' || ${jsonValue(`d.${c}`)} || ']' END`)
  .join(",\n      ");
const insertColumns = auditedColumns.join(", ");
const updateSet = auditedColumns.map((c) => `${c} = EXCLUDED.${c}`).join(", ");

// The change set (what changed since the previous import) comes from the same comparison: one flag per group and
// row, so the catalog's previous values need not travel past the comparison.
const changeSetFlags = Object.entries(changeSetGroups)
  .map(([group, fields]) => `(NOT d.skip AND NOT d.is_new AND (${fields.map((f) => `d.${f} IS DISTINCT FROM d.old_${f}`).join(" OR ")})) AS ${group}`)
  .join(",\n    ");
const changeSetSelect = Object.keys(changeSetGroups)
  .map((group) => `count(*) FILTER (WHERE ${group})::int AS ${group}_count,
  (array_agg(video_id ORDER BY video_id) FILTER (WHERE ${group}))[1:${CHANGE_SET_EXAMPLES}] AS ${group}_examples`)
  .join(",\n  ");
// What the writes and counts below need of a merged row: the new values, never the old ones (the materialised rows
// are then half as wide and a range's fit in memory instead of spilling to disk).
const writtenColumns = auditedColumns.map((c) => `d.${c}`).join(", ");
// The asset whose enrichment a merged video asks for, as the catalog holds the video after this merge: an excluded
// Short keeps its old row (a new one is not written, and its old_* are null), the others the merged values. Genre
// never comes from a report, so the catalog's is the video's.
const assetToMark = `CASE WHEN d.skip
      THEN CASE WHEN d.old_asset_id IS NOT NULL AND ${lacksEnrichment("d.old_upc", "d.old_isrc", "d.old_genre")} THEN d.old_asset_id END
      ELSE CASE WHEN d.asset_id IS NOT NULL AND ${lacksEnrichment("d.upc", "d.isrc", "d.old_genre")} THEN d.asset_id END END`;

/** The report's kind says which Shorts signal its rows carry (shorts-sql.ts); null without a report row. */
async function reportKind(db: Executor, reportId: number): Promise<string | null> {
  const result = await db.execute(sql`SELECT kind FROM reports WHERE id = ${reportId}`);
  return (result.rows[0] as { kind: string | null } | undefined)?.kind ?? null;
}

/**
 * Merges one id-range of a report's staged videos into the catalog in one statement: insert new videos, update
 * changed ones, and write one audit record per changed existing video holding only the fields that changed. A new
 * video records the report that created it (created_by_report_id/_at) instead of an audit record repeating the
 * row itself: that record cost about 9 s per million new videos and said nothing the row does not. The merged
 * rows are materialised once; the counts and the change set come from one pass over them.
 *
 * The same statement hands the range's videos that have an asset but lack UPC, ISRC or genre to enrichment by
 * marking their ASSETS (the backlog, F6): one asset is claimed by many videos and the Content ID API answers per
 * asset, so a million-row import writes one row per distinct asset instead of a queue task per video; the drain
 * later carves the marked assets into tasks of 50, most-viewed first.
 */
export async function mergeVideoRange(
  db: Executor,
  params: { reportId: number; range: VideoRange; excludeShorts: boolean },
): Promise<VideoMergeCounts> {
  const { reportId, range, excludeShorts } = params;
  const kind = await reportKind(db, reportId);
  const result = await db.execute(sql`
WITH src AS (
  -- Ids sort byte by byte (their columns' collation, lib/db/schema/key-text.ts): under the locale's comparison
  -- this sort was an eighth of a range's merge.
  SELECT DISTINCT ON (s.video_id) s.video_id, s.in_shorts_report,
    ${sql.raw(sourceSelect)}
  FROM import_staging s
  WHERE ${stagingRange(reportId, range)}
  ORDER BY s.video_id, s.line DESC, s.part
),
m AS (
  -- No row locks: merge steps hold a transaction-level advisory lock (catalog-merge-lock.ts), which serialises
  -- catalog merges without writing a lock into every existing row.
  SELECT s.video_id, (o.video_id IS NULL) AS is_new, s.in_shorts_report, fp.fingerprint,
    ${sql.raw(mergedSelect)},
    ${sql.raw(oldSelect)}, o.genre AS old_genre
  FROM src s LEFT JOIN videos o ON o.video_id = s.video_id AND ${videoIdRange("o", range)}
  LEFT JOIN import_video_fingerprints fp ON fp.report_id = ${reportId} AND fp.video_id = s.video_id AND ${videoIdRange("fp", range)}
),
k AS (
  SELECT m.*, ${sql.raw(shortsSqlCase("m", kind))}
  FROM m
),
d AS (
  SELECT k.*, (${excludeShorts}::boolean AND k.is_short IS TRUE) AS skip,
    (k.is_new OR ROW(${sql.raw(mergedRow)}) IS DISTINCT FROM ROW(${sql.raw(oldRow)})) AS changed
  FROM k
),
ch AS MATERIALIZED (
  SELECT d.video_id, d.is_new, d.skip, d.changed, d.fingerprint, ${sql.raw(writtenColumns)}, (d.changed AND NOT d.skip) AS to_write,
    CASE WHEN d.changed AND NOT d.skip AND NOT d.is_new THEN '{' || concat_ws(',',
      ${sql.raw(changesText)}
    ) || '}' END AS changes,
    ${sql.raw(assetToMark)} AS mark_asset_id,
    CASE WHEN d.skip THEN d.old_views ELSE d.views END AS mark_views,
    ${sql.raw(changeSetFlags)}
  FROM d
),
-- created_by_* are written on insert only: the update branch leaves them, so they keep naming the first report.
-- New videos are plainly inserted (under the merge lock nothing else adds videos; if something did, the primary key
-- fails the step and its retry sees the video): an upsert's check before and confirmation after each row cost a
-- fifth of a first import's inserts.
ins AS (
  INSERT INTO videos (video_id, ${sql.raw(insertColumns)}, last_source_report_id, created_by_report_id, created_by_report_at,
    source_fingerprint, source_fingerprint_at, updated_at)
  SELECT video_id, ${sql.raw(insertColumns)}, ${reportId}::int, ${reportId}::int, t.at, fingerprint, t.at, t.at
  FROM ch, (SELECT ${reportMergeTime(reportId)} AS at) t WHERE to_write AND is_new
),
up AS (
  INSERT INTO videos (video_id, ${sql.raw(insertColumns)}, last_source_report_id, created_by_report_id, created_by_report_at,
    source_fingerprint, source_fingerprint_at, updated_at)
  SELECT video_id, ${sql.raw(insertColumns)}, ${reportId}::int, ${reportId}::int, t.at, fingerprint, t.at, t.at
  FROM ch, (SELECT ${reportMergeTime(reportId)} AS at) t WHERE to_write AND NOT is_new
  ON CONFLICT (video_id) DO UPDATE SET ${sql.raw(updateSet)},
    last_source_report_id = EXCLUDED.last_source_report_id, updated_at = EXCLUDED.updated_at,
    source_fingerprint = EXCLUDED.source_fingerprint, source_fingerprint_at = EXCLUDED.source_fingerprint_at
),
-- Videos these rows leave as they are still learn the rows' fingerprint (not a change: no audit, same updated_at),
-- so the next import of the same rows can skip them.
fp AS (
  UPDATE videos v SET source_fingerprint = ch.fingerprint, source_fingerprint_at = v.updated_at
  FROM ch
  WHERE NOT ch.changed AND NOT ch.skip AND v.video_id = ch.video_id AND ${videoIdRange("v", range)}
    AND (v.source_fingerprint IS DISTINCT FROM ch.fingerprint OR v.source_fingerprint_at IS DISTINCT FROM v.updated_at)
),
au AS (
  INSERT INTO metadata_syncs (video_id, source_kind, source_id, changes)
  SELECT video_id, 'report', ${String(reportId)}, changes::jsonb FROM ch WHERE changes IS NOT NULL
),
to_mark AS (
  SELECT mark_asset_id AS asset_id, max(mark_views) AS views FROM ch WHERE mark_asset_id IS NOT NULL GROUP BY mark_asset_id
),
marked AS (${markAssetsUpsert(sql`to_mark`)})
SELECT
  count(*)::int AS videos,
  count(*) FILTER (WHERE NOT skip AND is_new)::int AS created,
  count(*) FILTER (WHERE NOT skip AND NOT is_new AND changed)::int AS updated,
  count(*) FILTER (WHERE NOT skip AND NOT is_new AND NOT changed)::int AS unchanged,
  count(*) FILTER (WHERE skip)::int AS skipped,
  -- The first ids by a top-N sort: a first import's range would otherwise sort all its new ids for ten of them.
  (SELECT array_agg(e.video_id ORDER BY e.video_id) FROM (SELECT video_id FROM ch WHERE NOT skip AND is_new ORDER BY video_id LIMIT ${CHANGE_SET_EXAMPLES}) e) AS new_videos_examples,
  (SELECT count(*) FILTER (WHERE newly) FROM marked)::int AS enrichment_queued,
  ${sql.raw(changeSetSelect)}
FROM ch
`);
  const row = result.rows[0] as Record<string, unknown>;
  const part = (group: string, count: unknown) => ({ count: Number(count), examples: (row[`${group}_examples`] as string[] | null) ?? [] });
  const changeSet = Object.fromEntries([
    ["new_videos", part("new_videos", row.created)],
    ...Object.keys(changeSetGroups).map((group) => [group, part(group, row[`${group}_count`])]),
  ]) as ChangeSetPart;
  return {
    videos: Number(row.videos),
    created: Number(row.created),
    updated: Number(row.updated),
    unchanged: Number(row.unchanged),
    skipped: Number(row.skipped),
    changeSet,
    enrichmentQueued: Number(row.enrichment_queued),
  };
}
