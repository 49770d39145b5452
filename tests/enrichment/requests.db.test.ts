import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { processingQueue, type QueueTask } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { requestBulkSync } from "@/lib/enrichment/bulk-sync";
import { SYNC_NOW_PRIORITY } from "@/lib/enrichment/queue-contract";
import { requestVideoSync } from "@/lib/enrichment/requests";
import { taskHandlers } from "@/lib/enrichment/tasks";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { createTestUser, type TestUser } from "../helpers/session";
import { assetIdOf, CHANNEL_A, CHANNEL_B, clearQueueData, seedBacklog, seedChannelVideos, seedTask, seedVideo, videoIdOf } from "./requests-seed";

// Explicit enrichment requests (F6): a person's "Sync now" on one video and an admin's bulk sync per channel.

let tdb: TestDatabase;
let user: TestUser;
const db = () => tdb.db;
const NOW = new Date("2026-06-10T18:00:00Z");
const VIDEO = "dQw4w9WgXcQ";

beforeAll(async () => {
  tdb = await createTestDatabase();
  user = await createTestUser(tdb.db, { role: "admin" });
});
afterAll(() => tdb.drop());
beforeEach(() => clearQueueData(db()));

const allTasks = () => db().select().from(processingQueue).orderBy(asc(processingQueue.id));
const byType = (tasks: QueueTask[], type: QueueTask["taskType"]) => tasks.filter((t) => t.taskType === type);

