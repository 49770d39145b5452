import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { resetEnvCache } from "@/lib/env";
import { rejectedRowsCsv } from "@/lib/import/reports/rejected-rows-csv";
import { getVideoDetail } from "@/lib/videos/get-video";
import { startLocalStack, type LocalStack } from "@/tests/helpers/local-stack";
import { fixture, importReportFile, rows } from "@/tests/helpers/imports";

// The import end to end: S3 stand-in → Inngest executor → the app's /api/inngest handler → database.
let stack: LocalStack;
const db = () => stack.database.db;

const importKey = (key: string, body: Uint8Array | string, options: { excludeShorts?: boolean } = {}) =>
  importReportFile(db(), key, body, options);

beforeAll(async () => {
  stack = await startLocalStack();
}, 60_000);
afterAll(() => stack?.stop());
beforeEach(async () => {
  // A report is completed inside its last step, before its run ends (it then asks for enrichment); a run still going
  // when the tables are emptied could act on the next test's report, which gets the same id.
  for (const deadline = Date.now() + 30_000; stack.executor.executor.activeRuns().length > 0 && Date.now() < deadline; ) {
    await new Promise((r) => setTimeout(r, 10));
  }
  process.env.IMPORT_CHUNK_ROWS = "50000";
  resetEnvCache();
  await db().execute(sql`TRUNCATE videos, claims, assets, metadata_syncs, video_metrics, asset_metrics, processing_queue, channels, reports, report_rows_rejected, webhook_deliveries RESTART IDENTITY CASCADE`);
});

