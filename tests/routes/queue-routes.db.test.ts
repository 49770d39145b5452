import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as syncAll } from "@/app/api/admin/sync/all/route";
import { GET as plannerRoute } from "@/app/api/queue/planner/route";
import { POST as retryFailedRoute } from "@/app/api/queue/retry-failed/route";
import { GET as listRoute } from "@/app/api/queue/route";
import { GET as taskRoute, PATCH as patchTask } from "@/app/api/queue/[id]/route";
import { POST as retryRoute } from "@/app/api/queue/[id]/retry/route";
import { GET as videoRoute } from "@/app/api/videos/[videoId]/route";
import { POST as syncVideo } from "@/app/api/videos/[videoId]/sync/route";
import { processingQueue, videos } from "@/lib/db/schema";
import { SYNC_NOW_PRIORITY } from "@/lib/enrichment/queue-contract";
import { markQuotaExhausted } from "@/lib/enrichment/quota-ledger";
import { resetEnvCache } from "@/lib/env";
import type { VideoDetail } from "@/lib/videos/types";
import { videoExists } from "@/local/youtube/fake-videos";
import { startYouTubeSandbox, type YouTubeSandbox } from "@/local/youtube/server";
import { CHANNEL_A, seedChannelVideos, seedTask, seedVideo } from "../enrichment/requests-seed";
import { startLocalStack, type LocalStack } from "../helpers/local-stack";
import { createTestUser, ensureAuthSecret, type TestUser } from "../helpers/session";
import { appOrigin, call, result } from "./route-calls";

// The queue's routes (F6, issue #11 points 6–7) on the whole local stack: "Sync now" runs end to end against the
// YouTube sandbox through the real drain; then, with today's quota marked spent so nothing moves under the
// assertions, every route's answers, refusals (400/404/409) and admin-only checks (403).

let stack: LocalStack;
let sandbox: YouTubeSandbox;
let user: TestUser;
let admin: TestUser;
const db = () => stack.database.db;

function sandboxVideoIds(count: number): string[] {
  const ids: string[] = [];
  for (let i = 0; ids.length < count; i++) {
    const id = `qr${String(i).padStart(9, "0")}`;
    if (videoExists(id)) ids.push(id);
  }
  return ids;
}
const [E2E_VIDEO, QUEUED_VIDEO, BUSY_VIDEO] = sandboxVideoIds(3);

beforeAll(async () => {
  ensureAuthSecret();
  sandbox = await startYouTubeSandbox({ port: 0 });
  Object.assign(process.env, {
    YOUTUBE_API_ROOT_URL: sandbox.url,
    YOUTUBE_PARTNER_ROOT_URL: sandbox.url,
    GOOGLE_OAUTH_TOKEN_URL: `${sandbox.url}/token`,
    YOUTUBE_CONTENT_OWNER_ID: "CO-queue-routes",
  });
  resetEnvCache();
  stack = await startLocalStack();
  user = await createTestUser(db(), { role: "user" });
  admin = await createTestUser(db(), { role: "admin" });
}, 90_000);
afterAll(async () => {
  await stack?.stop();
  await sandbox?.stop();
});

type Options = { method?: string; body?: unknown; params?: Record<string, string>; as?: TestUser };
const send = async (handler: Parameters<typeof call>[0], path: string, o: Options = {}) =>
  result(await call(handler, path, { user: o.as ?? user, method: o.method, body: o.body, params: o.params, headers: { origin: appOrigin() } }));
const sync = (videoId: string, as?: TestUser) => send(syncVideo, `/api/videos/${videoId}/sync`, { method: "POST", params: { videoId }, as });
const list = (query = "") => send(listRoute, `/api/queue${query}`);
const openTasks = (videoId: string) =>
  db().select().from(processingQueue).where(sql`${processingQueue.videoId} = ${videoId} AND ${processingQueue.status} IN ('pending', 'processing')`);

