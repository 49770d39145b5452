import PusherClient from "pusher-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { flushDashboardState } from "@/lib/dashboard/publish-dashboard-state";
import { queueChannels, queueEvents, type ProcessorStatus, type QueueTaskComplete, type SyncComplete } from "@/lib/realtime/channels";
import { getPusher } from "@/lib/realtime/pusher-server";
import { resetYouTubeClients } from "@/lib/youtube/shared-clients";
import { assetIdFor } from "@/local/youtube/fake-partner";
import { startYouTubeSandbox, type YouTubeSandbox } from "@/local/youtube/server";
import { inngest } from "@/inngest/client";
import { enrichmentRequested } from "@/inngest/events";
import { importReportFile, rows } from "@/tests/helpers/imports";
import { startLocalStack, stackSecrets, type LocalStack } from "@/tests/helpers/local-stack";
import { insertTask, knownVideoIds } from "./drain-fixture";

// "Done when" of issue #11 on the local stack: importing a report with assets leads to enrichment running by itself
// (the import sends the drain event; the drain-enrichment function runs in the Inngest stand-in against the YouTube
// sandbox), videos gain UPC/ISRC/genre with history entries, and a pusher-js client sees the queue move.

let stack: LocalStack;
let sandbox: YouTubeSandbox;
let client: PusherClient;
const db = () => stack.database.db;
const events: Array<{ event: string; data: unknown }> = [];

beforeAll(async () => {
  sandbox = await startYouTubeSandbox({ port: 0 });
  Object.assign(process.env, {
    YOUTUBE_API_ROOT_URL: `${sandbox.url}/`,
    YOUTUBE_PARTNER_ROOT_URL: `${sandbox.url}/`,
    GOOGLE_OAUTH_TOKEN_URL: `${sandbox.url}/token`,
  });
  stack = await startLocalStack(); // resets the env cache after setting its own variables
  resetYouTubeClients();
  client = new PusherClient(stackSecrets.pusher.key, {
    cluster: "local", wsHost: "127.0.0.1", wsPort: stack.pusher.port, forceTLS: false, enabledTransports: ["ws"],
    channelAuthorization: {
      endpoint: "/unused", transport: "ajax",
      customHandler: (params, callback) => callback(null, getPusher()!.authorizeChannel(params.socketId, params.channelName)),
    },
  });
  await new Promise<void>((resolve, reject) => {
    const channel = client.subscribe(queueChannels.all());
    channel.bind("pusher:subscription_succeeded", () => resolve());
    channel.bind("pusher:subscription_error", reject);
    channel.bind_global((event: string, data: unknown) => {
      if (!event.startsWith("pusher:")) events.push({ event, data });
    });
  });
}, 90_000);
afterAll(async () => {
  client?.disconnect();
  // The drain's last idle step (and a dashboard snapshot its coalescer held back) must not outlive the database.
  if (stack) await until(() => stack.executor.executor.activeRuns().length === 0, "the drain to go idle", 30_000);
  await flushDashboardState();
  await stack?.stop();
  await sandbox?.stop();
});