describe("importing the Videos report", () => {
  it("creates videos and every claim, records the creating report and marks its asset for enrichment", async () => {
    const report = await importKey("reports/video_report_Sample_V_v1-3.csv", fixture("videos_report.csv"));
    expect(report.status).toBe("completed");
    expect(report.summary).toMatchObject({ created: 2, updated: 0, unchanged: 0, rejected: 0, enrichment_queued: 1 });
    expect(report.summary!.change_set).toMatchObject({ new_videos: 2, examples: { new_videos: ["-abcDEF1234", "Qq-Ww_Ee1Rr"] } });

    const videos = await rows(db(), sql`SELECT video_id, title, channel_id, claimed_status, is_short, short_rule FROM videos ORDER BY video_id`);
    expect(videos).toEqual([
      { video_id: "-abcDEF1234", title: "Live in Lisbon, Part 1", channel_id: "UCaBcDeFgHiJkLmNoPqRsTuV", claimed_status: "claimed", is_short: false, short_rule: "duration_60s" },
      { video_id: "Qq-Ww_Ee1Rr", title: "Backstage #shorts", channel_id: "UCZz9_Yy8-Xx7Ww6Vv5Uu4Tt", claimed_status: null, is_short: true, short_rule: "duration_180s" },
    ]);
    const claims = await rows(db(), sql`SELECT video_id, asset_id, claim_id FROM claims ORDER BY claim_id`);
    expect(claims).toEqual([
      { video_id: "-abcDEF1234", asset_id: "A100000000000001", claim_id: "clm-001" },
      { video_id: "-abcDEF1234", asset_id: "A200000000000002", claim_id: "clm-002" },
    ]);
    // A created video is its own record of the import: no audit row repeats it, the row names the report and time.
    const created = await rows<{ created_by_report_id: number; created_by_report_at: Date }>(
      db(), sql`SELECT created_by_report_id, created_by_report_at FROM videos ORDER BY video_id`);
    expect(created.map((v) => v.created_by_report_id)).toEqual([report.id, report.id]);
    for (const v of created) expect(new Date(v.created_by_report_at).getTime()).toBe(report.startedAt!.getTime());
    expect(await rows(db(), sql`SELECT count(*)::int AS n FROM metadata_syncs`)).toEqual([{ n: 0 }]);
    // The enrichment backlog is the claimed asset (marked with its most-viewed video's views), not a task per video.
    const backlog = await rows(db(), sql`SELECT a.asset_id, a.enrichment_views::int, v.video_id FROM assets a JOIN videos v ON v.asset_id = a.asset_id WHERE a.enrichment_requested_at IS NOT NULL`);
    expect(backlog).toEqual([{ asset_id: "A200000000000002", enrichment_views: 123456, video_id: "-abcDEF1234" }]);
    expect(await rows(db(), sql`SELECT count(*)::int AS n FROM processing_queue`)).toEqual([{ n: 0 }]);
  });

  it("re-importing the same content changes nothing and writes no audit rows", async () => {
    await importKey("reports/video_report_Sample_V_v1-3.csv", fixture("videos_report.csv"));
    const before = await rows(db(), sql`SELECT count(*)::int AS n FROM metadata_syncs`);
    const again = await importKey("reports/copy_video_report_Sample_V_v1-3.csv", fixture("videos_report.csv"));
    expect(again.status).toBe("completed");
    expect(again.summary).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(await rows(db(), sql`SELECT count(*)::int AS n FROM metadata_syncs`)).toEqual(before);
  });

  it("reports what changed since the previous import in the change set", async () => {
    await importKey("reports/video_report_Sample_V_v1-3.csv", fixture("videos_report.csv"));
    const changed = fixture("videos_report.csv").toString("utf8").replaceAll("Monetize in all countries", "Block in all countries");
    const report = await importKey("reports/video_report_Sample_V_v1-4.csv", changed);
    expect(report.summary).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    expect(report.summary!.change_set).toMatchObject({
      new_videos: 0,
      policy_changed: 1,
      claim_state_changed: 0,
      examples: { policy_changed: ["-abcDEF1234"] },
    });
    const [audit] = await rows<{ changes: Record<string, unknown> }>(db(), sql`SELECT changes FROM metadata_syncs WHERE source_id = ${String(report.id)}`);
    expect(audit.changes).toEqual({ effective_policy: ["Monetize in all countries", "Block in all countries"] });
  });

  it("audits a later report's update and starts the video's timeline with \"created by report N\"", async () => {
    const first = await importKey("reports/video_report_Sample_V_v1-3.csv", fixture("videos_report.csv"));
    const changed = fixture("videos_report.csv").toString("utf8").replaceAll("Live in Lisbon, Part 1", "Live in Lisbon (Part 1)");
    const second = await importKey("reports/video_report_Sample_V_v1-4.csv", changed);
    expect(second.summary).toMatchObject({ created: 0, updated: 1 });

    const audit = await rows(db(), sql`SELECT video_id, source_kind, source_id, changes FROM metadata_syncs`);
    expect(audit).toEqual([
      { video_id: "-abcDEF1234", source_kind: "report", source_id: String(second.id), changes: { title: ["Live in Lisbon, Part 1", "Live in Lisbon (Part 1)"] } },
    ]);
    const { video, timeline } = await getVideoDetail(db(), "-abcDEF1234");
    expect(video).toMatchObject({ created_by_report_id: first.id, last_source_report_id: second.id });
    expect(timeline.map((e) => e.kind)).toEqual(["created", "changed"]);
    expect(timeline[0]).toMatchObject({ at: first.startedAt!.toISOString(), source: { kind: "report", report_id: first.id, filename: first.filename } });
    expect(timeline[1]).toMatchObject({ source: { kind: "report", report_id: second.id }, changes: [{ field: "title", old: "Live in Lisbon, Part 1", new: "Live in Lisbon (Part 1)" }] });
  });

  it("excludes Shorts when asked", async () => {
    const report = await importKey("reports/video_report_Sample_V_v1-3.csv", fixture("videos_report.csv"), { excludeShorts: true });
    expect(report.summary).toMatchObject({ created: 1, skipped: 1 });
    expect(await rows(db(), sql`SELECT video_id FROM videos`)).toEqual([{ video_id: "-abcDEF1234" }]);
  });
});