describe("requestVideoSync", () => {
  it("queues metadata, ownership and monetization for the video and one asset task for its claimed assets", async () => {
    await seedVideo(db(), VIDEO, { views: 1234, assetIds: ["A000000000000001", "A000000000000002"] });
    const sync = await requestVideoSync(db(), { videoId: VIDEO, userId: user.id, now: NOW });

    const tasks = await allTasks();
    expect(tasks.map((t) => [t.taskType, t.videoId, t.assetId, t.itemIds, t.status, t.priority, t.orderViews, t.requestedBy])).toEqual([
      ["metadata_sync", VIDEO, null, [VIDEO], "pending", SYNC_NOW_PRIORITY, 1234, user.id],
      ["ownership_update", VIDEO, null, [VIDEO], "pending", SYNC_NOW_PRIORITY, 1234, user.id],
      ["monetization_sync", VIDEO, null, [VIDEO], "pending", SYNC_NOW_PRIORITY, 1234, user.id],
      ["asset_enrichment", VIDEO, null, ["A000000000000001", "A000000000000002"], "pending", SYNC_NOW_PRIORITY, 1234, user.id],
    ]);
    // Without ?force_refresh the asset's answer only fills what is empty (its values reach sibling videos too).
    expect(tasks.every((t) => t.payload?.force_refresh === false)).toBe(true);
    expect(sync).toMatchObject({ task_id: tasks[0].id, position: 0, already_processing: false, created: true });
    expect(sync.tasks.map((t) => [t.task_type, t.created])).toEqual([
      ["metadata_sync", true], ["ownership_update", true], ["monetization_sync", true], ["asset_enrichment", true],
    ]);
  });

  it("names the single asset on the task, and queues no asset task for a video without assets", async () => {
    await seedVideo(db(), VIDEO, { assetIds: ["A000000000000009"] });
    await seedVideo(db(), "Qq-Ww_Ee1Rr");
    await requestVideoSync(db(), { videoId: VIDEO, userId: user.id, now: NOW });
    await requestVideoSync(db(), { videoId: "Qq-Ww_Ee1Rr", userId: user.id, now: NOW });
    const tasks = await allTasks();
    expect(byType(tasks, "asset_enrichment").map((t) => [t.videoId, t.assetId, t.itemIds])).toEqual([[VIDEO, "A000000000000009", ["A000000000000009"]]]);
    expect(tasks.filter((t) => t.videoId === "Qq-Ww_Ee1Rr").map((t) => t.taskType)).toEqual(["metadata_sync", "ownership_update", "monetization_sync"]);
  });

  it("reuses open tasks when asked again, raising a pending import task to the person's priority", async () => {
    await seedVideo(db(), VIDEO, { views: 5, assetIds: ["A000000000000001"] });
    const imported = await seedTask(db(), { taskType: "asset_enrichment", videoId: VIDEO, assetId: "A000000000000001", priority: 0, requestedBy: "report:7", payload: { video_id: VIDEO } });
    const first = await requestVideoSync(db(), { videoId: VIDEO, userId: user.id, now: NOW });
    const again = await requestVideoSync(db(), { videoId: VIDEO, userId: user.id, forceRefresh: true, now: NOW });

    expect(await allTasks()).toHaveLength(4);
    expect(again).toMatchObject({ task_id: first.task_id, created: false, already_processing: false, position: 0 });
    expect(again.tasks.every((t) => !t.created)).toBe(true);
    const [raised] = await db().select().from(processingQueue).where(eq(processingQueue.id, imported));
    expect(raised).toMatchObject({ priority: SYNC_NOW_PRIORITY, requestedBy: "report:7", payload: { video_id: VIDEO, force_refresh: true } });
    expect(first.tasks.find((t) => t.task_type === "asset_enrichment")).toMatchObject({ id: imported, created: false });
  });

  it("keeps one open task per kind when several people ask at the same moment", async () => {
    await seedVideo(db(), VIDEO, { assetIds: ["A000000000000001"] });
    const answers = await Promise.all(Array.from({ length: 6 }, () => requestVideoSync(db(), { videoId: VIDEO, userId: user.id, now: NOW })));
    expect(new Set(answers.map((a) => a.task_id)).size).toBe(1);
    expect(answers.filter((a) => a.created)).toHaveLength(1);
    expect((await allTasks()).map((t) => t.taskType).sort()).toEqual(["asset_enrichment", "metadata_sync", "monetization_sync", "ownership_update"]);
  });

  it("answers already_processing while its metadata sync runs, and still queues the kinds that are not open", async () => {
    await seedVideo(db(), VIDEO);
    const running = await seedTask(db(), { taskType: "metadata_sync", videoId: VIDEO, status: "processing", priority: 3, startedAt: NOW });
    const sync = await requestVideoSync(db(), { videoId: VIDEO, userId: user.id, now: NOW });
    expect(sync).toMatchObject({ task_id: running, already_processing: true, position: null, created: false });
    const tasks = await allTasks();
    expect(tasks.map((t) => [t.taskType, t.status, t.priority])).toEqual([
      ["metadata_sync", "processing", 3],
      ["ownership_update", "pending", SYNC_NOW_PRIORITY],
      ["monetization_sync", "pending", SYNC_NOW_PRIORITY],
    ]);
  });

  it("counts the pending units that run first: higher priority, more views, older ties and backlog chunks at its priority or above", async () => {
    await seedVideo(db(), VIDEO, { views: 500 });
    const p = SYNC_NOW_PRIORITY;
    await seedTask(db(), { taskType: "metadata_sync", itemIds: ["a"], priority: p + 5 }); // ahead
    await seedTask(db(), { taskType: "ownership_update", itemIds: ["b"], priority: p + 1, orderViews: 1 }); // ahead
    await seedTask(db(), { taskType: "metadata_sync", itemIds: ["c"], priority: p, orderViews: 501 }); // ahead: more views
    await seedTask(db(), { taskType: "metadata_sync", itemIds: ["d"], priority: p, orderViews: 500 }); // ahead: same rank, older
    await seedTask(db(), { taskType: "metadata_sync", itemIds: ["e"], priority: p, orderViews: 499 }); // behind
    await seedTask(db(), { taskType: "metadata_sync", itemIds: ["f"], priority: p, orderViews: null }); // behind: no views
    await seedTask(db(), { taskType: "metadata_sync", itemIds: ["g"], priority: p + 9, runAfter: new Date(NOW.getTime() + 60_000) }); // waiting
    await seedTask(db(), { taskType: "metadata_sync", itemIds: ["h"], priority: p + 9, status: "processing" }); // running
    await seedTask(db(), { taskType: "metadata_sync", itemIds: ["i"], priority: p + 9, status: "failed" }); // not queued
    await seedBacklog(db(), { first: 1, count: 101, priority: p, views: 1000 }); // 3 chunks ahead: same priority, more views
    await seedBacklog(db(), { first: 600, count: 40, priority: p, views: 1000 }); // behind: views 400…361
    await seedBacklog(db(), { first: 700, count: 40, priority: p + 1 }); // 1 chunk ahead: higher priority
    await seedBacklog(db(), { first: 800, count: 40, priority: 0 }); // behind
    const sync = await requestVideoSync(db(), { videoId: VIDEO, userId: user.id, now: NOW });
    expect(sync.position).toBe(4 + Math.ceil((101 + 40) / 50));
  });

  it("refuses a video that is not in the catalog with 404 and queues nothing", async () => {
    const error = await requestVideoSync(db(), { videoId: VIDEO, userId: user.id, now: NOW }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "not_found" });
    expect(await allTasks()).toEqual([]);
  });
});

