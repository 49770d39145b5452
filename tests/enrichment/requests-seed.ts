import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { assets, channels, claims, processingQueue, videos, type NewQueueTask } from "@/lib/db/schema";

// Catalog and queue rows for the enrichment request, planner and queue-route tests.

export const CHANNEL_A = "UCaaaaaaaaaaaaaaaaaaaaaa";
export const CHANNEL_B = "UCbbbbbbbbbbbbbbbbbbbbbb";

export const clearQueueData = (db: Database) =>
  db.execute(sql`TRUNCATE videos, claims, assets, channels, processing_queue, quota_ledger, metadata_syncs RESTART IDENTITY CASCADE`);

/** An 11-character video id from a number: `v` + 10 digits. */
export const videoIdOf = (n: number) => `v${String(n).padStart(10, "0")}`;
export const assetIdOf = (n: number) => `A${String(n).padStart(15, "0")}`;

/**
 * `count` videos of a channel, ids from `first`, views = 1000 × number (so the order by views is known); every
 * video is claimed by asset ⌊n / 2⌋ (two videos per asset) and carries it as its asset_id.
 */
export async function seedChannelVideos(db: Database, o: { channelId: string; first: number; count: number }): Promise<void> {
  await db.insert(channels).values({ channelId: o.channelId, name: `Channel ${o.channelId.slice(2, 4)}` }).onConflictDoNothing();
  await db.execute(sql`
INSERT INTO videos (video_id, title, channel_id, asset_id, views)
SELECT 'v' || lpad(n::text, 10, '0'), 'Video ' || n, ${o.channelId}, 'A' || lpad((n / 2)::text, 15, '0'), n * 1000
FROM generate_series(${o.first}::int, ${o.first + o.count - 1}::int) AS n`);
  await db.execute(sql`
INSERT INTO claims (video_id, asset_id) SELECT 'v' || lpad(n::text, 10, '0'), 'A' || lpad((n / 2)::text, 15, '0')
FROM generate_series(${o.first}::int, ${o.first + o.count - 1}::int) AS n`);
}

/** Marks assets as waiting in the enrichment backlog, as an import's hand-off does. */
export async function seedBacklog(db: Database, o: { first: number; count: number; priority?: number; views?: number }): Promise<void> {
  await db.execute(sql`
INSERT INTO assets (asset_id, enrichment_requested_at, enrichment_priority, enrichment_views)
SELECT 'A' || lpad(n::text, 15, '0'), now(), ${o.priority ?? 0}, ${o.views ?? null}::bigint - n
FROM generate_series(${o.first}::int, ${o.first + o.count - 1}::int) AS n`);
}

/** One task row; item_ids default to the video (or asset) it names. */
export async function seedTask(db: Database, task: Partial<NewQueueTask> & Pick<NewQueueTask, "taskType">): Promise<number> {
  const single = task.taskType === "asset_enrichment" ? task.assetId : task.videoId;
  const [row] = await db
    .insert(processingQueue)
    .values({ itemIds: single ? [single] : [], requestedBy: "report:1", ...task })
    .returning({ id: processingQueue.id });
  return row.id;
}

export async function seedVideo(db: Database, videoId: string, o: { views?: number | null; assetIds?: string[] } = {}): Promise<void> {
  const assetIds = o.assetIds ?? [];
  await db.insert(videos).values({ videoId, title: `Video ${videoId}`, views: o.views ?? null, assetId: assetIds[0] ?? null });
  if (assetIds.length) {
    await db.insert(assets).values(assetIds.map((assetId) => ({ assetId }))).onConflictDoNothing();
    await db.insert(claims).values(assetIds.map((assetId) => ({ videoId, assetId })));
  }
}