async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false>, ms = 60_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe("Sync now, end to end", () => {
  it("queues the video's tasks at the front, the drain syncs them from the sandbox, and the queue and history show it", async () => {
    await seedVideo(db(), E2E_VIDEO, { views: 10 });
    const { status, body } = await sync(E2E_VIDEO);
    expect(status).toBe(201);
    expect(body).toMatchObject({ status: "queued", video_id: E2E_VIDEO, task_id: expect.any(Number), position: 0, already_processing: false, runner: "notified" });

    await waitFor("the sync's tasks to finish", async () => (await openTasks(E2E_VIDEO)).length === 0);
    const [video] = await db().select().from(videos).where(eq(videos.videoId, E2E_VIDEO));
    expect(video.apiSyncedAt).toBeInstanceOf(Date);

    const queue = await list(`?search=${E2E_VIDEO}`);
    expect(queue.status).toBe(200);
    const tasks = queue.body.tasks as Array<{ id: number; task_type: string; status: string; item_results: Array<{ id: string; status: string }>; sandbox: boolean; requested_by_label: string }>;
    expect(tasks.map((t) => [t.task_type, t.status]).sort()).toEqual([["metadata_sync", "completed"], ["monetization_sync", "completed"], ["ownership_update", "completed"]]);
    const metadata = tasks.find((t) => t.id === body.task_id)!;
    expect(metadata).toMatchObject({ sandbox: true, requested_by_label: user.email, item_results: [{ id: E2E_VIDEO, status: "updated" }] });

    // The video's history names the API call and marks the sandbox.
    const detail = (await send(videoRoute, `/api/videos/${E2E_VIDEO}`, { params: { videoId: E2E_VIDEO } })).body as unknown as VideoDetail;
    expect(detail.video.api_synced_at).toEqual(expect.any(String));
    expect(detail.timeline).toContainEqual(expect.objectContaining({ source: { kind: "api", call: "videos.list", sandbox: true, task_id: body.task_id } }));

    const plan = await send(plannerRoute, "/api/queue/planner");
    expect(plan.body).toMatchObject({ sandbox: true, quota: { used: expect.any(Number) } });
    expect((plan.body.quota as { used: number }).used).toBeGreaterThanOrEqual(3);
  }, 90_000);
});

