import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { ReportRecord } from "@/lib/import/parse";
import { insertStagingRows } from "@/lib/import/stage/insert-staging";
import { stagingInputs } from "@/lib/import/stage/staging-columns";
import { mergeVideoRange } from "@/lib/import/merge/merge-videos";
import { mergeClaimRange } from "@/lib/import/merge/merge-claims";
import { mergeVideoMetricsRange } from "@/lib/import/merge/merge-metrics";
import { mergeAssets, propagateAssetsToVideos } from "@/lib/import/merge/merge-assets";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/db";

// The set-based merge on its own: staged rows in, catalog rows, claims, metrics and audit records out.
let database: TestDatabase;
const all = { from: "", to: null };

const rows = async (query: ReturnType<typeof sql>) => (await database.db.execute(query)).rows as Record<string, unknown>[];

function record(line: number, fields: Partial<ReportRecord>): ReportRecord {
  return { line, ...fields } as ReportRecord;
}

async function stage(reportId: number, records: ReportRecord[]) {
  await database.db.execute(sql`DELETE FROM import_staging WHERE report_id = ${reportId}`);
  await insertStagingRows(database.db, reportId, [...stagingInputs(records)]);
}

async function mergeAll(reportId: number, excludeShorts = false) {
  const videos = await mergeVideoRange(database.db, { reportId, range: all, excludeShorts });
  const claims = await mergeClaimRange(database.db, { reportId, range: all });
  const metrics = await mergeVideoMetricsRange(database.db, { reportId, kind: "claim_raw", contentHash: `hash-${reportId}`, defaultPeriod: "2025-06-01" }, all);
  return { videos, claims, metrics };
}

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());
beforeEach(async () => {
  await database.db.execute(sql`TRUNCATE videos, claims, assets, metadata_syncs, video_metrics, asset_metrics, import_staging, processing_queue, channels`);
});

