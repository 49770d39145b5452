import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { toPgArrayLiteral } from "@/lib/import/stage/pg-array-literal";
import { videoNotFound } from "@/lib/videos/edit-transaction";
import { IDS_PER_TASK, SYNC_NOW_PRIORITY, VIDEO_TASK_TYPES, type QueueTaskStatus, type QueueTaskType } from "./queue-contract";
import { queuePosition } from "./planner";

// Explicit requests for enrichment (F6): a person's "Sync now" on one video. Bulk syncs live in bulk-sync.ts;
// retry and priority changes in task-actions.ts. These only write queue rows; the caller starts the drain.

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

export type RequestedTask = { id: number; task_type: QueueTaskType; status: QueueTaskStatus; created: boolean };

export type VideoSyncRequest = {
  /** The metadata_sync task: the one whose position the person sees. */
  task_id: number;
  tasks: RequestedTask[];
  /** Units of work that run before it (0 = next); null while it is already processing. */
  position: number | null;
  already_processing: boolean;
  /** True when the metadata_sync task was created now; false when an open one was reused (and raised). */
  created: boolean;
};

/**
 * One open task of `type` for this video: created, or — when one is already pending — raised to the request's
 * priority (and marked force_refresh when the person asked for it). One that is already processing is left as it is.
 */
async function upsertVideoTask(
  tx: Tx,
  o: { type: QueueTaskType; videoId: string; itemIds: string[]; assetId: string | null; views: number | null; userId: string; forceRefresh: boolean },
): Promise<RequestedTask> {
  const payload = JSON.stringify({ force_refresh: o.forceRefresh, requested: "sync_now" });
  const inserted = await tx.execute(sql`
INSERT INTO processing_queue AS q (task_type, video_id, asset_id, item_ids, status, priority, payload, requested_by, order_views)
VALUES (${o.type}, ${o.videoId}, ${o.assetId}, ${toPgArrayLiteral(o.itemIds)}::text[], 'pending', ${SYNC_NOW_PRIORITY}, ${payload}::jsonb, ${o.userId}, ${o.views})
ON CONFLICT (task_type, video_id) WHERE status IN ('pending', 'processing') DO UPDATE SET
  priority = greatest(q.priority, excluded.priority),
  payload = coalesce(q.payload, '{}'::jsonb) || jsonb_build_object('force_refresh', coalesce((q.payload->>'force_refresh')::boolean, false) OR ${o.forceRefresh}),
  updated_at = now()
WHERE q.status = 'pending'
RETURNING q.id, q.status, (q.xmax = 0) AS created`);
  type Row = { id: number; status: QueueTaskStatus; created: boolean };
  let row = inserted.rows[0] as Row | undefined;
  if (!row) {
    // The conflicting task is processing: the update's WHERE left it alone, so read it.
    const open = await tx.execute(sql`
SELECT id, status, false AS created FROM processing_queue
WHERE task_type = ${o.type} AND video_id = ${o.videoId} AND status IN ('pending', 'processing')`);
    row = open.rows[0] as Row | undefined;
  }
  if (!row) throw new Error(`No open ${o.type} task for ${o.videoId} after the upsert`);
  return { id: Number(row.id), task_type: o.type, status: row.status, created: row.created === true };
}

/**
 * "Sync now" for one video: metadata, ownership and monetization tasks for it, and an asset-enrichment task for the
 * assets that claim it (one Content ID call for up to 50 of them), all at SYNC_NOW_PRIORITY. Without forceRefresh the
 * asset's answer only fills what is empty: its values reach every video of the asset, and replacing them would
 * overwrite report values and people's edits on sibling videos nobody asked about. forceRefresh replaces them.
 * At most one open task per kind and video (the queue's unique index): asking again reuses them.
 */
export async function requestVideoSync(
  db: Database,
  o: { videoId: string; userId: string; forceRefresh?: boolean; now?: Date },
): Promise<VideoSyncRequest> {
  const forceRefresh = o.forceRefresh === true;
  const now = o.now ?? new Date();
  const found = await db.execute(sql`
SELECT v.views,
  ARRAY(SELECT DISTINCT x.asset_id FROM (SELECT v.asset_id UNION SELECT c.asset_id FROM claims c WHERE c.video_id = v.video_id) x
        WHERE x.asset_id IS NOT NULL ORDER BY x.asset_id LIMIT ${IDS_PER_TASK}) AS asset_ids
FROM videos v WHERE v.video_id = ${o.videoId}`);
  const video = found.rows[0] as { views: number | string | null; asset_ids: string[] } | undefined;
  if (!video) throw videoNotFound(o.videoId);
  const views = video.views === null ? null : Number(video.views);

  const tasks = await db.transaction(async (tx) => {
    const out: RequestedTask[] = [];
    // metadata_sync first: equal priority and views, so the lowest id runs first and it is the one people wait for.
    for (const type of VIDEO_TASK_TYPES) {
      out.push(await upsertVideoTask(tx, { type, videoId: o.videoId, itemIds: [o.videoId], assetId: null, views, userId: o.userId, forceRefresh }));
    }
    const assetIds = video.asset_ids ?? [];
    if (assetIds.length > 0) {
      // video_id names the video that asked, so the unique index keeps repeated clicks to one task.
      const assetId = assetIds.length === 1 ? assetIds[0] : null;
      out.push(await upsertVideoTask(tx, { type: "asset_enrichment", videoId: o.videoId, itemIds: assetIds, assetId, views, userId: o.userId, forceRefresh }));
    }
    return out;
  });

  const main = tasks[0];
  const processing = main.status === "processing";
  return {
    task_id: main.id,
    tasks,
    position: processing ? null : await queuePosition(db, main.id, now),
    already_processing: processing,
    created: main.created,
  };
}