async function until(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const HEADER =
  "video_id,channel_id,channel_display_name,time_uploaded,time_published,video_title,video_length,views,comments,video_privacy_status,video_url,category,embedding_allowed,ratings_allowed,comments_allowed,claim_origin,content_type,upload_source,claimed_by_this_owner,claimed_by_another_owner,other_owners_claiming,offweb_syndicatable,claim_id,asset_id,custom_id,effective_policy,isrc";

/** A Videos report of `videoIds`, video i claimed by asset i % assets (so assets are shared by several videos). */
function videosReport(videoIds: string[], assetIds: string[]): string {
  const lines = videoIds.map((id, i) =>
    [id, "UCaBcDeFgHiJkLmNoPqRsTuV", "Sample Music", "2023-05-01T10:00:00Z", "2023-05-02T12:30:00Z", `Song ${i}`, 245, 1000 + i, 0, "public", "",
      "Music", "true", "true", "true", "Audio match", "Partner-provided", "web", "Yes", "No", "", "true", `clm-${i}`, assetIds[i % assetIds.length], "", "Monetize in all countries", ""].join(","),
  );
  return [HEADER, ...lines].join("\n") + "\n";
}

describe("after an import, enrichment runs by itself", () => {
  it("enriches the report's videos through their assets, with history entries, while the queue's events flow", async () => {
    const videoIds = knownVideoIds("inn", 9);
    const assetIds = [0, 1, 2].map((i) => assetIdFor(`inngest-drain-${i}`));
    const report = await importReportFile(db(), "reports/video_report_Enrich_V_v1-3.csv", videosReport(videoIds, assetIds));
    expect(report.status).toBe("completed");
    expect(report.summary).toMatchObject({ created: 9, enrichment_queued: 3 });

    await until(async () => {
      const [left] = await rows<{ n: number }>(db(), sql`
SELECT (SELECT count(*) FROM assets WHERE enrichment_requested_at IS NOT NULL)
     + (SELECT count(*) FROM processing_queue WHERE status IN ('pending', 'processing'))
     + (SELECT count(*) FROM videos WHERE genre IS NULL) AS n`);
      return Number(left.n) === 0;
    }, "the backlog to be drained");

    // One task for the three assets: no queue row per video.
    const tasks = await rows<{ task_type: string; requested_by: string; status: string; item_ids: string[] }>(
      db(), sql`SELECT task_type, requested_by, status, item_ids FROM processing_queue`);
    expect(tasks).toEqual([{ task_type: "asset_enrichment", requested_by: "backlog", status: "completed", item_ids: expect.arrayContaining(assetIds) }]);

    const enriched = await rows<{ upc: string | null; isrc: string | null; genre: string[] | null }>(db(), sql`SELECT upc, isrc, genre FROM videos`);
    expect(enriched).toHaveLength(9);
    for (const v of enriched) {
      expect(v.upc).toMatch(/^\d{12}$/);
      expect(v.isrc).toMatch(/^QZ/);
      expect(v.genre!.length).toBeGreaterThan(0);
    }
    const history = await rows<{ video_id: string; source_kind: string; source_id: string; sandbox: boolean }>(
      db(), sql`SELECT video_id, source_kind, source_id, sandbox FROM metadata_syncs WHERE video_id IS NOT NULL ORDER BY video_id`);
    expect(history).toEqual([...videoIds].sort().map((id) => ({ video_id: id, source_kind: "api", source_id: "assets.list", sandbox: true })));

    // What a pusher-js client on the Queue page received.
    await until(() => events.some((e) => e.event === queueEvents.processorStatus && !(e.data as ProcessorStatus).running), "the drain's last processor_status", 10_000);
    const completes = events.filter((e) => e.event === queueEvents.taskComplete).map((e) => e.data as QueueTaskComplete);
    expect(completes).toEqual([expect.objectContaining({ task_type: "asset_enrichment", status: "completed", result: { updated: 3, unchanged: 0, not_found: 0, errors: 0 }, error: null })]);
    const syncs = events.filter((e) => e.event === queueEvents.syncComplete).map((e) => e.data as SyncComplete);
    expect(syncs.map((s) => s.video_id).sort()).toEqual([...videoIds].sort());
    for (const s of syncs) {
      expect(s).toMatchObject({ sandbox: true, task_id: expect.any(Number) });
      expect(s.changes).toHaveProperty("genre");
    }
    const last = events.filter((e) => e.event === queueEvents.processorStatus).at(-1)!.data as ProcessorStatus;
    expect(last).toMatchObject({ running: false, backlog_assets: 0, queue_length: { pending: 0, processing: 0, completed: 1, failed: 0, total: 1 } });
    expect(last.quota.used).toBe(1);
    expect(sandbox.requests().filter((r) => r.path !== "/token")).toHaveLength(1);
  }, 120_000);
});

describe("a requested drain", () => {
  it("sleeps through a 429's backoff and finishes the task without being asked again", async () => {
    sandbox.clearRequests();
    const [videoId] = knownVideoIds("inn429", 1);
    const id = await insertTask(db(), { type: "metadata_sync", ids: [videoId], priority: 90 });
    sandbox.setFailure("rate_limited", { count: 1 });
    await inngest.send(enrichmentRequested.create({ reason: "test" }));

    await until(async () => (await rows<{ status: string }>(db(), sql`SELECT status FROM processing_queue WHERE id = ${id}`))[0].status === "completed", "the task to complete");
    const [done] = await rows<{ retry_count: number; error_message: string | null }>(db(), sql`SELECT retry_count, error_message FROM processing_queue WHERE id = ${id}`);
    expect(done).toEqual({ retry_count: 1, error_message: null });
    const calls = sandbox.requests().filter((r) => r.path === "/youtube/v3/videos");
    expect(calls.map((c) => c.status)).toEqual([429, 200]);
    // Retry-After said one second.
    expect(Date.parse(calls[1].at) - Date.parse(calls[0].at)).toBeGreaterThanOrEqual(1000);
    const sync = events.find((e) => e.event === queueEvents.syncError && (e.data as { task_id: number }).task_id === id)?.data;
    expect(sync).toMatchObject({ reason: "rateLimitExceeded", retry_at: expect.any(String) });
  }, 60_000);
});

