import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { estimateCompletion, planQueue, queuePosition, upcomingWork } from "@/lib/enrichment/planner";
import { claimNextTask, completeTask } from "@/lib/enrichment/queue-store";
import { reserveRequest } from "@/lib/enrichment/quota-ledger";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { clearQueueData, seedBacklog, seedTask } from "./requests-seed";

// The planner (issue #11 point 7): backlog size, requests needed, days to clear at the current budget, and the
// order work will run in — which must be the order the drain really claims it in.

let tdb: TestDatabase;
const db = () => tdb.db;
const NOW = new Date("2026-03-07T20:00:00Z"); // Saturday 12:00 PST; clocks go forward on Sunday 2026-03-08

beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(() => tdb.drop());
beforeEach(() => clearQueueData(db()));

describe("estimateCompletion", () => {
  it("is nothing for no work, and later today when today's budget covers it", () => {
    expect(estimateCompletion({ requests: 0, remainingToday: 10, budget: 10, now: NOW })).toEqual({ days: 0, at: null });
    const today = estimateCompletion({ requests: 8, remainingToday: 10, budget: 10, now: NOW });
    expect(today.days).toBe(1);
    expect(today.at!.getTime() - NOW.getTime()).toBe(2000); // 0.25 s a request
  });

  it("counts full quota days after today's remainder, each starting at midnight Pacific across the DST change", () => {
    // 4 today, then 10 + 10 + 1: the last day starts Tuesday 2026-03-10 00:00 PDT = 07:00 UTC (PST was 08:00 UTC).
    const est = estimateCompletion({ requests: 25, remainingToday: 4, budget: 10, now: NOW });
    expect(est.days).toBe(4);
    expect(est.at!.toISOString()).toBe("2026-03-10T07:00:00.250Z");
    // Nothing left today: the first day is tomorrow (Sunday 00:00 PST = 08:00 UTC), and today is not counted.
    const spent = estimateCompletion({ requests: 10, remainingToday: 0, budget: 10, now: NOW });
    expect(spent).toEqual({ days: 1, at: new Date("2026-03-08T08:00:02.500Z") });
  });
});

describe("planQueue", () => {
  it("sizes the backlog, prices it in requests and estimates the days at the current budget", async () => {
    await seedTask(db(), { taskType: "metadata_sync", itemIds: ["a", "b", "c"], priority: 5, orderViews: 10 });
    await seedTask(db(), { taskType: "monetization_sync", itemIds: ["a", "b", "c", "d"], priority: 5, orderViews: 20 });
    await seedTask(db(), { taskType: "ownership_update", itemIds: ["e"], status: "processing" });
    await seedTask(db(), { taskType: "ownership_update", itemIds: ["f"], status: "failed" });
    await seedBacklog(db(), { first: 1, count: 120, priority: 0, views: 1000 });
    for (let i = 0; i < 3; i++) await reserveRequest(db(), { endpoint: "videos.list", budget: 10, now: NOW, minSpacingMs: 0 });

    const plan = await planQueue(db(), { now: NOW, budget: 10 });
    expect(plan.backlog).toEqual({ pending_tasks: 2, pending_items: 7, backlog_assets: 120, total_items: 127 });
    // 1 metadata call, 4 monetization calls (one per video), 3 assets.list calls for 120 assets.
    expect(plan.requests_needed).toEqual({ total: 8, by_type: { metadata_sync: 1, monetization_sync: 4, asset_enrichment: 3, ownership_update: 0 } });
    expect(plan.quota).toMatchObject({ day: "2026-03-07", used: 3, budget: 10, remaining: 7, exhausted: false, reset_at: "2026-03-08T08:00:00.000Z", by_endpoint: { "videos.list": 3 } });
    expect(plan.days_to_clear).toBe(2);
    expect(plan.estimated_completion).toBe("2026-03-08T08:00:00.250Z");
    expect(plan.sandbox).toEqual(expect.any(Boolean));
  });

  it("counts no requests left today once Google said quotaExceeded", async () => {
    await seedTask(db(), { taskType: "metadata_sync", itemIds: ["a"] });
    await db().execute(sql`INSERT INTO quota_ledger (day, api, units_used, exhausted_at) VALUES ('2026-03-07', 'total', 2, now())`);
    const plan = await planQueue(db(), { now: NOW, budget: 10 });
    expect(plan.quota).toMatchObject({ used: 2, remaining: 0, exhausted: true });
    expect(plan.estimated_completion).toBe("2026-03-08T08:00:00.250Z");
  });
});

