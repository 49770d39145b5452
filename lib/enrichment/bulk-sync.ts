import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { toPgArrayLiteral } from "@/lib/import/stage/pg-array-literal";
import { IDS_PER_TASK, TASK_TYPES, type QueueTaskType } from "./queue-contract";
import { estimateCompletion } from "./planner";
import { quotaUsage } from "./quota-ledger";
import { taskHandlers } from "./tasks";

// An admin's bulk sync (F6: POST /api/admin/sync/all): batch tasks of up to 50 ids (the handler's maxIds) per task type for every video of
// the chosen channels, written with one set-based statement — a channel may hold 100,000 videos, and a row-by-row
// loop would cost a round trip per task.

/** What a bulk sync asks for unless told otherwise: monetization costs one request per video, so it is opt-in. */
export const DEFAULT_BULK_TYPES: readonly QueueTaskType[] = ["asset_enrichment", "metadata_sync", "ownership_update"];

export type BulkSyncRequest = {
  channels: string[] | "all";
  priority: number;
  forceRefresh: boolean;
  userId: string;
  types?: readonly QueueTaskType[];
  now?: Date;
  budget: number;
};

type TypeCount = { jobs: number; items: number; requests: number };

export type BulkSyncResult = {
  jobs_created: number;
  /** Ids put into tasks: video ids for the video task types, asset ids for asset_enrichment. */
  items: number;
  by_type: Record<QueueTaskType, TypeCount>;
  /** Ids left out because an open task already covers them. */
  already_queued: number;
  /** Videos of the chosen channels. */
  videos: number;
  /** API requests the created tasks cost: one per task, one per video for monetization. */
  requests_needed: number;
  /** Requests of all pending work that runs before these tasks finish (theirs included): what the estimate is based on. */
  requests_until_done: number;
  /** When everything queued at this priority or above is done, at the current budget. */
  estimated_completion: string | null;
  days_to_clear: number;
};

async function assertKnownChannels(db: Database, channels: string[]): Promise<void> {
  const result = await db.execute(sql`
SELECT c FROM unnest(${toPgArrayLiteral(channels)}::text[]) AS c WHERE NOT EXISTS (SELECT 1 FROM channels WHERE channel_id = c)`);
  const unknown = (result.rows as Array<{ c: string }>).map((r) => r.c);
  if (unknown.length > 0) {
    throw new AppError("bad_request", `These channels are not in the catalog: ${unknown.slice(0, 10).join(", ")}${unknown.length > 10 ? " …" : ""}. Pick channels from the Admin page's channel list.`, {
      channels: unknown,
    });
  }
}

