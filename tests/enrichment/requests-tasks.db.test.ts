import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { processingQueue, taskStatuses, taskTypes } from "@/lib/db/schema";
import { TASK_STATUSES, TASK_TYPES } from "@/lib/enrichment/queue-contract";
import { getTask, listTasks, queueCounts } from "@/lib/enrichment/queue-queries";
import { retryFailed, retryTask, setTaskPriority } from "@/lib/enrichment/task-actions";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { createTestUser, type TestUser } from "../helpers/session";
import { clearQueueData, seedBacklog, seedTask } from "./requests-seed";

// What the Queue page reads (counts, the filtered list with per-item results, one task) and what people do to
// queued work (retry, retry all failed, change a priority).

let tdb: TestDatabase;
let user: TestUser;
const db = () => tdb.db;
const VIDEO = "dQw4w9WgXcQ";
const OTHER = "Qq-Ww_Ee1Rr";

beforeAll(async () => {
  tdb = await createTestDatabase();
  user = await createTestUser(tdb.db, { email: "queue-person@example.test" });
});
afterAll(() => tdb.drop());
beforeEach(() => clearQueueData(db()));

const row = async (id: number) => (await db().select().from(processingQueue).where(eq(processingQueue.id, id)))[0];
const page = (filters: Partial<Parameters<typeof listTasks>[1]> = {}) => listTasks(db(), { page: 1, perPage: 25, ...filters });

