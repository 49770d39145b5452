import { readdirSync } from "node:fs";
import path from "node:path";
import Papa from "papaparse";
import PusherClient from "pusher-js";
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFinished } from "vitest";
import { sql } from "drizzle-orm";
import { resetEnvCache } from "@/lib/env";
import { addDecimals } from "@/lib/import/parse";
import { requestImports } from "@/lib/import/reports/request-import";
import { cancelImport } from "@/lib/import/reports/cancel-import";
import { getReport } from "@/lib/import/reports/report-queries";
import { reportChannels, reportEvents } from "@/lib/realtime/channels";
import { getPusher } from "@/lib/realtime/pusher-server";
import { benchRow, videosReportHeader } from "@/bench/generate-videos-report";
import { startLocalStack, stackSecrets, type LocalStack } from "@/tests/helpers/local-stack";
import { fixture, putReport, rows, waitForReport } from "@/tests/helpers/imports";

// Durability of the import (resume after a killed executor, cancel), live progress, and every report kind.
let stack: LocalStack;
const db = () => stack.database.db;
const syntheticReport = (n: number) => [videosReportHeader.join(","), ...Array.from({ length: n }, (_, i) => benchRow(i).join(","))].join("\n") + "\n";

async function startImport(key: string, body: string | Uint8Array) {
  await putReport(key, body);
  const [report] = await requestImports(db(), { keys: [key], triggeredBy: "user" });
  return report.id;
}

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** The catalog and audit trail without ids and times, which legitimately differ between runs. */
async function catalogSnapshot() {
  return {
    videos: await rows(db(), sql`SELECT video_id, title, channel_id, views, effective_policy, asset_id, is_short, short_rule, created_by_report_id FROM videos ORDER BY video_id`),
    claims: await rows(db(), sql`SELECT video_id, asset_id, claim_id, policy FROM claims ORDER BY video_id, asset_id`),
    audit: await rows(db(), sql`SELECT video_id, changes FROM metadata_syncs ORDER BY video_id, sync_time`),
    backlog: await rows(db(), sql`SELECT asset_id, enrichment_views::int FROM assets WHERE enrichment_requested_at IS NOT NULL ORDER BY asset_id`),
  };
}

const truncateCatalog = () =>
  db().execute(sql`TRUNCATE videos, claims, assets, metadata_syncs, video_metrics, asset_metrics, processing_queue, channels, reports, report_rows_rejected, import_staging RESTART IDENTITY CASCADE`);

beforeAll(async () => {
  stack = await startLocalStack();
}, 60_000);
afterAll(() => stack?.stop());
beforeEach(async () => {
  // A report is completed inside its last step, a moment before the run ends; a step still finishing after the
  // truncate below would act on the next test's report, which gets the same id.
  await until(async () => stack.executor.executor.activeRuns().length === 0, "the previous import's run to end");
  await truncateCatalog();
  process.env.IMPORT_CHUNK_ROWS = "50000";
  process.env.IMPORT_MERGE_RANGE_VIDEOS = "100000";
  resetEnvCache();
});

/** For this test only: rows staged by the staging steps, even by a first import (IMPORT_STAGING_STEPS_ONLY). */
function useStagingSteps() {
  process.env.IMPORT_STAGING_STEPS_ONLY = "1";
  resetEnvCache();
  onTestFinished(() => {
    delete process.env.IMPORT_STAGING_STEPS_ONLY;
    resetEnvCache();
  });
}

