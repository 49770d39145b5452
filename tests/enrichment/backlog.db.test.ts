import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { ReportRecord } from "@/lib/import/parse";
import { insertStagingRows } from "@/lib/import/stage/insert-staging";
import { stagingInputs } from "@/lib/import/stage/staging-columns";
import { mergeRangeStep } from "@/lib/import/pipeline/merge-range-step";
import { mergeAssetLevel } from "@/lib/import/pipeline/merge-asset-level";
import { claimNextTask, STALE_PROCESSING_MS } from "@/lib/enrichment/queue-store";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/db";

// Where the enrichment backlog lives (issue #11, point 2): an import marks the ASSETS its videos need enriched
// (one row per distinct asset, no queue row per video), and the drain carves them into tasks of up to 50,
// highest priority and most-viewed first.

let database: TestDatabase;
const db = () => database.db;
const rows = async <T = Record<string, unknown>>(query: ReturnType<typeof sql>) => (await db().execute(query)).rows as T[];
const NOW = new Date("2026-03-02T10:00:00Z");

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());
beforeEach(async () => {
  await db().execute(sql`TRUNCATE videos, claims, assets, metadata_syncs, video_metrics, asset_metrics, import_staging, import_steps, processing_queue, channels RESTART IDENTITY CASCADE`);
});

const video = (line: number, videoId: string, assetId: string | null, views: number, extra: Partial<ReportRecord> = {}): ReportRecord =>
  ({ line, video_id: videoId, views, claims: assetId ? [{ asset_id: assetId }] : [], ...extra }) as ReportRecord;

async function stage(reportId: number, records: ReportRecord[]) {
  await insertStagingRows(db(), reportId, [...stagingInputs(records)]);
}

const metrics = (reportId: number) => ({ reportId, kind: "videos", contentHash: `hash-${reportId}`, defaultPeriod: "2025-06-01" });

/** The import's apply step over two ranges, split at "m": what merge-range-step does for a real report. */
async function applyRanges(reportId: number) {
  const ranges = [{ from: "", to: "m" }, { from: "m", to: null }];
  return Promise.all(ranges.map((range, index) => mergeRangeStep(db(), { index, range, excludeShorts: false, metrics: metrics(reportId) })));
}

describe("an import's hand-off to enrichment", () => {
  it("marks each asset once, with the views of its most-viewed video, across ranges and without queue rows", async () => {
    await stage(1, [
      video(2, "aaaaaaaaaa1", "A000000000000001", 10),
      video(3, "zzzzzzzzzz1", "A000000000000001", 900), // same asset, other range
      video(4, "bbbbbbbbbb1", "A000000000000002", 50),
      video(5, "cccccccccc1", null, 5000), // no asset: nothing to enrich through Content ID
      video(6, "dddddddddd1", "A000000000000003", 70, { upc: "012345678905", isrc: "USRC17607839" }), // still lacks genre
    ]);
    await db().execute(sql`INSERT INTO assets (asset_id, title) VALUES ('A000000000000002', 'Known from an asset report')`);
    const results = await applyRanges(1);
    expect(results.reduce((n, r) => n + r.enrichmentQueued, 0)).toBe(3);

    expect(await rows(sql`SELECT asset_id, title, enrichment_views::int, enrichment_priority FROM assets WHERE enrichment_requested_at IS NOT NULL ORDER BY asset_id`)).toEqual([
      { asset_id: "A000000000000001", title: null, enrichment_views: 900, enrichment_priority: 0 },
      { asset_id: "A000000000000002", title: "Known from an asset report", enrichment_views: 50, enrichment_priority: 0 },
      { asset_id: "A000000000000003", title: null, enrichment_views: 70, enrichment_priority: 0 },
    ]);
    expect(await rows(sql`SELECT count(*)::int AS n FROM processing_queue`)).toEqual([{ n: 0 }]);
  });

  it("keeps a marked asset's place and raises its views when a later report brings a more-viewed video", async () => {
    await stage(1, [video(2, "aaaaaaaaaa1", "A000000000000001", 10)]);
    await applyRanges(1);
    const [before] = await rows<{ at: Date }>(sql`SELECT enrichment_requested_at AS at FROM assets`);
    await stage(2, [video(2, "aaaaaaaaaa2", "A000000000000001", 20_000)]);
    const second = await applyRanges(2);
    expect(second.reduce((n, r) => n + r.enrichmentQueued, 0)).toBe(0); // already waiting
    const [after] = await rows<{ at: Date; views: number }>(sql`SELECT enrichment_requested_at AS at, enrichment_views::int AS views FROM assets`);
    expect(after).toEqual({ at: before.at, views: 20_000 });
  });

  it("marks an asset-level report's assets whose claimed videos lack UPC, ISRC or genre", async () => {
    await db().execute(sql`INSERT INTO videos (video_id, asset_id, views, upc, isrc, genre) VALUES
      ('lacking0001', 'A000000000000009', 30, NULL, NULL, NULL), ('complete001', 'A000000000000008', 40, '012345678905', 'USRC1', ARRAY['Pop'])`);
    await db().execute(sql`INSERT INTO claims (video_id, asset_id) VALUES ('lacking0001', 'A000000000000009'), ('complete001', 'A000000000000008')`);
    await stage(3, [
      { line: 2, asset: { asset_id: "A000000000000009", title: "Song" } },
      { line: 3, asset: { asset_id: "A000000000000008", title: "Other" } },
    ] as ReportRecord[]);
    const result = await mergeAssetLevel(db(), { ...metrics(3), kind: "asset_raw" });
    expect(result.enrichmentQueued).toBe(1);
    expect(await rows(sql`SELECT asset_id, enrichment_views::int FROM assets WHERE enrichment_requested_at IS NOT NULL`)).toEqual([
      { asset_id: "A000000000000009", enrichment_views: 30 },
    ]);
  });
});