describe("the order work will run in", () => {
  it("lists tasks by priority, then most-viewed, with backlog chunks that rank as high first and waiting tasks last", async () => {
    const waiting = await seedTask(db(), { taskType: "metadata_sync", itemIds: ["w"], priority: 99, runAfter: new Date(NOW.getTime() + 3_600_000) });
    const low = await seedTask(db(), { taskType: "metadata_sync", itemIds: ["l"], priority: 1, orderViews: 5 });
    const topViews = await seedTask(db(), { taskType: "ownership_update", itemIds: ["t", "u"], priority: 5, orderViews: 900 });
    const fewerViews = await seedTask(db(), { taskType: "monetization_sync", itemIds: ["m", "n", "o"], priority: 5, orderViews: 100 });
    const noViews = await seedTask(db(), { taskType: "metadata_sync", itemIds: ["z"], priority: 5, orderViews: null });
    // Priority 5 with views 499…440, then priority 0: the drain carves the next 50 whatever their priority, so the
    // second chunk mixes both groups and ranks by its best asset.
    await seedBacklog(db(), { first: 1, count: 60, priority: 5, views: 500 });
    await seedBacklog(db(), { first: 100, count: 110, priority: 0, views: 100_000 });

    const order = await upcomingWork(db(), { now: NOW, limit: 20 });
    expect(order.map((u) => [u.kind, u.task_id, u.ids, u.requests, u.priority])).toEqual([
      ["task", topViews, 2, 1, 5],
      ["backlog", null, 50, 1, 5],
      ["backlog", null, 50, 1, 5],
      ["task", fewerViews, 3, 3, 5],
      ["task", noViews, 1, 1, 5],
      ["task", low, 1, 1, 1],
      ["backlog", null, 50, 1, 0],
      ["backlog", null, 20, 1, 0],
      ["task", waiting, 1, 1, 99],
    ]);
    expect(order.at(-1)?.run_after).toBe(new Date(NOW.getTime() + 3_600_000).toISOString());
    expect(await queuePosition(db(), topViews, NOW)).toBe(0);
    expect(await queuePosition(db(), fewerViews, NOW)).toBe(3);
    expect(await queuePosition(db(), noViews, NOW)).toBe(4);
    expect(await queuePosition(db(), low, NOW)).toBe(5);

    // The drain's own claim order (queue-store.ts) must be the same, once the waiting task's time has come.
    const later = new Date(NOW.getTime() + 2 * 3_600_000);
    const expected = (await upcomingWork(db(), { now: later, limit: 20 })).map((u) => (u.kind === "task" ? u.task_id : `backlog:${u.ids}`));
    const seeded = new Set([waiting, low, topViews, fewerViews, noViews]);
    const claimed: Array<number | string> = [];
    for (let task = await claimNextTask(db(), later); task; task = await claimNextTask(db(), later)) {
      claimed.push(seeded.has(task.id) ? task.id : `backlog:${task.itemIds.length}`);
      await completeTask(db(), task.id, {}, later);
    }
    expect(claimed).toEqual(expected);
    expect(expected[0]).toBe(waiting);
  });

  it("has no position for a task that is not pending", async () => {
    const done = await seedTask(db(), { taskType: "metadata_sync", itemIds: ["a"], status: "completed" });
    expect(await queuePosition(db(), done, NOW)).toBeNull();
    expect(await queuePosition(db(), 424242, NOW)).toBeNull();
  });
});
