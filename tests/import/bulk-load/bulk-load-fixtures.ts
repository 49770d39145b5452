import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { resetEnvCache } from "@/lib/env";
import { benchRow, videosReportHeader } from "@/bench/generate-videos-report";
import { dailyRow } from "@/bench/generate-daily-file";
import { rows } from "@/tests/helpers/imports";

// Files and catalog snapshots shared by the bulk-load tests: the same files merged with and without a bulk load
// must leave the same catalog, audit trail and change sets.

const COLUMN = Object.fromEntries(videosReportHeader.map((name, i) => [name, i])) as Record<string, number>;
const csv = (lines: string[][]) => [videosReportHeader.join(","), ...lines.map((l) => l.join(","))].join("\n") + "\n";

export const BASE_VIDEOS = 600;

/**
 * A first file: BASE_VIDEOS videos, two of them listed twice (the later row wins), one row rejected (a view count
 * that is not a number), so the merge meets every case a first import can.
 */
export function firstFile(): string {
  const lines = Array.from({ length: BASE_VIDEOS }, (_, i) => benchRow(i));
  lines[10][COLUMN.views] = "many";
  for (const i of [5, 6]) {
    const again = benchRow(i);
    again[COLUMN.video_title] = `Song number ${i} (Live)`;
    lines.push(again);
  }
  return csv(lines);
}

/** The next day's file (bench/generate-daily-file.ts): 1% new videos, one in twenty of the others changed. */
export function dailyFile(): string {
  return csv(Array.from({ length: BASE_VIDEOS }, (_, i) => dailyRow(i, BASE_VIDEOS)));
}

/** More new videos than the catalog holds (a bulk load into a non-empty catalog) plus changes to existing ones. */
export function growthFile(): string {
  const added = Array.from({ length: 700 }, (_, i) => benchRow(1000 + i));
  const changed = Array.from({ length: 60 }, (_, i) => {
    const row = benchRow(i);
    if (i < 50) row[COLUMN.video_title] = `Song number ${i} (Remastered)`;
    else row[COLUMN.asset_id] = `A${String(900000000000000 + i)}`;
    return row;
  });
  return csv([...changed, ...added]);
}

export const FILES = [
  { key: "reports/video_report_Bulk_V_v1-3-first.csv", body: firstFile },
  { key: "reports/video_report_Bulk_V_v1-3-daily.csv", body: dailyFile },
  { key: "reports/video_report_Bulk_V_v1-3-growth.csv", body: growthFile },
];

export function useBulkLoadThreshold(minNewVideos: number): void {
  process.env.IMPORT_BULK_LOAD_MIN_VIDEOS = String(minNewVideos);
  resetEnvCache();
}

export const truncateCatalog = (db: Database) =>
  db.execute(sql`TRUNCATE videos, claims, assets, channels, metadata_syncs, video_metrics, asset_metrics, processing_queue, reports,
    report_rows_rejected, import_staging, import_steps, import_fingerprints, import_video_fingerprints RESTART IDENTITY CASCADE`);

/** The secondary indexes of the tables a merge fills, as PostgreSQL would create them again. */
export async function catalogIndexes(db: Database) {
  return rows<{ indexname: string; indexdef: string }>(db, sql`
SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename IN ('videos', 'claims', 'assets')
ORDER BY indexname`);
}

/**
 * Everything an import leaves in the catalog, without what legitimately differs between two runs of the same files
 * (serial ids and wall-clock times; report ids are the same since every run starts from a truncated catalog).
 */
export async function catalogSnapshot(db: Database) {
  const videoColumns = (await rows<{ column_name: string }>(db, sql`
SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'videos'
  AND column_name NOT IN ('created_at', 'updated_at', 'created_by_report_at', 'source_fingerprint_at', 'api_synced_at')
ORDER BY column_name`)).map((c) => c.column_name);
  return {
    videos: await rows(db, sql`SELECT ${sql.raw(videoColumns.join(", "))} FROM videos ORDER BY video_id`),
    claims: await rows(db, sql`SELECT video_id, asset_id, claim_id, claim_type, claim_origin, policy, status FROM claims ORDER BY video_id, asset_id`),
    audit: await rows(db, sql`SELECT video_id, asset_id, source_kind, source_id, changes FROM metadata_syncs ORDER BY video_id, asset_id, id`),
    assets: await rows(db, sql`SELECT asset_id, enrichment_requested_at IS NOT NULL AS marked, enrichment_views FROM assets ORDER BY asset_id`),
    channels: await rows(db, sql`SELECT channel_id, name FROM channels ORDER BY channel_id`),
    reports: await rows(db, sql`SELECT id, status, summary FROM reports ORDER BY id`),
    rejected: await rows(db, sql`SELECT report_id, line, reason FROM report_rows_rejected ORDER BY report_id, line`),
  };
}
