import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { kindSpec } from "@/lib/import/parse/report-kinds";
import { useBulkJoins } from "@/lib/import/merge/catalog-merge-lock";
import { keepRowsStagedAhead } from "./rows-staged-ahead";
import { rowToStage } from "./row-to-stage";
import { idRange, videoIdRange, type VideoRange } from "@/lib/import/merge/batch-range";
import { boundariesFromHistogram, MIN_ROWS_TO_SPLIT } from "@/lib/import/pipeline/plan-ranges";

/**
 * What staging has to read: every row (nothing of the report is in the catalog as these rows left it), only the
 * rows of videos that may change, nothing at all (a re-import of rows the catalog already holds), or nothing more
 * because the validation read staged every row that may change already (rows-staged-ahead.ts).
 */
export type StagingScope = "all" | "changed" | "none" | "staged";
/** `newVideos`: videos of the report the catalog does not hold yet (they decide whether the merge is a bulk load). */
export type CatalogComparison = { videos: number; unchanged: number; newVideos: number; scope: StagingScope };

// Bump when the mapping of rows to the catalog changes, so fingerprints written by older code never match.
// 2: Shorts decided by the strongest signal (a long-form revenue report's rows now change videos they left alone).
// 3: a record's hash is of its stored text, computed by the splitter (lib/import/parse/record-hash.ts), not of its cells.
const FINGERPRINT_VERSION = 3;

/** What the comparison of one id range of the report's videos found (compareRange). */
export type RangeComparison = { videos: number; unchanged: number; newVideos: number };

export type CompareParams = { reportId: number; kind: string; excludeShorts: boolean; contentHash: string; stagedAhead?: boolean };

/**
 * Where to split the report's videos so that `parts` connections compare them side by side (the statement runs on
 * one core; a million videos took 3 s of it). Like the merges' ranges (plan-ranges.ts) the boundaries come from the
 * statistics' histogram of video keys, which the comparison's plans need anyway; the first is ''.
 */
export async function planComparison(db: Pick<Database, "execute">, reportId: number, parts: number): Promise<string[]> {
  await db.execute(sql`ANALYZE import_fingerprints`);
  if (parts <= 1) return [""];
  const stats = await db.execute(sql`
SELECT (SELECT count(*) FROM (SELECT 1 FROM import_fingerprints WHERE report_id = ${reportId} LIMIT ${MIN_ROWS_TO_SPLIT}) n)::int AS rows,
  (SELECT histogram_bounds::text::text[] FROM pg_stats
   WHERE schemaname = current_schema() AND tablename = 'import_fingerprints' AND attname = 'video_key') AS bounds`);
  const { rows, bounds } = stats.rows[0] as { rows: number; bounds: string[] | null };
  if (rows < MIN_ROWS_TO_SPLIT || !bounds || bounds.length < 3) return [""];
  return boundariesFromHistogram(bounds, parts);
}

/**
 * Fingerprints each video of the report within `range` (its rows' hashes, count and last row, with everything else
 * that shapes the merge: kind, the Shorts option and, for metrics, the file itself since each file contributes its
 * own figures) and stores those that may change: all but the videos whose catalog row was last merged from
 * exactly these rows and has not changed since (its updated_at is the one that merge left, and none of its claims
 * is newer). Ranges are disjoint, so they can run side by side in their own transactions.
 */