describe("merging staged report rows into the catalog", () => {
  it("creates videos with the last row winning, keeps every claim and records the creating report instead of an audit row", async () => {
    await stage(1, [
      record(2, { video_id: "-mnH9-SX2Tg", title: "Old title", claims: [{ asset_id: "A123456789012345", policy: "Monetize" }] }),
      record(3, { video_id: "-mnH9-SX2Tg", title: "New title", channel_id: "UCaaaaaaaaaaaaaaaaaaaaaa", claims: [{ asset_id: "A223456789012345", policy: "Track" }] }),
      record(4, { video_id: "2HgS_gGfhZM", title: "Second", video_length: 45, time_published: "2023-05-01T00:00:00Z" }),
    ]);
    const result = await mergeAll(1);
    expect(result.videos).toMatchObject({ videos: 2, created: 2, updated: 0, unchanged: 0 });
    expect(result.claims.created).toBe(2);

    const [first] = await rows(sql`SELECT title, channel_id, asset_id, effective_policy, claimed_status FROM videos WHERE video_id = '-mnH9-SX2Tg'`);
    expect(first).toEqual({ title: "New title", channel_id: "UCaaaaaaaaaaaaaaaaaaaaaa", asset_id: "A223456789012345", effective_policy: "Track", claimed_status: "claimed" });
    const [short] = await rows(sql`SELECT is_short, short_rule FROM videos WHERE video_id = '2HgS_gGfhZM'`);
    expect(short).toEqual({ is_short: true, short_rule: "duration_60s" });

    const created = await rows(sql`SELECT video_id, created_by_report_id, created_by_report_at IS NOT NULL AS has_time FROM videos ORDER BY video_id`);
    expect(created).toEqual([
      { video_id: "-mnH9-SX2Tg", created_by_report_id: 1, has_time: true },
      { video_id: "2HgS_gGfhZM", created_by_report_id: 1, has_time: true },
    ]);
    expect(await rows(sql`SELECT count(*)::int AS n FROM metadata_syncs`)).toEqual([{ n: 0 }]);
  });

  it("writes nothing and no audit rows when the same content is merged again", async () => {
    const records = [record(2, { video_id: "abcDEF12345", title: "Same", views: 10 })];
    await stage(1, records);
    await mergeAll(1);
    await stage(2, records);
    const again = await mergeAll(2);
    expect(again.videos).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    expect(await rows(sql`SELECT count(*)::int AS n FROM metadata_syncs`)).toEqual([{ n: 0 }]);
    expect(await rows(sql`SELECT created_by_report_id FROM videos`)).toEqual([{ created_by_report_id: 1 }]);
  });

  it("audits only the fields that changed, as [old, new], and keeps values a report leaves empty", async () => {
    await stage(1, [record(2, { video_id: "abcDEF12345", title: "T", effective_policy: "Monetize", custom_id: "CUST-1" })]);
    await mergeAll(1);
    await stage(2, [record(2, { video_id: "abcDEF12345", title: "T", effective_policy: "Block" })]);
    const second = await mergeAll(2);
    expect(second.videos).toMatchObject({ created: 0, updated: 1 });
    expect(await rows(sql`SELECT source_id, changes FROM metadata_syncs`)).toEqual([{ source_id: "2", changes: { effective_policy: ["Monetize", "Block"] } }]);
    // The update leaves the creating report in place.
    expect(await rows(sql`SELECT custom_id, created_by_report_id, last_source_report_id FROM videos`)).toEqual([
      { custom_id: "CUST-1", created_by_report_id: 1, last_source_report_id: 2 },
    ]);
  });

  it("sums revenue exactly per video and period, once per record even with several claims", async () => {
    await stage(1, [
      record(2, { video_id: "abcDEF12345", claims: [{ asset_id: "A123456789012345" }, { asset_id: "A223456789012345" }], metrics: { period: "2025-06-01", owned_views: 3, partner_revenue: "0.000021676471" } }),
      record(3, { video_id: "abcDEF12345", metrics: { period: "2025-06-01", owned_views: 4, partner_revenue: "1.100000000001" } }),
      record(4, { video_id: "abcDEF12345", metrics: { period: "2025-06-01", owned_views: 0, partner_revenue: "-0.5" } }),
    ] as ReportRecord[]);
    await mergeAll(1);
    const metrics = await rows(sql`SELECT period::text, owned_views::int, partner_revenue::text FROM video_metrics`);
    expect(metrics).toEqual([{ period: "2025-06-01", owned_views: 7, partner_revenue: "0.600021676472" }]);
    await mergeAll(1);
    expect(await rows(sql`SELECT count(*)::int AS n FROM video_metrics`)).toEqual([{ n: 1 }]);
  });

  it("marks Shorts from a Shorts report over the duration rule, and can exclude them", async () => {
    await stage(1, [
      record(2, { video_id: "shortAAAAAA", video_length: 170, time_published: "2025-01-01T00:00:00Z" }),
      record(3, { video_id: "longBBBBBBB", video_length: 170, time_published: "2024-01-01T00:00:00Z" }),
      record(4, { video_id: "shortsRptCC", video_length: 600, in_shorts_report: true }),
    ]);
    await mergeAll(1);
    const flags = await rows(sql`SELECT video_id, is_short, short_rule FROM videos ORDER BY video_id`);
    expect(flags).toEqual([
      { video_id: "longBBBBBBB", is_short: false, short_rule: "duration_60s" },
      { video_id: "shortAAAAAA", is_short: true, short_rule: "duration_180s" },
      { video_id: "shortsRptCC", is_short: true, short_rule: "shorts_report" },
    ]);
    await database.db.execute(sql`TRUNCATE videos, metadata_syncs`);
    const excluded = await mergeAll(1, true);
    expect(excluded.videos).toMatchObject({ created: 1, skipped: 2 });
  });

  it("carries an asset-level report's ISRC, UPC, artist and label to the videos its asset claims", async () => {
    await stage(1, [record(2, { video_id: "abcDEF12345", claims: [{ asset_id: "A123456789012345" }] })]);
    await mergeAll(1);
    await stage(2, [
      record(3, { asset: { asset_id: "A123456789012345", isrc: "USRC17607839", upc: "012345678905", artist: "Example Artist", label: "Example Records", labels: ["catalog-2019", "pop"] } }),
    ] as ReportRecord[]);
    const assets = await mergeAssets(database.db, 2);
    // The Videos report's merge left a bare row for the asset (its video lacks UPC/ISRC: the enrichment backlog).
    expect(assets).toMatchObject({ created: 0, updated: 1 });
    expect(await propagateAssetsToVideos(database.db, 2)).toBe(1);
    const [video] = await rows(sql`SELECT isrc, upc, artist, label FROM videos`);
    expect(video).toEqual({ isrc: "USRC17607839", upc: "012345678905", artist: ["Example Artist"], label: "Example Records" });
    const [asset] = await rows(sql`SELECT labels FROM assets`);
    expect(asset.labels).toEqual(["catalog-2019", "pop"]);
  });

  it("marks the assets of videos lacking UPC, ISRC or genre for enrichment, once per asset, with no queue rows", async () => {
    await stage(1, [
      record(2, { video_id: "abcDEF12345", views: 10, claims: [{ asset_id: "A123456789012345" }] }),
      record(3, { video_id: "bcdEFG23456", views: 700, claims: [{ asset_id: "A123456789012345" }] }),
      record(4, { video_id: "noAssetXXXX" }),
    ]);
    expect((await mergeAll(1)).videos.enrichmentQueued).toBe(1);
    // Already in the backlog: not counted again, and its place (views of its most-viewed video) is kept.
    await stage(2, [record(2, { video_id: "abcDEF12345", views: 20, claims: [{ asset_id: "A123456789012345" }] })]);
    expect((await mergeAll(2)).videos.enrichmentQueued).toBe(0);
    expect(await rows(sql`SELECT asset_id, enrichment_requested_at IS NOT NULL AS requested, enrichment_views::int FROM assets`)).toEqual([
      { asset_id: "A123456789012345", requested: true, enrichment_views: 700 },
    ]);
    expect(await rows(sql`SELECT count(*)::int AS n FROM processing_queue`)).toEqual([{ n: 0 }]);
  });

  it("leaves out videos that already have UPC, ISRC and genre, judged as the catalog holds them after the merge", async () => {
    await database.db.execute(sql`INSERT INTO videos (video_id, genre) VALUES ('abcDEF12345', ARRAY['Pop']), ('bcdEFG23456', ARRAY[]::text[])`);
    await stage(1, [
      record(2, { video_id: "abcDEF12345", upc: "012345678905", isrc: "USRC17607839", claims: [{ asset_id: "A123456789012345" }] }),
      record(3, { video_id: "bcdEFG23456", upc: "012345678905", isrc: "USRC17607839", claims: [{ asset_id: "A223456789012345" }] }),
    ]);
    expect((await mergeAll(1)).videos.enrichmentQueued).toBe(1);
    expect(await rows(sql`SELECT asset_id FROM assets WHERE enrichment_requested_at IS NOT NULL`)).toEqual([{ asset_id: "A223456789012345" }]);
  });

  it("marks an excluded Short's asset by the catalog's row, which the merge leaves as it was", async () => {
    await database.db.execute(sql`INSERT INTO videos (video_id, asset_id, views, upc) VALUES ('shortVid001', 'A323456789012345', 5, NULL)`);
    await stage(1, [
      record(2, { video_id: "shortVid001", video_length: 20, upc: "012345678905", isrc: "USRC17607839", claims: [{ asset_id: "A423456789012345" }] }),
      record(3, { video_id: "newShort001", video_length: 15, claims: [{ asset_id: "A523456789012345" }] }),
    ]);
    const { videos } = await mergeAll(1, true);
    expect(videos.skipped).toBe(2);
    expect(videos.enrichmentQueued).toBe(1);
    expect(await rows(sql`SELECT asset_id, enrichment_views::int FROM assets WHERE enrichment_requested_at IS NOT NULL`)).toEqual([
      { asset_id: "A323456789012345", enrichment_views: 5 },
    ]);
  });
});
