import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import type { DrainDeps } from "@/lib/enrichment/drain";
import { youtubeClients, type YouTubeClients } from "@/lib/youtube/clients";
import { clearTokenFailure } from "@/lib/youtube/token-failures";
import { assetIdFor } from "@/local/youtube/fake-partner";
import { videoExists } from "@/local/youtube/fake-videos";
import { startYouTubeSandbox, type YouTubeSandbox } from "@/local/youtube/server";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/db";

// What the drain tests share: a migrated database, the real sandbox behind clients built as production builds them,
// and a clock the test moves (call slots and backoffs then take no real time, and a quota day passes at once).

export const START = new Date("2026-03-02T10:00:00Z"); // 02:00 in Los Angeles (PST): the day resets at 08:00 UTC
export const NEXT_RESET = new Date("2026-03-03T08:00:00Z");

export type FakeClock = { now(): Date; set(at: Date): void; advance(ms: number): void; sleep(ms: number): Promise<void> };

export function fakeClock(start: Date = START): FakeClock {
  let t = start.getTime();
  return {
    now: () => new Date(t),
    set: (at) => void (t = at.getTime()),
    advance: (ms) => void (t += ms),
    // Waiting for a call slot moves time on instead of taking it.
    sleep: async (ms) => void (t += ms),
  };
}

export type DrainFixture = {
  db: Database;
  sandbox: YouTubeSandbox;
  clock: FakeClock;
  /** Fresh clients (no cached token), as a process that just started has. */
  clients(): YouTubeClients;
  deps(overrides?: Partial<DrainDeps>): DrainDeps;
  apiRequests(): ReturnType<YouTubeSandbox["requests"]>;
  tokenRequests(): number;
  rows<T = Record<string, unknown>>(query: ReturnType<typeof sql>): Promise<T[]>;
  reset(): Promise<void>;
  stop(): Promise<void>;
};

export async function startDrainFixture(): Promise<DrainFixture> {
  const database: TestDatabase = await createTestDatabase();
  const sandbox = await startYouTubeSandbox({ port: 0 });
  const clock = fakeClock();
  const clients = () =>
    youtubeClients({ apiRootUrl: sandbox.url, partnerRootUrl: sandbox.url, tokenUrl: `${sandbox.url}/token`, contentOwnerId: "CO-drain-test" });
  let shared = clients();
  const fixture: DrainFixture = {
    db: database.db,
    sandbox,
    clock,
    clients,
    deps: (overrides = {}) => ({ db: database.db, clients: shared, clock, budget: 1000, sleep: clock.sleep, random: () => 0, ...overrides }),
    apiRequests: () => sandbox.requests().filter((r) => r.path !== "/token"),
    tokenRequests: () => sandbox.requests().filter((r) => r.path === "/token").length,
    rows: async <T,>(query: ReturnType<typeof sql>) => (await database.db.execute(query)).rows as T[],
    async reset() {
      await database.db.execute(sql`TRUNCATE videos, claims, assets, metadata_syncs, processing_queue, quota_ledger RESTART IDENTITY CASCADE`);
      sandbox.clearRequests();
      sandbox.setFailure("none");
      sandbox.setQuotaBudget(null);
      sandbox.resetQuota();
      clearTokenFailure();
      clock.set(START);
      shared = clients();
    },
    async stop() {
      await sandbox.stop();
      await database.drop();
    },
  };
  return fixture;
}

/** Video ids the sandbox knows (1 in 20 made-up ids is "missing" there). */
export function knownVideoIds(prefix: string, count: number): string[] {
  const ids: string[] = [];
  for (let i = 0; ids.length < count; i++) {
    const id = `${prefix}${String(i).padStart(11 - prefix.length, "0")}`;
    if (videoExists(id)) ids.push(id);
  }
  return ids;
}

/**
 * `count` assets in the enrichment backlog, each claimed by one video lacking UPC/ISRC/genre; asset i's video has
 * views[i] (default i × 10), so the most-viewed are the last ones. Returns the assets in insertion order.
 */
export async function seedBacklog(db: Database, count: number, o: { prefix?: string; views?: (i: number) => number; priority?: number } = {}) {
  const prefix = o.prefix ?? "bk";
  const views = o.views ?? ((i: number) => i * 10);
  const videoIds = knownVideoIds(prefix, count);
  const assetIds = videoIds.map((_, i) => assetIdFor(`${prefix}-${i}`));
  for (let i = 0; i < count; i++) {
    await db.execute(sql`
INSERT INTO assets (asset_id, enrichment_requested_at, enrichment_views, enrichment_priority)
VALUES (${assetIds[i]}, ${START.toISOString()}::timestamptz, ${views(i)}, ${o.priority ?? 0})`);
    await db.execute(sql`INSERT INTO videos (video_id, asset_id, views) VALUES (${videoIds[i]}, ${assetIds[i]}, ${views(i)})`);
  }
  return { assetIds, videoIds };
}

/** A pending task as the entry points (H5) write them: item_ids always set, `requested_by` a person or the backlog. */
export async function insertTask(
  db: Database,
  o: { type: string; ids: string[]; priority?: number; orderViews?: number | null; requestedBy?: string },
): Promise<number> {
  const single = o.ids.length === 1 ? o.ids[0] : null;
  const result = await db.execute(sql`
INSERT INTO processing_queue (task_type, video_id, item_ids, requested_by, priority, order_views, status, payload)
VALUES (${o.type}, ${o.type === "asset_enrichment" ? null : single}, ARRAY[${sql.join(o.ids.map((id) => sql`${id}`), sql`, `)}]::text[],
  ${o.requestedBy ?? "user-1"}, ${o.priority ?? 0}, ${o.orderViews ?? null}, 'pending', '{}'::jsonb)
RETURNING id`);
  return Number((result.rows[0] as { id: number }).id);
}