describe("queue reads", () => {
  it("shares the schema's task types and statuses with the browser-safe contract", () => {
    expect(TASK_TYPES).toEqual(taskTypes);
    expect(TASK_STATUSES).toEqual(taskStatuses);
  });

  it("counts tasks by status and the assets waiting in the backlog", async () => {
    expect(await queueCounts(db())).toEqual({ pending: 0, processing: 0, completed: 0, failed: 0, total: 0, backlog_assets: 0 });
    await seedTask(db(), { taskType: "metadata_sync", itemIds: ["a"] });
    await seedTask(db(), { taskType: "metadata_sync", itemIds: ["b"] });
    await seedTask(db(), { taskType: "ownership_update", itemIds: ["c"], status: "failed" });
    await seedTask(db(), { taskType: "ownership_update", itemIds: ["d"], status: "completed" });
    await seedBacklog(db(), { first: 1, count: 7 });
    expect(await queueCounts(db())).toEqual({ pending: 2, processing: 0, completed: 1, failed: 1, total: 4, backlog_assets: 7 });
  });

  it("filters by status, type and an id found inside a batch's ids, and shows who asked and each item's result", async () => {
    const batch = await seedTask(db(), {
      taskType: "metadata_sync", itemIds: [OTHER, VIDEO], status: "completed", requestedBy: user.id, payload: { force_refresh: true },
      result: { items: { [VIDEO]: { status: "updated", changes: { title: ["Old", "New"] } }, [OTHER]: { status: "not_found" } } },
    });
    const asset = await seedTask(db(), { taskType: "asset_enrichment", assetId: "A000000000000042", videoId: VIDEO, status: "failed", errorMessage: "Token refused", requestedBy: "backlog" });
    const other = await seedTask(db(), { taskType: "ownership_update", videoId: OTHER, requestedBy: "report:12" });

    const byVideo = await page({ search: VIDEO });
    expect(byVideo.tasks.map((t) => t.id).sort()).toEqual([batch, asset].sort());
    expect((await page({ search: "A000000000000042" })).tasks.map((t) => t.id)).toEqual([asset]);
    expect((await page({ search: String(other) })).tasks.map((t) => t.id)).toEqual([other]);
    expect((await page({ status: "failed" })).tasks.map((t) => t.id)).toEqual([asset]);
    expect((await page({ taskType: "metadata_sync", search: OTHER })).tasks.map((t) => t.id)).toEqual([batch]);
    expect(await page({ search: "nothing-here" })).toMatchObject({ tasks: [], total: 0, pages: 1 });

    const all = await page();
    expect(all).toMatchObject({ total: 3, page: 1, per_page: 25, pages: 1, counts: { pending: 1, completed: 1, failed: 1, total: 3 } });
    // Open work first, then finished work.
    expect(all.tasks[0].id).toBe(other);
    expect(await getTask(db(), batch)).toMatchObject({
      task_type: "metadata_sync",
      item_ids: [OTHER, VIDEO],
      requested_by_label: "queue-person@example.test",
      force_refresh: true,
      result_counts: { updated: 1, not_found: 1 },
      // In the order the ids were asked for.
      item_results: [
        { id: OTHER, status: "not_found" },
        { id: VIDEO, status: "updated", changes: { title: ["Old", "New"] } },
      ],
    });
    expect(await getTask(db(), asset)).toMatchObject({ requested_by_label: "Import backlog", error_message: "Token refused", item_ids: ["A000000000000042"], item_results: [] });
    expect(await getTask(db(), other)).toMatchObject({ requested_by_label: "Report 12" });
  });

  it("pages through the list in a stable order", async () => {
    for (let i = 0; i < 5; i++) await seedTask(db(), { taskType: "metadata_sync", itemIds: [`x${i}`], priority: i });
    const first = await page({ perPage: 2 });
    const third = await page({ perPage: 2, page: 3 });
    expect(first).toMatchObject({ total: 5, pages: 3 });
    expect(first.tasks.map((t) => t.priority)).toEqual([4, 3]);
    expect(third.tasks.map((t) => t.priority)).toEqual([0]);
  });

  it("answers 404 for an unknown task", async () => {
    await expect(getTask(db(), 4242)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("retry", () => {
  it("puts a failed task back to pending with no error, backoff or retries", async () => {
    const id = await seedTask(db(), { taskType: "metadata_sync", videoId: VIDEO, status: "failed", errorMessage: "HTTP 500", retryCount: 5, runAfter: new Date(), completedAt: new Date() });
    const task = await retryTask(db(), id);
    expect(task).toMatchObject({ id, status: "pending", error_message: null, run_after: null, retry_count: 0, completed_at: null });
    expect(await row(id)).toMatchObject({ status: "pending", errorMessage: null, runAfter: null, retryCount: 0 });
  });

  it("refuses tasks that are not failed (409), unknown ones (404) and a failed one whose video has an open twin (409)", async () => {
    const pending = await seedTask(db(), { taskType: "metadata_sync", videoId: VIDEO });
    const failedTwin = await seedTask(db(), { taskType: "metadata_sync", videoId: VIDEO, status: "failed" });
    await expect(retryTask(db(), pending)).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(/is pending; only failed tasks can be retried/) });
    await expect(retryTask(db(), failedTwin)).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(/another open metadata_sync task/) });
    await expect(retryTask(db(), 4242)).rejects.toMatchObject({ code: "not_found" });
    expect((await row(failedTwin)).status).toBe("failed");
  });

  it("retries every failed task, only the newest where several failed for the same kind and video", async () => {
    const older = await seedTask(db(), { taskType: "metadata_sync", videoId: VIDEO, status: "failed" });
    const newer = await seedTask(db(), { taskType: "metadata_sync", videoId: VIDEO, status: "failed" });
    const batchA = await seedTask(db(), { taskType: "ownership_update", itemIds: ["a", "b"], status: "failed" });
    const batchB = await seedTask(db(), { taskType: "ownership_update", itemIds: ["c", "d"], status: "failed" });
    await seedTask(db(), { taskType: "monetization_sync", videoId: OTHER, status: "pending" });
    const blocked = await seedTask(db(), { taskType: "monetization_sync", videoId: OTHER, status: "failed" });
    const done = await seedTask(db(), { taskType: "metadata_sync", videoId: OTHER, status: "completed" });

    expect(await retryFailed(db())).toEqual({ retried: 3 });
    const statuses = await db().select({ id: processingQueue.id, status: processingQueue.status }).from(processingQueue).orderBy(asc(processingQueue.id));
    const of = (id: number) => statuses.find((s) => s.id === id)?.status;
    expect([of(older), of(newer), of(batchA), of(batchB), of(blocked), of(done)]).toEqual(["failed", "pending", "pending", "pending", "failed", "completed"]);
    expect(await retryFailed(db())).toEqual({ retried: 0 });
  });
});

describe("setTaskPriority", () => {
  it("changes a pending or failed task's priority and refuses running or finished work", async () => {
    const pending = await seedTask(db(), { taskType: "metadata_sync", itemIds: ["a"], priority: 0 });
    const failed = await seedTask(db(), { taskType: "metadata_sync", itemIds: ["b"], status: "failed" });
    const running = await seedTask(db(), { taskType: "metadata_sync", itemIds: ["c"], status: "processing", priority: 1 });
    expect(await setTaskPriority(db(), pending, 70)).toMatchObject({ id: pending, priority: 70 });
    expect(await setTaskPriority(db(), failed, 3)).toMatchObject({ id: failed, priority: 3 });
    await expect(setTaskPriority(db(), running, 70)).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(/is processing/) });
    expect((await row(running)).priority).toBe(1);
    await expect(setTaskPriority(db(), 4242, 5)).rejects.toMatchObject({ code: "not_found" });
  });
});