describe("with today's quota spent (nothing moves)", () => {
  beforeAll(async () => {
    await markQuotaExhausted(db(), new Date());
  });

  describe("POST /api/videos/{video_id}/sync", () => {
    it("answers 201 with the position behind higher work, then 200 with the same task when asked again", async () => {
      await seedVideo(db(), QUEUED_VIDEO, { views: 100 });
      await seedTask(db(), { taskType: "metadata_sync", itemIds: ["ahead-1"], priority: SYNC_NOW_PRIORITY + 1 });
      await seedTask(db(), { taskType: "metadata_sync", itemIds: ["ahead-2"], priority: SYNC_NOW_PRIORITY, orderViews: 101 });
      const first = await sync(QUEUED_VIDEO);
      expect(first).toMatchObject({ status: 201, body: { status: "queued", position: 2, already_processing: false } });
      const again = await sync(QUEUED_VIDEO);
      expect(again).toMatchObject({ status: 200, body: { status: "already_queued", task_id: first.body.task_id, position: 2 } });
      expect(await openTasks(QUEUED_VIDEO)).toHaveLength(3);
    });

    it("answers 202 with the running task while the video's sync is processing", async () => {
      await seedVideo(db(), BUSY_VIDEO);
      const running = await seedTask(db(), { taskType: "metadata_sync", videoId: BUSY_VIDEO, status: "processing", startedAt: new Date() });
      const { status, body } = await sync(BUSY_VIDEO);
      expect(status).toBe(202);
      expect(body).toMatchObject({ status: "processing", task_id: running, already_processing: true, position: null });
    });

    it("marks the tasks force_refresh only when asked with ?force_refresh=true, and refuses other values", async () => {
      const forced = await send(syncVideo, `/api/videos/${QUEUED_VIDEO}/sync?force_refresh=true`, { method: "POST", params: { videoId: QUEUED_VIDEO } });
      expect(forced.status).toBe(200);
      const [task] = await db().select().from(processingQueue).where(eq(processingQueue.id, Number(forced.body.task_id)));
      expect(task.payload).toMatchObject({ force_refresh: true });
      const bad = await send(syncVideo, `/api/videos/${QUEUED_VIDEO}/sync?force_refresh=yes`, { method: "POST", params: { videoId: QUEUED_VIDEO } });
      expect(bad).toMatchObject({ status: 400, body: { code: "bad_request" } });
    });

    it("answers 404 for a video the catalog does not have and 400 for a malformed id", async () => {
      expect(await sync("AAAAAAAAAAA")).toMatchObject({ status: 404, body: { code: "not_found" } });
      for (const bad of ["short", "has space!!", "dQw4w9WgXcQQ", "dQw4w9WgXc%"]) {
        expect(await sync(bad)).toMatchObject({ status: 400, body: { code: "bad_request", details: [{ field: "video_id" }] } });
      }
    });
  });

  describe("GET /api/queue and /api/queue/{id}", () => {
    it("lists tasks with counts and filters, and answers one task", async () => {
      const failed = await seedTask(db(), { taskType: "ownership_update", itemIds: ["zzzzzzzzzz1", "zzzzzzzzzz2"], status: "failed", errorMessage: "HTTP 500 from Google" });
      const { status, body } = await list("?status=failed&task_type=ownership_update&search=zzzzzzzzzz2&per_page=5");
      expect(status).toBe(200);
      expect(body).toMatchObject({ total: 1, page: 1, per_page: 5, pages: 1, tasks: [{ id: failed, error_message: "HTTP 500 from Google" }] });
      expect(body.counts).toMatchObject({ failed: expect.any(Number), backlog_assets: expect.any(Number) });
      expect(await send(taskRoute, `/api/queue/${failed}`, { params: { id: String(failed) } })).toMatchObject({ status: 200, body: { id: failed, status: "failed" } });
      expect(await send(taskRoute, "/api/queue/999999", { params: { id: "999999" } })).toMatchObject({ status: 404, body: { code: "not_found" } });
    });

    it.each([
      ["an unknown status", "?status=done", /status/],
      ["an unknown type", "?task_type=everything", /task_type/],
      ["a search that is not an id", "?search=50%25", /search/],
      ["a search with a control character", "?search=a%00b", /control characters/],
      ["page 0", "?page=0", /page/],
      ["per_page above 100", "?per_page=101", /per_page/],
      ["an unknown parameter", "?sort=id", /sort|Unrecognized/],
    ])("refuses %s with 400", async (_what, query, message) => {
      const { status, body } = await list(query);
      expect([status, body.code]).toEqual([400, "bad_request"]);
      expect(body.message).toMatch(message);
    });

    it.each(["0", "01", "-1", "1e3", "abc", "2147483648"])("refuses task id %j with 400", async (id) => {
      expect(await send(taskRoute, `/api/queue/${id}`, { params: { id } })).toMatchObject({ status: 400, body: { code: "bad_request" } });
    });
  });

  describe("retry", () => {
    it("lets any signed-in person retry one failed task, and refuses one that is not failed", async () => {
      const failed = await seedTask(db(), { taskType: "metadata_sync", itemIds: ["retry-me"], status: "failed", errorMessage: "boom", retryCount: 5 });
      const retried = await send(retryRoute, `/api/queue/${failed}/retry`, { method: "POST", params: { id: String(failed) } });
      expect(retried).toMatchObject({ status: 200, body: { status: "retried", task: { id: failed, status: "pending", error_message: null, retry_count: 0 }, runner: "notified" } });
      const again = await send(retryRoute, `/api/queue/${failed}/retry`, { method: "POST", params: { id: String(failed) } });
      expect(again).toMatchObject({ status: 409, body: { code: "conflict" } });
      expect(await send(retryRoute, "/api/queue/999999/retry", { method: "POST", params: { id: "999999" } })).toMatchObject({ status: 404 });
      expect(await send(retryRoute, "/api/queue/x/retry", { method: "POST", params: { id: "x" } })).toMatchObject({ status: 400 });
    });

    it("retries every failed task for admins only", async () => {
      await seedTask(db(), { taskType: "metadata_sync", itemIds: ["f1"], status: "failed" });
      await seedTask(db(), { taskType: "metadata_sync", itemIds: ["f2"], status: "failed" });
      expect(await send(retryFailedRoute, "/api/queue/retry-failed", { method: "POST" })).toMatchObject({ status: 403, body: { code: "forbidden" } });
      const { status, body } = await send(retryFailedRoute, "/api/queue/retry-failed", { method: "POST", as: admin });
      expect(status).toBe(200);
      expect(body.retried).toBeGreaterThanOrEqual(2);
      const [{ n }] = (await db().execute(sql`SELECT count(*)::int AS n FROM processing_queue WHERE status = 'failed'`)).rows as Array<{ n: number }>;
      expect(n).toBe(0);
    });
  });

  describe("PATCH /api/queue/{id}", () => {
    const patch = (id: string, body: unknown, as: TestUser = admin) => send(patchTask, `/api/queue/${id}`, { method: "PATCH", body, params: { id }, as });

    it("lets an admin change a pending task's priority, and no one else", async () => {
      const id = String(await seedTask(db(), { taskType: "metadata_sync", itemIds: ["prio"], priority: 0 }));
      expect(await patch(id, { priority: 42 }, user)).toMatchObject({ status: 403 });
      expect(await patch(id, { priority: 42 })).toMatchObject({ status: 200, body: { id: Number(id), priority: 42 } });
      const done = String(await seedTask(db(), { taskType: "metadata_sync", itemIds: ["done"], status: "completed" }));
      expect(await patch(done, { priority: 1 })).toMatchObject({ status: 409, body: { code: "conflict" } });
      expect(await patch("999999", { priority: 1 })).toMatchObject({ status: 404 });
    });

    it.each([
      ["above the range", { priority: 101 }],
      ["below the range", { priority: -1 }],
      ["a fraction", { priority: 1.5 }],
      ["a string", { priority: "5" }],
      ["no priority", {}],
      ["an extra field", { priority: 5, status: "completed" }],
    ])("refuses a priority %s with 400", async (_what, body) => {
      expect(await patch("1", body)).toMatchObject({ status: 400, body: { code: "bad_request" } });
    });

    it("refuses a body that is not JSON with 415", async () => {
      const response = await call(patchTask, "/api/queue/1", { user: admin, method: "PATCH", body: "priority=5", headers: { "content-type": "text/plain", origin: appOrigin() }, params: { id: "1" } });
      expect(response.status).toBe(415);
    });
  });

  describe("POST /api/admin/sync/all", () => {
    const bulk = (body: unknown, as: TestUser = admin) => send(syncAll, "/api/admin/sync/all", { method: "POST", body, as });

    it("queues batch tasks for the channels and answers the jobs and an estimated completion", async () => {
      await seedChannelVideos(db(), { channelId: CHANNEL_A, first: 1, count: 75 });
      const { status, body } = await bulk({ channels: [CHANNEL_A], priority: 30, force_refresh: true });
      expect(status).toBe(202);
      expect(body).toMatchObject({
        status: "accepted",
        jobs_created: 2 + 2 + 1,
        videos: 75,
        requests_needed: 5,
        by_type: { metadata_sync: { jobs: 2, items: 75 }, ownership_update: { jobs: 2 }, asset_enrichment: { jobs: 1, items: 38 } },
        runner: "notified",
      });
      // Today's quota is spent: nothing finishes before the next reset.
      const plan = await send(plannerRoute, "/api/queue/planner?limit=5");
      expect(Date.parse(body.estimated_completion as string)).toBeGreaterThanOrEqual(Date.parse((plan.body.quota as { reset_at: string }).reset_at));
      expect(plan.body).toMatchObject({ quota: { exhausted: true, remaining: 0 }, upcoming: expect.any(Array) });
      expect((plan.body.upcoming as unknown[]).length).toBeLessThanOrEqual(5);
      const again = await bulk({ channels: [CHANNEL_A] });
      expect(again.body).toMatchObject({ jobs_created: 0, already_queued: expect.any(Number) });
    });

    it("is for admins only", async () => {
      expect(await bulk({ channels: "all" }, user)).toMatchObject({ status: 403, body: { code: "forbidden" } });
    });

    it.each([
      ["no channels", {}],
      ["an empty channel list", { channels: [] }],
      ["a malformed channel id", { channels: ["UCshort"] }],
      ["channels that is a string other than all", { channels: "some" }],
      ["a priority above the range", { channels: "all", priority: 101 }],
      ["force_refresh that is not a boolean", { channels: "all", force_refresh: "yes" }],
      ["an unknown task type", { channels: "all", types: ["everything"] }],
      ["an unknown field", { channels: "all", dry_run: true }],
    ])("refuses %s with 400", async (_what, body) => {
      expect(await bulk(body)).toMatchObject({ status: 400, body: { code: "bad_request" } });
    });

    it("refuses channels the catalog does not have, naming them", async () => {
      const unknown = "UCzzzzzzzzzzzzzzzzzzzzzz";
      const { status, body } = await bulk({ channels: [CHANNEL_A, unknown] });
      expect(status).toBe(400);
      expect(body).toMatchObject({ code: "bad_request", details: { channels: [unknown] } });
      expect(body.message).toContain(unknown);
    });
  });

  it("GET /api/queue/planner refuses a limit outside 1–100", async () => {
    for (const limit of ["0", "101", "x"]) {
      expect(await send(plannerRoute, `/api/queue/planner?limit=${limit}`)).toMatchObject({ status: 400 });
    }
  });
});
