import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { drainOne, TOKEN_RETRY_MS, type DrainOutcome } from "@/lib/enrichment/drain";
import { MAX_TASK_RETRIES } from "@/lib/enrichment/backoff";
import { lastTokenFailure } from "@/lib/youtube/token-failures";
import { insertTask, knownVideoIds, NEXT_RESET, seedBacklog, START, startDrainFixture, type DrainFixture } from "./drain-fixture";

// The drain against the sandbox through googleapis and our Content ID client: the backlog carved most-viewed first,
// 50 assets per call, enriched videos with history entries; the daily budget and Google's quotaExceeded pausing work
// until the quota day resets; 429/5xx put off by their reason's backoff; a refused token failing work clearly.

let f: DrainFixture;
beforeAll(async () => {
  f = await startDrainFixture();
});
afterAll(() => f.stop());
beforeEach(() => f.reset());

type TaskRow = { id: number; status: string; task_type: string; item_ids: string[]; requested_by: string; retry_count: number; run_after: Date | null; error_message: string | null; result: Record<string, unknown> | null };
const task = async (id: number) => (await f.rows<TaskRow>(sql`SELECT * FROM processing_queue WHERE id = ${id}`))[0];
const tasks = () => f.rows<TaskRow>(sql`SELECT * FROM processing_queue ORDER BY id`);
const ledgerTotal = async () => Number((await f.rows<{ n: number }>(sql`SELECT coalesce(sum(units_used), 0)::int AS n FROM quota_ledger WHERE api = 'total'`))[0].n);

async function drainUntilIdle(deps = f.deps()): Promise<DrainOutcome[]> {
  const outcomes: DrainOutcome[] = [];
  for (let i = 0; i < 50; i++) {
    const outcome = await drainOne(deps);
    outcomes.push(outcome);
    if (outcome.kind !== "ran") return outcomes;
  }
  throw new Error("the drain never went idle");
}

describe("the asset backlog", () => {
  it("is carved most-viewed first, 50 assets per assets.list call, and enriches the videos with history entries", async () => {
    const { assetIds, videoIds } = await seedBacklog(f.db, 120);
    const outcomes = await drainUntilIdle();
    expect(outcomes.map((o) => o.kind)).toEqual(["ran", "ran", "ran", "idle"]);

    const carved = await tasks();
    const byViews = [...assetIds].reverse(); // views grow with the index
    expect(carved.map((t) => t.item_ids)).toEqual([byViews.slice(0, 50), byViews.slice(50, 100), byViews.slice(100)]);
    for (const t of carved) {
      expect(t).toMatchObject({ status: "completed", task_type: "asset_enrichment", requested_by: "backlog", retry_count: 0 });
      expect(t.result).toMatchObject({ requests: 1, sandbox: true });
      expect(Object.keys(t.result!.items as object).sort()).toEqual([...t.item_ids].sort());
    }
    expect(f.apiRequests().map((r) => r.path)).toEqual(Array(3).fill("/youtube/partner/v1/assets"));
    expect(await ledgerTotal()).toBe(3);
    expect(await f.rows(sql`SELECT count(*)::int AS n FROM assets WHERE enrichment_requested_at IS NOT NULL`)).toEqual([{ n: 0 }]);

    const enriched = await f.rows<{ n: number }>(sql`
SELECT count(*)::int AS n FROM videos WHERE upc IS NOT NULL AND isrc IS NOT NULL AND cardinality(genre) > 0`);
    expect(enriched[0].n).toBe(videoIds.length);
    const history = await f.rows<{ video_id: string; source_kind: string; source_id: string; sandbox: boolean; task_id: number; changes: Record<string, unknown> }>(
      sql`SELECT video_id, source_kind, source_id, sandbox, task_id, changes FROM metadata_syncs WHERE video_id IS NOT NULL ORDER BY video_id`,
    );
    expect(history).toHaveLength(videoIds.length);
    for (const entry of history) {
      expect(entry).toMatchObject({ source_kind: "api", source_id: "assets.list", sandbox: true });
      expect(entry.changes).toHaveProperty("genre");
      expect(carved.map((t) => t.id)).toContain(entry.task_id);
    }
  });

  it("waits behind a task of higher priority, and at equal priority goes by views", async () => {
    await seedBacklog(f.db, 3, { views: () => 500 });
    const [hot, cold] = knownVideoIds("prio", 2);
    const syncNow = await insertTask(f.db, { type: "metadata_sync", ids: [hot], priority: 90 });
    const lessViewed = await insertTask(f.db, { type: "metadata_sync", ids: [cold], priority: 0, orderViews: 100 });
    await drainUntilIdle();
    const order = (await f.rows<{ id: number; task_type: string }>(sql`SELECT id, task_type FROM processing_queue ORDER BY started_at, id`)).map((t) =>
      t.task_type === "asset_enrichment" ? "backlog" : t.id,
    );
    expect(order).toEqual([syncNow, "backlog", lessViewed]);
  });
});