export async function compareRange(db: Pick<Database, "execute">, params: CompareParams, range: VideoRange): Promise<RangeComparison> {
  const { reportId } = params;
  const prefix = fingerprintPrefix(params);
  // Fixed-size aggregates (count, xor, the last row's hash via the largest line) instead of an ordered string_agg:
  // a million small groups each holding a sort made this step slower than staging. Same rows in the same
  // relative order give the same fingerprint wherever they sit in the file.
  await useBulkJoins(db);
  // The million groups by sorting (keys compare byte-wise, lib/db/schema/key-text.ts) rather than hashing: 1.1 s
  // instead of 1.9 s.
  await db.execute(sql`SET LOCAL enable_hashagg = off`);
  // Only videos that may change are stored (their fingerprint goes into the catalog with the merge); on a
  // re-import of unchanged rows nothing is written at all.
  const result = await db.execute(sql`
WITH f AS (
  SELECT video_key,
    ${prefix} || count(*) || ':' || bit_xor(row_hash) || ':' ||
      (max((line::bigint << 32) | (row_hash & 4294967295)) & 4294967295) AS fingerprint
  FROM import_fingerprints WHERE report_id = ${reportId} AND ${idRange("video_key", range)}
  GROUP BY video_key
),
candidates AS MATERIALIZED (
  SELECT f.video_key, f.fingerprint, v.source_fingerprint_at AS merged_at, (v.video_id IS NULL) AS is_new,
    COALESCE(v.source_fingerprint = f.fingerprint AND v.source_fingerprint_at = v.updated_at, false) AS same_rows
  FROM f LEFT JOIN videos v ON v.video_id = f.video_key AND ${videoIdRange("v", range)}
),
-- Claims changed after the video's rows were merged. The lower bound (the oldest of those merges) lets
-- claims_updated_at_idx skip the claims nobody touched since; the join then compares per video.
newer_claims AS (
  SELECT DISTINCT k.video_key FROM candidates k JOIN claims c ON c.video_id = k.video_key
  WHERE k.same_rows AND c.updated_at > k.merged_at
    AND c.updated_at > (SELECT min(merged_at) FROM candidates WHERE same_rows)
),
-- Stored: the videos that may change. Counted from what was stored, so the million candidates are read once more
-- rather than copied into a second materialised set first.
stored AS (
  INSERT INTO import_video_fingerprints (report_id, video_id, fingerprint)
  SELECT ${reportId}::int, k.video_key, k.fingerprint FROM candidates k
  WHERE NOT k.same_rows OR k.video_key IN (SELECT video_key FROM newer_claims)
  RETURNING 1
)
SELECT count(*)::int AS videos, (count(*) - (SELECT count(*) FROM stored))::int AS unchanged, count(*) FILTER (WHERE is_new)::int AS new_videos
FROM candidates`);
  const row = result.rows[0] as { videos: number; unchanged: number; new_videos: number };
  return { videos: row.videos, unchanged: row.unchanged, newVideos: Number(row.new_videos) };
}

/** The comparison of the whole report from its ranges' (compareRange), and what staging has to read. */
export async function finishComparison(db: Pick<Database, "execute">, params: CompareParams, ranges: RangeComparison[]): Promise<CatalogComparison> {
  const sum = (key: keyof RangeComparison) => ranges.reduce((total, r) => total + r[key], 0);
  const videos = sum("videos");
  const unchanged = sum("unchanged");
  const keyless = await db.execute(sql`SELECT 1 FROM import_fingerprints WHERE report_id = ${params.reportId} AND video_key IS NULL LIMIT 1`);
  // Rows without a video id are rejected rows: they are read again so the re-import lists them too.
  const scope: StagingScope = unchanged === 0 ? "all" : unchanged === videos && keyless.rows.length === 0 ? "none" : "changed";
  const staged = params.stagedAhead && (await keepRowsStagedAhead(db, params.reportId));
  return { videos, unchanged, newVideos: sum("newVideos"), scope: staged ? "staged" : scope };
}

/** The whole comparison in one transaction (single-connection drivers, tests): one range, then its result. */
export async function compareWithCatalog(db: Pick<Database, "execute">, params: CompareParams): Promise<CatalogComparison> {
  await planComparison(db, params.reportId, 1);
  return finishComparison(db, params, [await compareRange(db, params, { from: "", to: null })]);
}

/**
 * What every fingerprint of a report's videos starts with: the fingerprint version and everything else that shapes
 * the merge besides the rows (kind, the Shorts option and, for metrics, the file itself).
 */
export function fingerprintPrefix(params: { kind: string; excludeShorts: boolean; contentHash?: string }): string {
  const spec = kindSpec(params.kind);
  return `v${FINGERPRINT_VERSION}|${params.kind}|${params.excludeShorts}|${spec.metrics ? params.contentHash : ""}|`;
}

/** Lines of the rows to stage from `fromLine` on (at most `limit`): those of videos that may change. */
export async function changedLinesFrom(db: Pick<Database, "transaction">, reportId: number, fromLine: number, limit: number): Promise<Set<number>> {
  // Both tables are unindexed scratch space: a hash semi-join, never a scan of one per row of the other.
  const result = await db.transaction(async (tx) => {
    await useBulkJoins(tx);
    return tx.execute(sql`
SELECT f.line FROM import_fingerprints f
WHERE f.report_id = ${reportId} AND f.line >= ${fromLine} AND ${rowToStage("f")}
ORDER BY f.line LIMIT ${limit}`);
  });
  return new Set(result.rows.map((r) => Number((r as { line: number }).line)));
}

/**
 * A video with a rejected row keeps no fingerprint: its rows were only partly merged, and the next import of the
 * same file must read them again (and list the rejected row again).
 */
export async function forgetFingerprintsOfRejected(db: Pick<Database, "execute">, reportId: number): Promise<void> {
  await db.execute(sql`
UPDATE import_video_fingerprints u SET fingerprint = NULL
FROM report_rows_rejected r JOIN import_fingerprints f ON f.report_id = r.report_id AND f.line = r.line
WHERE r.report_id = ${reportId} AND u.report_id = ${reportId} AND u.video_id = f.video_key`);
}
