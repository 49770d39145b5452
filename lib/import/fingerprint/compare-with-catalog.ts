import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { kindSpec } from "@/lib/import/parse/report-kinds";
import { useBulkJoins } from "@/lib/import/merge/catalog-merge-lock";
import { keepRowsStagedAhead } from "./rows-staged-ahead";
import { rowToStage } from "./row-to-stage";

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

/**
 * Fingerprints each video of the report (its rows' hashes, count and last row, with everything else that shapes the
 * merge: kind, the Shorts option and, for metrics, the file itself since each file contributes its own figures)
 * and marks the videos whose catalog row was last merged from exactly these rows and has not changed since (its
 * updated_at is the one that merge left, and none of its claims is newer).
 */
export async function compareWithCatalog(
  db: Pick<Database, "execute">,
  params: { reportId: number; kind: string; excludeShorts: boolean; contentHash: string; stagedAhead?: boolean },
): Promise<CatalogComparison> {
  const { reportId } = params;
  const prefix = fingerprintPrefix(params);
  // Fixed-size aggregates (count, xor, the last row's hash via the largest line) instead of an ordered string_agg:
  // a million small groups each holding a sort made this step slower than staging. Same rows in the same
  // relative order give the same fingerprint wherever they sit in the file.
  await useBulkJoins(db);
  // The million groups by sorting (keys compare byte-wise, lib/db/schema/key-text.ts) rather than hashing: 1.1 s
  // instead of 1.9 s.
  await db.execute(sql`SET LOCAL enable_hashagg = off`);
  await db.execute(sql`ANALYZE import_fingerprints`);
  // Only videos that may change are stored (their fingerprint goes into the catalog with the merge); on a
  // re-import of unchanged rows nothing is written at all.
  const result = await db.execute(sql`
WITH f AS (
  SELECT video_key,
    ${prefix} || count(*) || ':' || bit_xor(row_hash) || ':' ||
      (max((line::bigint << 32) | (row_hash & 4294967295)) & 4294967295) AS fingerprint
  FROM import_fingerprints WHERE report_id = ${reportId} AND video_key IS NOT NULL
  GROUP BY video_key
),
candidates AS MATERIALIZED (
  SELECT f.video_key, f.fingerprint, v.source_fingerprint_at AS merged_at, (v.video_id IS NULL) AS is_new,
    COALESCE(v.source_fingerprint = f.fingerprint AND v.source_fingerprint_at = v.updated_at, false) AS same_rows
  FROM f LEFT JOIN videos v ON v.video_id = f.video_key
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
SELECT count(*)::int AS videos, (count(*) - (SELECT count(*) FROM stored))::int AS unchanged, count(*) FILTER (WHERE is_new)::int AS new_videos,
  EXISTS (SELECT 1 FROM import_fingerprints WHERE report_id = ${reportId} AND video_key IS NULL) AS keyless
FROM candidates`);
  const row = result.rows[0] as { videos: number; unchanged: number; new_videos: number; keyless: boolean };
  const { videos, unchanged, keyless } = row;
  // Rows without a video id are rejected rows: they are read again so the re-import lists them too.
  const scope: StagingScope = unchanged === 0 ? "all" : unchanged === videos && !keyless ? "none" : "changed";
  const staged = params.stagedAhead && (await keepRowsStagedAhead(db, reportId));
  return { videos, unchanged, newVideos: Number(row.new_videos), scope: staged ? "staged" : scope };
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