describe("the daily budget", () => {
  it("pauses a task that meets the spent budget mid-run and resumes it after the quota day resets", async () => {
    const first = await insertTask(f.db, { type: "metadata_sync", ids: knownVideoIds("q1", 1), priority: 1 });
    const id = await insertTask(f.db, { type: "monetization_sync", ids: knownVideoIds("quota", 5) }); // one call per video
    const deps = f.deps({ budget: 5 });

    expect(await drainOne(deps)).toEqual({ kind: "ran", taskId: first, status: "completed" });
    // The fifth call of the day is the budget's last: the task's fifth video would be the sixth.
    expect(await drainOne(deps)).toEqual({ kind: "wait", until: NEXT_RESET, reason: "quota" });
    expect(await task(id)).toMatchObject({ status: "pending", retry_count: 0 });
    expect(f.apiRequests()).toHaveLength(5);
    // Still the same quota day: nothing is claimed and nothing is asked.
    f.clock.set(new Date(NEXT_RESET.getTime() - 1000));
    expect(await drainOne(deps)).toEqual({ kind: "wait", until: NEXT_RESET, reason: "quota" });
    expect(f.apiRequests()).toHaveLength(5);

    f.clock.set(NEXT_RESET);
    expect(await drainOne(deps)).toEqual({ kind: "ran", taskId: id, status: "completed" });
    expect(await task(id)).toMatchObject({ status: "completed", retry_count: 0 });
    expect(f.apiRequests()).toHaveLength(10);
    const days = await f.rows(sql`SELECT day::text AS day, units_used FROM quota_ledger WHERE api = 'total' ORDER BY day`);
    expect(days).toEqual([{ day: "2026-03-02", units_used: 5 }, { day: "2026-03-03", units_used: 5 }]);
  });

  it("stops for the day when Google answers quotaExceeded, whatever our own count says", async () => {
    f.sandbox.setQuotaBudget(2); // the sandbox's Data API units: two videos.list calls
    const [a, b, c] = knownVideoIds("gq", 3).map((v) => [v]);
    const ids = [await insertTask(f.db, { type: "metadata_sync", ids: a }), await insertTask(f.db, { type: "metadata_sync", ids: b }), await insertTask(f.db, { type: "metadata_sync", ids: c })];
    const outcomes = await drainUntilIdle();
    expect(outcomes.map((o) => o.kind)).toEqual(["ran", "ran", "wait"]);
    expect(outcomes.at(-1)).toEqual({ kind: "wait", until: NEXT_RESET, reason: "quota" });
    expect(await f.rows(sql`SELECT exhausted_at IS NOT NULL AS exhausted FROM quota_ledger WHERE api = 'total'`)).toEqual([{ exhausted: true }]);
    expect((await task(ids[2])).status).toBe("pending");

    f.sandbox.resetQuota();
    f.clock.set(NEXT_RESET);
    expect((await drainUntilIdle()).map((o) => o.kind)).toEqual(["ran", "idle"]);
    expect((await tasks()).map((t) => t.status)).toEqual(["completed", "completed", "completed"]);
  });
});