describe("requestBulkSync", () => {
  const bulk = (o: Partial<Parameters<typeof requestBulkSync>[1]> = {}) =>
    requestBulkSync(db(), { channels: [CHANNEL_A], priority: 10, forceRefresh: false, userId: user.id, budget: 9500, now: NOW, ...o });

  it("writes batch tasks of up to 50 ids per type, most-viewed first, for the chosen channels only", async () => {
    await seedChannelVideos(db(), { channelId: CHANNEL_A, first: 1, count: 120 });
    await seedChannelVideos(db(), { channelId: CHANNEL_B, first: 1000, count: 10 });
    const result = await bulk({ priority: 25, forceRefresh: true });

    const tasks = await allTasks();
    const metadata = byType(tasks, "metadata_sync");
    expect(metadata.map((t) => t.itemIds!.length)).toEqual([50, 50, 20]);
    expect(metadata[0].itemIds!.slice(0, 3)).toEqual([videoIdOf(120), videoIdOf(119), videoIdOf(118)]);
    expect(metadata.map((t) => t.orderViews)).toEqual([120_000, 70_000, 20_000]);
    expect(byType(tasks, "ownership_update").map((t) => t.itemIds)).toEqual(metadata.map((t) => t.itemIds));
    expect(new Set(metadata.flatMap((t) => t.itemIds!))).toEqual(new Set(Array.from({ length: 120 }, (_, i) => videoIdOf(i + 1))));
    // Videos 1..120 are claimed by assets 0..60: 61 distinct assets, the most-viewed video's asset first.
    const assetTasks = byType(tasks, "asset_enrichment");
    expect(assetTasks.map((t) => t.itemIds!.length)).toEqual([50, 11]);
    expect(assetTasks[0].itemIds![0]).toBe(assetIdOf(60));
    expect(byType(tasks, "monetization_sync")).toEqual([]);
    expect(tasks.every((t) => t.priority === 25 && t.requestedBy === user.id && t.payload?.force_refresh === true && t.videoId === null)).toBe(true);

    expect(result).toMatchObject({
      jobs_created: 8,
      items: 120 + 120 + 61,
      videos: 120,
      already_queued: 0,
      requests_needed: 8,
      requests_until_done: 8,
      days_to_clear: 1,
      by_type: { metadata_sync: { jobs: 3, items: 120, requests: 3 }, asset_enrichment: { jobs: 2, items: 61, requests: 2 }, monetization_sync: { jobs: 0, items: 0, requests: 0 } },
    });
    expect(Date.parse(result.estimated_completion!)).toBeGreaterThan(NOW.getTime());
  });

  it("leaves out ids an open task already covers, so asking twice queues nothing new", async () => {
    await seedChannelVideos(db(), { channelId: CHANNEL_A, first: 1, count: 60 });
    await seedTask(db(), { taskType: "metadata_sync", videoId: videoIdOf(60), status: "processing" });
    await seedTask(db(), { taskType: "ownership_update", itemIds: [videoIdOf(1), videoIdOf(2)] });
    const first = await bulk({ types: ["metadata_sync", "ownership_update"] });
    expect(first).toMatchObject({ already_queued: 3, by_type: { metadata_sync: { items: 59 }, ownership_update: { items: 58 } } });
    const again = await bulk({ types: ["metadata_sync", "ownership_update"] });
    expect(again).toMatchObject({ jobs_created: 0, items: 0, already_queued: 120 });
  });

  it("puts a lone id on the task's video_id, like a single-video task", async () => {
    await seedChannelVideos(db(), { channelId: CHANNEL_A, first: 1, count: 51 });
    await bulk({ types: ["metadata_sync"] });
    expect(byType(await allTasks(), "metadata_sync").map((t) => t.videoId)).toEqual([null, videoIdOf(1)]);
  });

  it("counts monetization as one request per video when asked for, in tasks of the handler's size", async () => {
    await seedChannelVideos(db(), { channelId: CHANNEL_A, first: 1, count: 70 });
    const result = await bulk({ types: ["monetization_sync"] });
    const perTask = taskHandlers.monetization_sync.maxIds;
    expect(result).toMatchObject({ jobs_created: Math.ceil(70 / perTask), items: 70, requests_needed: 70 });
    expect(Math.max(...(await allTasks()).map((t) => t.itemIds!.length))).toBe(perTask);
  });

  it("covers every channel with 'all'", async () => {
    await seedChannelVideos(db(), { channelId: CHANNEL_A, first: 1, count: 5 });
    await seedChannelVideos(db(), { channelId: CHANNEL_B, first: 100, count: 5 });
    expect(await bulk({ channels: "all", types: ["metadata_sync"] })).toMatchObject({ jobs_created: 1, items: 10, videos: 10 });
  });

  it("refuses channels that are not in the catalog, naming them, and queues nothing", async () => {
    await seedChannelVideos(db(), { channelId: CHANNEL_A, first: 1, count: 5 });
    const error = await bulk({ channels: [CHANNEL_A, CHANNEL_B] }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "bad_request", details: { channels: [CHANNEL_B] } });
    expect(await allTasks()).toEqual([]);
  });

  it("estimates completion from the budget: today's remainder, then a full budget per quota day", async () => {
    await seedChannelVideos(db(), { channelId: CHANNEL_A, first: 1, count: 500 });
    // 10 metadata + 10 ownership + 6 asset tasks = 26 requests, plus 5 pending monetization requests that run first.
    await seedTask(db(), { taskType: "monetization_sync", itemIds: ["x1", "x2", "x3", "x4", "x5"], priority: 50 });
    await seedTask(db(), { taskType: "metadata_sync", itemIds: ["y"], priority: 0 }); // runs after: not counted
    await db().execute(sql`INSERT INTO quota_ledger (day, api, units_used) VALUES ('2026-06-10', 'total', 6)`);
    const result = await bulk({ budget: 10 });
    expect(result).toMatchObject({ requests_needed: 26, requests_until_done: 31 });
    // 4 left today, then 27 more at 10 a day: three more quota days (10, 10, 7), the last from 2026-06-13 00:00 PDT.
    expect(result.days_to_clear).toBe(4);
    const done = Date.parse(result.estimated_completion!);
    expect(done).toBeGreaterThan(Date.parse("2026-06-13T07:00:00Z"));
    expect(done).toBeLessThan(Date.parse("2026-06-13T08:00:00Z"));
  });

  it("stays set-based for a large channel: every video exactly once per type", async () => {
    await seedChannelVideos(db(), { channelId: CHANNEL_A, first: 1, count: 10_000 });
    const result = await bulk({ types: ["metadata_sync", "asset_enrichment"] });
    expect(result).toMatchObject({ jobs_created: 200 + 101, by_type: { metadata_sync: { items: 10_000 }, asset_enrichment: { items: 5_001 } } });
    const check = await db().execute(sql`
SELECT count(*)::int AS ids, count(DISTINCT id)::int AS distinct_ids FROM (SELECT unnest(item_ids) AS id FROM processing_queue WHERE task_type = 'metadata_sync') x`);
    expect(check.rows[0]).toEqual({ ids: 10_000, distinct_ids: 10_000 });
  });
});
