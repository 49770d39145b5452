import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDashboardState, MAX_SNAPSHOT_BYTES } from "@/lib/dashboard/dashboard-state";
import { assets, processingQueue, reports } from "@/lib/db/schema";
import { nextQuotaReset } from "@/lib/enrichment/quota-day";
import { reserveRequest } from "@/lib/enrichment/quota-ledger";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

// The dashboard_state snapshot is read from the database alone: running imports, queue counts, the backlog,
// today's quota and the newest failures of either kind.

let tdb: TestDatabase;
const now = new Date("2030-03-05T18:00:00Z");
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
const progress = (percentage: number, phase?: string) => ({ processed_rows: percentage * 10, total_rows: 1000, percentage, videos_created: 0, videos_updated: 0, errors: 0, ...(phase ? { phase } : {}) });

beforeAll(async () => {
  tdb = await createTestDatabase();
  await tdb.db.insert(reports).values([
    { key: "reports/a.csv", filename: "a.csv", status: "processing", progress: progress(40, "staging"), createdAt: minutesAgo(10), startedAt: minutesAgo(9) },
    { key: "reports/b.csv", filename: "b.csv", status: "pending", createdAt: minutesAgo(5) },
    { key: "reports/done.csv", filename: "done.csv", status: "completed", progress: progress(100), createdAt: minutesAgo(60) },
    { key: "reports/bad.csv", filename: "bad.csv", status: "error", error: "Line 3: invalid UTF-8.", createdAt: minutesAgo(30), finishedAt: minutesAgo(20) },
  ]);
  await tdb.db.insert(processingQueue).values([
    { taskType: "asset_enrichment", status: "failed", errorMessage: "Token refused: invalid_grant.", itemIds: ["A1"], completedAt: minutesAgo(2), updatedAt: minutesAgo(2) },
    { taskType: "metadata_sync", status: "failed", errorMessage: null, itemIds: ["v1"], completedAt: minutesAgo(40), updatedAt: minutesAgo(40) },
    { taskType: "metadata_sync", status: "pending", itemIds: ["v2"] },
    { taskType: "ownership_update", status: "processing", itemIds: ["v3"] },
    { taskType: "monetization_sync", status: "completed", itemIds: ["v4"] },
  ]);
  await tdb.db.insert(assets).values([
    { assetId: "A1", enrichmentRequestedAt: minutesAgo(1) },
    { assetId: "A2", enrichmentRequestedAt: minutesAgo(1) },
    { assetId: "A3", enrichmentRequestedAt: minutesAgo(1) },
    { assetId: "A4" },
  ]);
  for (const endpoint of ["assets.list", "assets.list", "videos.list"]) {
    expect((await reserveRequest(tdb.db, { endpoint, budget: 10, now, minSpacingMs: 0 })).ok).toBe(true);
  }
});
afterAll(() => tdb.drop());

describe("buildDashboardState", () => {
  it("summarises imports, queue, backlog, quota and the last errors", async () => {
    const state = await buildDashboardState(tdb.db, { now, budget: 10 });
    expect(state.at).toBe(now.toISOString());
    expect(state.imports).toEqual([
      { report_id: expect.any(Number), filename: "a.csv", status: "processing", phase: "staging", percentage: 40, processed_rows: 400, total_rows: 1000, started_at: minutesAgo(9).toISOString() },
      { report_id: expect.any(Number), filename: "b.csv", status: "pending", phase: null, percentage: 0, processed_rows: 0, total_rows: 0, started_at: null },
    ]);
    expect(state.queue_length).toEqual({ pending: 1, processing: 1, completed: 1, failed: 2, total: 5 });
    expect(state.backlog_assets).toBe(3);
    expect(state.quota).toEqual({ used: 3, budget: 10, reset_at: nextQuotaReset(now).toISOString(), exhausted: false });
    expect(state.last_errors).toEqual([
      { at: minutesAgo(2).toISOString(), kind: "asset_enrichment", message: "Token refused: invalid_grant.", task_id: expect.any(Number), report_id: null },
      { at: minutesAgo(20).toISOString(), kind: "import", message: "Line 3: invalid UTF-8.", task_id: null, report_id: expect.any(Number) },
      { at: minutesAgo(40).toISOString(), kind: "metadata_sync", message: "Failed without a message.", task_id: expect.any(Number), report_id: null },
    ]);
  });

  it("says the quota is exhausted once the budget is spent", async () => {
    const state = await buildDashboardState(tdb.db, { now, budget: 3 });
    expect(state.quota).toMatchObject({ used: 3, budget: 3, exhausted: true });
  });

  it("keeps at most ten errors, clips long messages and stays under Pusher's event size", async () => {
    const long = "x".repeat(5000);
    await tdb.db.insert(processingQueue).values(
      Array.from({ length: 15 }, (_, i) => ({ taskType: "metadata_sync" as const, status: "failed" as const, errorMessage: `${i} ${long}`, itemIds: [`w${i}`], completedAt: minutesAgo(1), updatedAt: minutesAgo(1) })),
    );
    await tdb.db.insert(reports).values({ key: "reports/long.csv", filename: `${"f".repeat(500)}.csv`, status: "processing", createdAt: minutesAgo(1) });
    const state = await buildDashboardState(tdb.db, { now, budget: 10 });
    expect(state.last_errors.length).toBeLessThanOrEqual(10);
    expect(state.last_errors.length).toBeGreaterThan(0);
    for (const e of state.last_errors) expect(e.message.length).toBeLessThanOrEqual(300);
    expect(state.imports.find((i) => i.filename.startsWith("fff"))!.filename.length).toBeLessThanOrEqual(120);
    expect(Buffer.byteLength(JSON.stringify(state))).toBeLessThanOrEqual(MAX_SNAPSHOT_BYTES);
  });
});