describe("carving the backlog", () => {
  async function mark(count: number, o: { priority?: (i: number) => number; views?: (i: number) => number | null } = {}) {
    await db().execute(sql`
INSERT INTO assets (asset_id, enrichment_requested_at, enrichment_priority, enrichment_views)
SELECT 'A' || lpad(i::text, 15, '0'), ${NOW.toISOString()}::timestamptz, 0, i * 10 FROM generate_series(1, ${count}) i`);
    for (let i = 1; i <= count; i++) {
      const priority = o.priority?.(i) ?? 0;
      const views = o.views ? o.views(i) : i * 10;
      if (priority !== 0 || views !== i * 10) {
        await db().execute(sql`UPDATE assets SET enrichment_priority = ${priority}, enrichment_views = ${views} WHERE asset_id = ${"A" + String(i).padStart(15, "0")}`);
      }
    }
  }
  const asset = (i: number) => "A" + String(i).padStart(15, "0");

  it("takes 50 assets per task, highest priority then most-viewed first, assets without views last", async () => {
    await mark(130, { priority: (i) => (i === 3 ? 5 : 0), views: (i) => (i === 130 ? null : i * 10) });
    const first = await claimNextTask(db(), NOW);
    expect(first).toMatchObject({ taskType: "asset_enrichment", requestedBy: "backlog", priority: 5, retryCount: 0 });
    expect(first!.itemIds.slice(0, 3)).toEqual([asset(3), asset(129), asset(128)]);
    while (await claimNextTask(db(), NOW));
    const tasks = await rows<{ item_ids: string[]; status: string; order_views: number; priority: number }>(
      sql`SELECT item_ids, status, order_views::int, priority FROM processing_queue ORDER BY id`,
    );
    expect(tasks.map((t) => t.item_ids.length)).toEqual([50, 50, 30]);
    expect(tasks.map((t) => t.status)).toEqual(["processing", "processing", "processing"]);
    expect(tasks.map((t) => t.order_views)).toEqual([1290, 800, 300]); // asset 3 jumped ahead by priority
    expect(tasks.at(-1)!.item_ids.at(-1)).toBe(asset(130));
    expect(await rows(sql`SELECT count(*)::int AS n FROM assets WHERE enrichment_requested_at IS NOT NULL`)).toEqual([{ n: 0 }]);
    expect(await rows(sql`SELECT count(DISTINCT enrichment_task_id)::int AS n FROM assets`)).toEqual([{ n: 3 }]);
    expect(await claimNextTask(db(), NOW)).toBeNull();
  });

  it("leaves tasks waiting for their backoff alone and takes back a task whose drain died", async () => {
    await db().execute(sql`
INSERT INTO processing_queue (task_type, video_id, item_ids, status, priority, run_after) VALUES
  ('metadata_sync', 'backoff0001', ARRAY['backoff0001'], 'pending', 50, ${new Date(NOW.getTime() + 60_000).toISOString()}::timestamptz)`);
    await db().execute(sql`
INSERT INTO processing_queue (task_type, video_id, item_ids, status, priority, started_at) VALUES
  ('metadata_sync', 'orphaned001', ARRAY['orphaned001'], 'processing', 10, ${new Date(NOW.getTime() - STALE_PROCESSING_MS - 1000).toISOString()}::timestamptz)`);
    const taken = await claimNextTask(db(), NOW);
    expect(taken).toMatchObject({ itemIds: ["orphaned001"], videoId: "orphaned001" });
    expect(await claimNextTask(db(), NOW)).toBeNull();
    expect(await claimNextTask(db(), new Date(NOW.getTime() + 60_000))).toMatchObject({ itemIds: ["backoff0001"] });
  });
});