describe("metrics and asset reports", () => {
  it("stores claim_raw revenue as exact decimals that tie out to the file", async () => {
    const report = await importKey("reports/YouTube_Sample_M_20250601_claim_raw_v1-1.csv.gz", gzipSync(fixture("claim_raw.csv")));
    expect(report.status).toBe("completed");
    const [total] = await rows(db(), sql`SELECT sum(partner_revenue)::text AS revenue FROM video_metrics`);
    expect(total.revenue).toBe("1.484589566594");
    const claims = await rows(db(), sql`SELECT video_id, asset_id FROM claims WHERE video_id = 'dQw4w9WgXcQ' ORDER BY asset_id`);
    expect(claims.map((c) => c.asset_id)).toEqual(["A100000000000001", "A300000000000003"]);
  });

  it("updates assets from an asset report and passes ISRC/UPC/artist/label to the videos they claim", async () => {
    await importKey("reports/video_report_Sample_V_v1-3.csv", fixture("videos_report.csv"));
    const report = await importKey("reports/YouTube_Sample_M_20250601_asset_raw_v1-1.csv", fixture("asset_raw_music.csv"));
    expect(report.status).toBe("completed");
    const [asset] = await rows(db(), sql`SELECT isrc, upc, artist, label, labels FROM assets WHERE asset_id = 'A100000000000001'`);
    expect(asset).toMatchObject({ isrc: "USRC17607839", upc: "0602577012345", artist: "Sample Artist", label: "Sample Records" });
    const [video] = await rows(db(), sql`SELECT upc, label FROM videos WHERE video_id = '-abcDEF1234'`);
    expect(video).toMatchObject({ upc: "0602577012345", label: "Sample Records" });
  });
});

describe("bad input", () => {
  const failsWith = async (key: string, body: Uint8Array | string, message: RegExp, line?: number) => {
    const report = await importKey(key, body);
    expect(report.status).toBe("error");
    expect(report.error).toMatch(message);
    if (line !== undefined) expect(report.errorLine).toBe(line);
    expect(await rows(db(), sql`SELECT count(*)::int AS n FROM videos`)).toEqual([{ n: 0 }]);
    expect(await rows(db(), sql`SELECT count(*)::int AS n FROM import_staging`)).toEqual([{ n: 0 }]);
  };

  it("fails whole-file problems with the reason and leaves the catalog untouched", async () => {
    await failsWith("reports/not-gzip.csv.gz", fixture("not-gzip.csv.gz"), /not gzip/i);
    await failsWith("reports/truncated.csv.gz", gzipSync(fixture("videos_report.csv")).subarray(0, 200), /truncated|gzip/i);
    await failsWith("reports/invalid-utf8.csv", fixture("invalid-utf8.csv"), /UTF-8/, 4);
    await failsWith("reports/unknown.csv", fixture("unknown-kind.csv"), /Headers found:.*Known kinds:/s);
  });

  it("completes a header-only file with zero rows", async () => {
    const report = await importKey("reports/header-only.csv", fixture("header-only.csv"));
    expect(report.status).toBe("completed");
    expect(report.summary).toMatchObject({ total_rows: 0, created: 0 });
  });

  it("rejects only the bad rows, keeps the good ones and offers the rejects as CSV", async () => {
    const report = await importKey("reports/bad-rows.csv", fixture("bad-rows.csv"));
    expect(report.status).toBe("completed");
    const rejected = await rows<{ line: number; column: string; reason: string }>(db(), sql`SELECT line, "column", reason FROM report_rows_rejected ORDER BY line`);
    expect(rejected.length).toBeGreaterThan(0);
    expect(report.summary!.rejected).toBe(rejected.length);
    expect(report.summary!.created).toBeGreaterThan(0);
    const csv = await new Response(rejectedRowsCsv(db(), report.id)).text();
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toBe("line,column,value,reason,raw_row");
    expect(lines).toHaveLength(rejected.length + 1);
    expect(lines[1]).toContain(String(rejected[0].line));
  });
});