/** Queues batch tasks for the channels' videos and estimates when the work at this priority and above is done. */
export async function requestBulkSync(db: Database, o: BulkSyncRequest): Promise<BulkSyncResult> {
  const now = o.now ?? new Date();
  const types = [...new Set(o.types ?? DEFAULT_BULK_TYPES)];
  if (o.channels !== "all") await assertKnownChannels(db, o.channels);
  const videoTypes = types.filter((t) => t !== "asset_enrichment");
  const withAssets = types.includes("asset_enrichment");
  const inChannels = o.channels === "all" ? sql`true` : sql`v.channel_id = ANY(${toPgArrayLiteral(o.channels)}::text[])`;
  // A long channel list repeated in every task's payload would only bloat the queue: its count says enough.
  const channelsNote = o.channels === "all" || o.channels.length <= 20 ? { channels: o.channels } : { channel_count: o.channels.length };
  const payload = JSON.stringify({ force_refresh: o.forceRefresh, ...channelsNote });
  // Each handler says how many ids one task may carry (50 for the list calls, fewer for per-video monetization).
  const batchSize = sql`CASE task_type ${sql.join(TASK_TYPES.map((t) => sql`WHEN ${t} THEN ${taskHandlers[t].maxIds}::int`), sql` `)} END`;

  const result = await db.execute(sql`
WITH target AS (SELECT v.video_id, v.asset_id, v.views FROM videos v WHERE ${inChannels}),
-- Ids an open task of the same type already asks for (batch tasks list them in item_ids).
covered AS (
  SELECT DISTINCT q.task_type, unnest(coalesce(q.item_ids, ARRAY[CASE WHEN q.task_type = 'asset_enrichment' THEN q.asset_id ELSE q.video_id END])) AS id
  FROM processing_queue q WHERE q.status IN ('pending', 'processing') AND q.task_type = ANY(${toPgArrayLiteral(types)}::text[])
),
video_items AS (
  SELECT t.task_type, v.video_id AS id, v.views FROM target v CROSS JOIN unnest(${toPgArrayLiteral(videoTypes)}::text[]) AS t(task_type)
),
asset_items AS (
  SELECT 'asset_enrichment'::text AS task_type, a.asset_id AS id, max(a.views) AS views
  FROM (SELECT asset_id, views FROM target WHERE asset_id IS NOT NULL
        UNION ALL SELECT c.asset_id, v.views FROM claims c JOIN target v ON v.video_id = c.video_id) a
  WHERE ${withAssets}::boolean
  GROUP BY a.asset_id
),
wanted AS (SELECT * FROM video_items UNION ALL SELECT * FROM asset_items),
fresh AS (SELECT w.* FROM wanted w WHERE NOT EXISTS (SELECT 1 FROM covered c WHERE c.task_type = w.task_type AND c.id = w.id)),
numbered AS (
  SELECT task_type, id, views, (row_number() OVER (PARTITION BY task_type ORDER BY views DESC NULLS LAST, id) - 1) / ${batchSize} AS batch FROM fresh
),
batches AS (
  SELECT task_type, batch, array_agg(id ORDER BY views DESC NULLS LAST, id) AS item_ids, max(views) AS order_views FROM numbered GROUP BY task_type, batch
),
ins AS (
  INSERT INTO processing_queue (task_type, video_id, asset_id, item_ids, status, priority, payload, requested_by, order_views)
  SELECT task_type,
    CASE WHEN task_type <> 'asset_enrichment' AND cardinality(item_ids) = 1 THEN item_ids[1] END,
    CASE WHEN task_type = 'asset_enrichment' AND cardinality(item_ids) = 1 THEN item_ids[1] END,
    item_ids, 'pending', ${o.priority}, ${payload}::jsonb, ${o.userId}, order_views
  FROM batches ORDER BY task_type, batch
  ON CONFLICT (task_type, video_id) WHERE status IN ('pending', 'processing') DO NOTHING
  RETURNING task_type, cardinality(item_ids) AS n
)
SELECT
  (SELECT coalesce(jsonb_object_agg(task_type, jsonb_build_object('jobs', jobs, 'items', items, 'requests', requests)), '{}'::jsonb)
   FROM (SELECT task_type, count(*)::int AS jobs, sum(n)::int AS items,
           sum(CASE WHEN task_type = 'monetization_sync' THEN n ELSE 1 END)::int AS requests
         FROM ins GROUP BY task_type) s) AS by_type,
  (SELECT count(*)::int FROM wanted) - (SELECT count(*)::int FROM fresh) AS already_queued,
  (SELECT count(*)::int FROM target) AS videos`);
  const row = result.rows[0] as { by_type: Partial<Record<QueueTaskType, TypeCount>>; already_queued: number | string; videos: number | string };

  const byType = Object.fromEntries(TASK_TYPES.map((t) => [t, row.by_type?.[t] ?? { jobs: 0, items: 0, requests: 0 }])) as BulkSyncResult["by_type"];
  const sum = (key: keyof TypeCount) => Object.values(byType).reduce((total, t) => total + t[key], 0);
  const estimate = await estimateAtPriority(db, { priority: o.priority, now, budget: o.budget });
  return {
    jobs_created: sum("jobs"),
    items: sum("items"),
    by_type: byType,
    already_queued: Number(row.already_queued),
    videos: Number(row.videos),
    requests_needed: sum("requests"),
    requests_until_done: estimate.requests,
    estimated_completion: estimate.at?.toISOString() ?? null,
    days_to_clear: estimate.days,
  };
}

/** Requests of all pending work that runs no later than `priority` (tasks and backlog assets), and when it is done. */
async function estimateAtPriority(db: Database, o: { priority: number; now: Date; budget: number }) {
  const result = await db.execute(sql`
SELECT
  (SELECT coalesce(sum(CASE WHEN task_type = 'monetization_sync' THEN greatest(cardinality(item_ids), 1) ELSE 1 END), 0)::int
   FROM processing_queue WHERE status = 'pending' AND priority >= ${o.priority}) AS task_requests,
  (SELECT count(*)::int FROM assets WHERE enrichment_requested_at IS NOT NULL AND enrichment_priority >= ${o.priority}) AS backlog_assets`);
  const row = result.rows[0] as { task_requests: number | string; backlog_assets: number | string };
  const requests = Number(row.task_requests) + Math.ceil(Number(row.backlog_assets) / IDS_PER_TASK);
  const quota = await quotaUsage(db, { now: o.now, budget: o.budget });
  const estimate = estimateCompletion({ requests, remainingToday: quota.exhausted ? 0 : quota.remaining, budget: o.budget, now: o.now });
  return { requests, ...estimate };
}