describe("rate limits and server errors", () => {
  it("puts a 429 off for the Retry-After the server sent, then succeeds", async () => {
    const id = await insertTask(f.db, { type: "metadata_sync", ids: knownVideoIds("rl", 3) });
    f.sandbox.setFailure("rate_limited", { count: 1 });
    expect(await drainOne(f.deps())).toEqual({ kind: "ran", taskId: id, status: "rescheduled" });
    const put = await task(id);
    expect(put).toMatchObject({ status: "pending", retry_count: 1 });
    expect(put.error_message).toMatch(/429 rateLimitExceeded/);
    expect(new Date(put.run_after!).getTime()).toBe(START.getTime() + 1000); // Retry-After: 1, no jitter in tests

    expect(await drainOne(f.deps())).toEqual({ kind: "idle", nextRunAfter: new Date(put.run_after!) });
    f.clock.set(new Date(put.run_after!));
    expect(await drainOne(f.deps())).toEqual({ kind: "ran", taskId: id, status: "completed" });
    expect(await task(id)).toMatchObject({ status: "completed", retry_count: 1, error_message: null });
  });

  it("backs a 5xx off exponentially from a second and fails the task after the last retry", async () => {
    const id = await insertTask(f.db, { type: "metadata_sync", ids: knownVideoIds("se", 2) });
    f.sandbox.setFailure("server_error");
    const delays: number[] = [];
    for (;;) {
      const before = f.clock.now().getTime();
      const outcome = await drainOne(f.deps());
      if (outcome.kind === "ran" && outcome.status === "failed") break;
      expect(outcome).toMatchObject({ kind: "ran", status: "rescheduled" });
      const runAfter = new Date((await task(id)).run_after!).getTime();
      delays.push(runAfter - before);
      f.clock.set(new Date(runAfter));
    }
    expect(delays).toEqual([1000, 2000, 4000, 8000, 16000, 32000]);
    const failed = await task(id);
    expect(failed).toMatchObject({ status: "failed", retry_count: MAX_TASK_RETRIES });
    expect(failed.error_message).toMatch(/^500 backendError: .*\(gave up after 6 retries\)$/);
    expect(f.apiRequests()).toHaveLength(MAX_TASK_RETRIES + 1);
  });
});

describe("a refused token", () => {
  it("fails the task with a clear error, stops, and asks Google for no more tokens until the retry time", async () => {
    await seedBacklog(f.db, 60);
    f.sandbox.setFailure("invalid_token");
    const outcome = await drainOne(f.deps());
    expect(outcome).toMatchObject({ kind: "stopped" });
    const [failed] = await tasks();
    expect(failed.status).toBe("failed");
    expect(failed.error_message).toMatch(/^Google refused our token: .*invalid_grant.*; fix it on Admin → Google\.$/);
    const failedAssets = await f.rows<{ n: number; error: string }>(
      sql`SELECT count(*)::int AS n, min(enrichment_error) AS error FROM assets WHERE enrichment_status = 'failed'`,
    );
    expect(failedAssets).toEqual([{ n: 50, error: failed.error_message }]);
    expect(lastTokenFailure()?.reason).toMatch(/refresh token/);
    expect(f.tokenRequests()).toBe(1);
    expect(f.apiRequests()).toHaveLength(0);

    // No spinning: further drains stop before claiming or asking Google anything.
    for (let i = 0; i < 5; i++) expect(await drainOne(f.deps())).toMatchObject({ kind: "stopped", reason: expect.stringMatching(/Admin → Google/) });
    expect(f.tokenRequests()).toBe(1);
    expect(await f.rows(sql`SELECT count(*)::int AS n FROM assets WHERE enrichment_requested_at IS NOT NULL`)).toEqual([{ n: 10 }]);

    // Once credentials work again, the next drain after the retry time carries on by itself.
    f.sandbox.setFailure("none");
    f.clock.advance(TOKEN_RETRY_MS);
    expect((await drainUntilIdle()).map((o) => o.kind)).toEqual(["ran", "idle"]);
    expect(lastTokenFailure()).toBeUndefined();
  });
});

describe("other refusals", () => {
  it("fail the task at once, without retries", async () => {
    const ids = ["A0000000000000001", "A0000000000000002"];
    for (const assetId of ids) await f.db.execute(sql`INSERT INTO assets (asset_id) VALUES (${assetId})`);
    const id = await insertTask(f.db, { type: "asset_enrichment", ids });
    f.sandbox.setFailure("not_found", { endpoint: "/assets" });
    expect(await drainOne(f.deps())).toEqual({ kind: "ran", taskId: id, status: "failed" });
    const failed = await task(id);
    expect(failed).toMatchObject({ status: "failed", retry_count: 0 });
    expect(failed.error_message).toMatch(/not found/i);
    // Each asset carries the outcome, for the Queue page's per-item view.
    expect(await f.rows(sql`SELECT asset_id, enrichment_status, enrichment_task_id FROM assets ORDER BY asset_id`)).toEqual(
      ids.map((assetId) => ({ asset_id: assetId, enrichment_status: "failed", enrichment_task_id: id })),
    );
    expect(f.apiRequests()).toHaveLength(1);
  });
});
