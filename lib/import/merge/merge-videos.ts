import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { stagingRange, type VideoRange } from "./batch-range";
import { videoFieldsFromReports } from "./video-fields";
import { shortsSqlCase } from "./shorts-sql";
import { changeSetGroups } from "./video-fields";

export type ChangeSetPart = Record<keyof typeof changeSetGroups | "new_videos", { count: number; examples: string[] }>;
export type VideoMergeCounts = { videos: number; created: number; updated: number; unchanged: number; skipped: number; changeSet: ChangeSetPart };

export const CHANGE_SET_EXAMPLES = 10;

// The change set (what changed since the previous import) is counted while the diff is at hand, instead of
// re-reading a million audit records at the end of the import.
const changeSetSelect = Object.entries(changeSetGroups)
  .map(([group, fields]) => {
    const condition = `NOT is_new AND (${fields.map((f) => `changes ? '${f}'`).join(" OR ")})`;
    return `(SELECT count(*) FROM ch WHERE ${condition})::int AS ${group}_count,
  (SELECT (array_agg(video_id ORDER BY video_id))[1:${CHANGE_SET_EXAMPLES}] FROM ch WHERE ${condition}) AS ${group}_examples`;
  })
  .join(",\n  ");

type Executor = Pick<Database, "execute">;

const columns = videoFieldsFromReports.map((f) => f.column);
const auditedColumns = [...columns, "is_short", "short_rule"];

// The last row of the file for each video wins; a cell the report leaves empty keeps the catalog's value
// (an empty cell means "this report does not say", not "clear it").
const mergedSelect = videoFieldsFromReports.map((f) => `COALESCE(${f.source}, o.${f.column}) AS ${f.column}`).join(",\n    ");
// The catalog's previous values ride along as old_<column>, so the catalog is joined once (an index lookup per
// video) instead of once per CTE.
const oldSelect = auditedColumns.map((c) => `o.${c} AS old_${c}`).join(", ");
const changesJson = auditedColumns
  .map((c) => `'${c}', CASE WHEN k.${c} IS DISTINCT FROM k.old_${c} THEN jsonb_build_array(k.old_${c}, k.${c}) END`)
  .join(",\n      ");
// Row comparison first: building the JSON diff is the expensive part, and most rows of a re-import are unchanged.
const mergedRow = auditedColumns.map((c) => `k.${c}`).join(", ");
const oldRow = auditedColumns.map((c) => `k.old_${c}`).join(", ");
const insertColumns = [...auditedColumns].join(", ");
const updateSet = auditedColumns.map((c) => `${c} = EXCLUDED.${c}`).join(", ");

/**
 * Merges one id-range of a report's staged videos into the catalog in one statement: insert new videos, update
 * changed ones, and write one audit record per changed video holding only the fields that changed.
 */
export async function mergeVideoRange(
  db: Executor,
  params: { reportId: number; range: VideoRange; excludeShorts: boolean },
): Promise<VideoMergeCounts> {
  const { reportId, range, excludeShorts } = params;
  const result = await db.execute(sql`
WITH src AS (
  SELECT DISTINCT ON (s.video_id) s.*
  FROM import_staging s
  WHERE ${stagingRange(reportId, range)}
  ORDER BY s.video_id, s.line DESC, s.part
),
m AS (
  -- No row locks: merge steps hold a transaction-level advisory lock (catalog-merge-lock.ts), which serialises
  -- catalog merges without writing a lock into every existing row.
  SELECT s.video_id, (o.video_id IS NULL) AS is_new, s.in_shorts_report,
    ${sql.raw(mergedSelect)},
    ${sql.raw(oldSelect)}
  FROM src s LEFT JOIN videos o ON o.video_id = s.video_id
),
k AS (
  SELECT m.*, ${sql.raw(shortsSqlCase("m"))}
  FROM m
),
kept AS (
  SELECT * FROM k WHERE NOT (${excludeShorts}::boolean AND k.is_short IS TRUE)
),
ch AS (
  SELECT k.*, CASE WHEN k.is_new OR ROW(${sql.raw(mergedRow)}) IS DISTINCT FROM ROW(${sql.raw(oldRow)}) THEN
    jsonb_strip_nulls(jsonb_build_object(
      'video_id', CASE WHEN k.is_new THEN jsonb_build_array(NULL, k.video_id) END,
      ${sql.raw(changesJson)}
    )) ELSE '{}'::jsonb END AS changes
  FROM kept k
),
up AS (
  INSERT INTO videos (video_id, ${sql.raw(insertColumns)}, last_source_report_id)
  SELECT video_id, ${sql.raw(insertColumns)}, ${reportId}::int FROM ch WHERE changes <> '{}'::jsonb
  ON CONFLICT (video_id) DO UPDATE SET ${sql.raw(updateSet)},
    last_source_report_id = EXCLUDED.last_source_report_id, updated_at = now()
  RETURNING 1
),
au AS (
  INSERT INTO metadata_syncs (video_id, source_kind, source_id, changes)
  SELECT video_id, 'report', ${String(reportId)}, changes FROM ch WHERE changes <> '{}'::jsonb
  RETURNING 1
)
SELECT
  (SELECT count(*) FROM src)::int AS videos,
  (SELECT count(*) FROM ch WHERE is_new)::int AS created,
  (SELECT count(*) FROM ch WHERE NOT is_new AND changes <> '{}'::jsonb)::int AS updated,
  (SELECT count(*) FROM ch WHERE NOT is_new AND changes = '{}'::jsonb)::int AS unchanged,
  ((SELECT count(*) FROM k) - (SELECT count(*) FROM kept))::int AS skipped,
  (SELECT count(*) FROM up)::int AS written,
  (SELECT count(*) FROM au)::int AS audited,
  (SELECT (array_agg(video_id ORDER BY video_id))[1:${CHANGE_SET_EXAMPLES}] FROM ch WHERE is_new) AS new_videos_examples,
  ${sql.raw(changeSetSelect)}
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
  };
}