describe("a durable import", () => {
  it("resumes after the executor is killed mid-import and ends identical to an uninterrupted run", async () => {
    const body = syntheticReport(3000);
    process.env.IMPORT_CHUNK_ROWS = "150";
    // Seven ranges: apply steps merge two at a time (concurrently on PostgreSQL), the last one alone.
    process.env.IMPORT_MERGE_RANGE_VIDEOS = "450";
    resetEnvCache();
    const first = await waitForReport(db(), await startImport("reports/video_report_Resume_V_v1-3.csv", body));
    expect(first.status).toBe("completed");
    const uninterrupted = await catalogSnapshot();
    expect(uninterrupted.videos).toHaveLength(3000);

    await truncateCatalog();
    const id = await startImport("reports/video_report_Resume_V_v1-3.csv", body);
    await until(async () => ((await getReport(db(), id)).progress?.processed_rows ?? 0) >= 600, "a few staged chunks");
    await stack.restartExecutor();
    const resumed = await waitForReport(db(), id);
    expect(resumed.status).toBe("completed");
    expect(resumed.summary).toMatchObject({ created: 3000, rejected: 0 });
    expect(await catalogSnapshot()).toEqual(uninterrupted);
  }, 120_000);

  it("cancels an import before it changes the catalog and leaves no scratch rows", async () => {
    process.env.IMPORT_CHUNK_ROWS = "100";
    // Cancelled while its staging steps run (a first import's validation read would otherwise stage every row).
    useStagingSteps();
    const id = await startImport("reports/video_report_Cancel_V_v1-3.csv", syntheticReport(3000));
    await until(async () => ((await getReport(db(), id)).progress?.processed_rows ?? 0) > 0, "staging to start");
    const cancelled = await cancelImport(db(), id);
    expect(cancelled.status).toBe("cancelled");
    await new Promise((r) => setTimeout(r, 1000));
    expect((await getReport(db(), id)).status).toBe("cancelled");
    expect(await rows(db(), sql`SELECT count(*)::int AS n FROM videos`)).toEqual([{ n: 0 }]);
    expect(await rows(db(), sql`SELECT count(*)::int AS n FROM import_staging`)).toEqual([{ n: 0 }]);
  }, 60_000);

  it("publishes progress that a pusher-js client receives, ending with the final counts", async () => {
    const client = new PusherClient(stackSecrets.pusher.key, {
      cluster: "local", wsHost: "127.0.0.1", wsPort: stack.pusher.port, forceTLS: false, enabledTransports: ["ws"],
      channelAuthorization: {
        endpoint: "/unused", transport: "ajax",
        customHandler: (params, callback) => callback(null, getPusher()!.authorizeChannel(params.socketId, params.channelName)),
      },
    });
    const events: { status: string; progress: { percentage: number }; summary: { created: number } | null }[] = [];
    await new Promise<void>((resolve, reject) => {
      const channel = client.subscribe(reportChannels.all());
      channel.bind("pusher:subscription_succeeded", () => resolve());
      channel.bind("pusher:subscription_error", reject);
      channel.bind(reportEvents.statusUpdate, (data: (typeof events)[number]) => events.push(data));
    });
    process.env.IMPORT_CHUNK_ROWS = "200";
    // Ten staging steps, each publishing its progress.
    useStagingSteps();
    const report = await waitForReport(db(), await startImport("reports/video_report_Live_V_v1-3.csv", syntheticReport(2000)));
    await until(async () => events.at(-1)?.status === "completed", "the final event", 5000);
    client.disconnect();
    expect(report.status).toBe("completed");
    expect(events.length).toBeGreaterThan(2);
    const percentages = events.map((e) => e.progress.percentage);
    expect(percentages).toEqual([...percentages].sort((a, b) => a - b));
    expect(events.at(-1)).toMatchObject({ status: "completed", summary: { created: 2000 } });
  }, 60_000);
});

// Every report kind in REPORT-FORMATS, checked against an independent reading of the fixture itself.
const kindFixtures = readdirSync(path.join(process.cwd(), "tests/fixtures/reports")).filter(
  (f) => !["bad-rows.csv", "empty.csv", "header-only.csv", "invalid-utf8.csv", "not-gzip.csv.gz", "unknown-kind.csv", "unterminated-quote.csv"].includes(f),
);

function expectedFromFixture(name: string) {
  const text = fixture(name).toString("utf8").replace(/^\uFEFF/, "").replace(/\r\n/g, "\n");
  const lines = text.split("\n");
  const body = lines[0].split(",").length === 1 ? lines.slice(1).join("\n") : text;
  const parsed = Papa.parse<Record<string, string>>(body, { header: true, skipEmptyLines: true }).data;
  const col = (row: Record<string, string>, names: string[]) => names.map((n) => row[n]).find((v) => v !== undefined && v !== "");
  const videoIds = new Set(parsed.map((r) => col(r, ["Video ID", "video_id"])).filter(Boolean));
  const assetIds = new Set(parsed.flatMap((r) => (col(r, ["Asset ID", "asset_id"]) ?? "").split("|")).filter(Boolean));
  const revenue = parsed.map((r) => col(r, ["Partner Revenue", "partner_revenue", "Net Partner Revenue (Post revshare)"])).filter(Boolean) as string[];
  return { videoIds: [...videoIds].sort(), assetIds: [...assetIds].sort(), revenue: revenue.length ? addDecimals(revenue) : null, rows: parsed.length };
}

describe("every report kind", () => {
  it.each(kindFixtures)("imports %s into the catalog", async (name) => {
    const expected = expectedFromFixture(name);
    const report = await waitForReport(db(), await startImport(`reports/${name}`, fixture(name)));
    expect(report.error).toBeNull();
    expect(report.status).toBe("completed");
    expect(report.summary!.total_rows).toBe(expected.rows);
    expect(report.summary!.rejected).toBe(0);
    const videos = (await rows<{ video_id: string }>(db(), sql`SELECT video_id FROM videos ORDER BY video_id`)).map((v) => v.video_id);
    expect(videos).toEqual(expected.videoIds.sort((a, b) => (a! < b! ? -1 : 1)));
    const assets = (await rows<{ asset_id: string }>(db(), sql`SELECT asset_id FROM assets UNION SELECT asset_id FROM claims ORDER BY 1`)).map((a) => a.asset_id);
    for (const asset of expected.assetIds) expect(assets).toContain(asset);
    if (expected.revenue !== null) {
      const [stored] = await rows<{ revenue: string }>(db(), sql`
        SELECT (coalesce((SELECT sum(partner_revenue) FROM video_metrics), 0) + coalesce((SELECT sum(partner_revenue) FROM asset_metrics), 0))::text AS revenue`);
      // numeric keeps trailing zeros of its scale ("1.250000"); compare the decimal digits that matter.
      const canonical = (d: string) => (d.includes(".") ? d.replace(/0+$/, "").replace(/\.$/, "") : d);
      expect(canonical(stored.revenue)).toBe(canonical(expected.revenue));
    }
  }, 30_000);
});
