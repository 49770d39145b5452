import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import type { TaskType } from "./task-types";

// The drain's writes to processing_queue and the asset backlog. Claiming is one transaction that either takes the
// best pending task or carves the next ≤ 50 backlog assets into a new task, so two drains never take the same work
// (FOR UPDATE SKIP LOCKED on PostgreSQL; PGlite runs one transaction at a time anyway).

type Db = Pick<Database, "execute" | "transaction">;
type Exec = Pick<Database, "execute">;

/** Assets per carved task: one assets.list call answers up to 50 ids. */
export const BACKLOG_BATCH = 50;
/** A task still `processing` this long after it started lost its drain (a killed process): it is taken again. */
export const STALE_PROCESSING_MS = 15 * 60_000;

export type ClaimedTask = {
  id: number;
  taskType: TaskType;
  itemIds: string[];
  retryCount: number;
  priority: number;
  payload: Record<string, unknown>;
  requestedBy: string | null;
  videoId: string | null;
  assetId: string | null;
};

type TaskRow = {
  id: number;
  task_type: TaskType;
  item_ids: string[] | null;
  retry_count: number;
  priority: number;
  payload: Record<string, unknown> | null;
  requested_by: string | null;
  video_id: string | null;
  asset_id: string | null;
};

const ts = (at: Date) => sql`${at.toISOString()}::timestamptz`;

function toClaimed(row: TaskRow): ClaimedTask {
  // item_ids is always written by current code; a task from before it names its one video or asset.
  const single = row.video_id ?? row.asset_id;
  return {
    id: Number(row.id),
    taskType: row.task_type,
    itemIds: row.item_ids?.length ? row.item_ids : single ? [single] : [],
    retryCount: Number(row.retry_count),
    priority: Number(row.priority),
    payload: row.payload ?? {},
    requestedBy: row.requested_by,
    videoId: row.video_id,
    assetId: row.asset_id,
  };
}

type Rank = { priority: number | string; views: number | string | null };

/**
 * The backlog goes first when its best asset ranks at least as high as the best task: by priority, then (at equal
 * priority) by views, so a task put back after a quota pause — holding the most-viewed assets — is not overtaken
 * by less-viewed assets carved after it.
 */
function backlogFirst(backlog: Rank, task: Rank): boolean {
  const [bp, tp] = [Number(backlog.priority), Number(task.priority)];
  if (bp !== tp) return bp > tp;
  const views = (rank: Rank) => (rank.views === null ? -1 : Number(rank.views));
  return views(backlog) >= views(task);
}

/**
 * Takes the next unit of work and marks it `processing`: the pending task that ranks first (priority, then most
 * viewed), unless the asset backlog ranks at least as high, in which case its most-viewed ≤ 50 assets become a new
 * asset_enrichment task and leave the backlog in the same transaction. Null when there is nothing to do now.
 */
export async function claimNextTask(db: Db, now: Date): Promise<ClaimedTask | null> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`
UPDATE processing_queue SET status = 'pending', started_at = NULL, updated_at = ${ts(now)}
WHERE status = 'processing' AND started_at < ${ts(new Date(now.getTime() - STALE_PROCESSING_MS))}`);

    const pending = await tx.execute(sql`
SELECT id, priority, order_views AS views FROM processing_queue
WHERE status = 'pending' AND (run_after IS NULL OR run_after <= ${ts(now)})
ORDER BY priority DESC, order_views DESC NULLS LAST, id
LIMIT 1 FOR UPDATE SKIP LOCKED`);
    const best = pending.rows[0] as Rank & { id: number } | undefined;

    const backlog = await tx.execute(sql`
SELECT enrichment_priority AS priority, enrichment_views AS views FROM assets WHERE enrichment_requested_at IS NOT NULL
ORDER BY enrichment_priority DESC, enrichment_views DESC NULLS LAST, asset_id LIMIT 1`);
    const top = backlog.rows[0] as Rank | undefined;

    if (top && (!best || backlogFirst(top, best))) {
      const carved = await carveBacklog(tx, now);
      if (carved) return carved;
    }
    if (!best) return null;
    const claimed = await tx.execute(sql`
UPDATE processing_queue SET status = 'processing', started_at = ${ts(now)}, updated_at = ${ts(now)}
WHERE id = ${best.id} RETURNING *`);
    return toClaimed(claimed.rows[0] as TaskRow);
  });
}

/** The backlog's first ≤ 50 assets (priority, then most-viewed) as one `processing` task; null if another drain took them. */
async function carveBacklog(tx: Exec, now: Date): Promise<ClaimedTask | null> {
  const inserted = await tx.execute(sql`
WITH picked AS (
  SELECT asset_id, enrichment_priority AS priority, enrichment_views AS views FROM assets
  WHERE enrichment_requested_at IS NOT NULL
  ORDER BY enrichment_priority DESC, enrichment_views DESC NULLS LAST, asset_id
  LIMIT ${BACKLOG_BATCH} FOR UPDATE SKIP LOCKED
)
INSERT INTO processing_queue (task_type, asset_id, item_ids, requested_by, priority, order_views, status, payload, started_at, created_at, updated_at)
SELECT 'asset_enrichment', CASE WHEN count(*) = 1 THEN min(asset_id) END,
  array_agg(asset_id ORDER BY priority DESC, views DESC NULLS LAST, asset_id), 'backlog',
  max(priority), max(views), 'processing', '{}'::jsonb, ${ts(now)}, ${ts(now)}, ${ts(now)}
FROM picked HAVING count(*) > 0
RETURNING *`);
  const row = inserted.rows[0] as TaskRow | undefined;
  if (!row) return null;
  await tx.execute(sql`
UPDATE assets SET enrichment_requested_at = NULL, enrichment_task_id = ${row.id}
WHERE asset_id IN (SELECT unnest(item_ids) FROM processing_queue WHERE id = ${row.id})`);
  return toClaimed(row);
}

export async function completeTask(db: Exec, taskId: number, result: Record<string, unknown>, now: Date): Promise<void> {
  await db.execute(sql`
UPDATE processing_queue SET status = 'completed', result = ${JSON.stringify(result)}::jsonb, error_message = NULL,
  run_after = NULL, completed_at = ${ts(now)}, updated_at = ${ts(now)}
WHERE id = ${taskId}`);
}

/** The task fails for good; an asset_enrichment task's assets say so too (their per-item state on the Queue page). */
export async function failTask(db: Db, taskId: number, error: string, now: Date, result?: Record<string, unknown>): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`
UPDATE processing_queue SET status = 'failed', error_message = ${error}, run_after = NULL,
  result = COALESCE(${result === undefined ? null : JSON.stringify(result)}::jsonb, result),
  completed_at = ${ts(now)}, updated_at = ${ts(now)}
WHERE id = ${taskId}`);
    await tx.execute(sql`
UPDATE assets SET enrichment_status = 'failed', enrichment_error = ${error}, enrichment_task_id = ${taskId}
WHERE asset_id IN (SELECT unnest(item_ids) FROM processing_queue WHERE id = ${taskId} AND task_type = 'asset_enrichment')`);
  });
}

/** Back to `pending`, not before retryAt, one retry more (rate limit, 5xx, network). */
export async function rescheduleTask(db: Exec, taskId: number, retryAt: Date, error: string, now: Date): Promise<void> {
  await db.execute(sql`
UPDATE processing_queue SET status = 'pending', retry_count = retry_count + 1, run_after = ${ts(retryAt)},
  error_message = ${error}, started_at = NULL, updated_at = ${ts(now)}
WHERE id = ${taskId}`);
}

/** Back to `pending` as it was (the quota paused it; no retry is counted). */
export async function releaseTask(db: Exec, taskId: number, now: Date): Promise<void> {
  await db.execute(sql`
UPDATE processing_queue SET status = 'pending', started_at = NULL, updated_at = ${ts(now)} WHERE id = ${taskId}`);
}

/** When the first rescheduled task becomes due, if every pending task is waiting for its backoff. */
export async function nextRunAfter(db: Exec, now: Date): Promise<Date | null> {
  const result = await db.execute(sql`
SELECT min(run_after) AS at FROM processing_queue WHERE status = 'pending' AND run_after > ${ts(now)}`);
  const at = (result.rows[0] as { at: Date | string | null } | undefined)?.at;
  return at ? new Date(at) : null;
}

/** Whether a drain would find anything to run now: a due pending task or a marked asset. */
export async function hasDueWork(db: Exec, now: Date): Promise<boolean> {
  const result = await db.execute(sql`
SELECT EXISTS (SELECT 1 FROM processing_queue WHERE status = 'pending' AND (run_after IS NULL OR run_after <= ${ts(now)}))
    OR EXISTS (SELECT 1 FROM assets WHERE enrichment_requested_at IS NOT NULL) AS due`);
  return Boolean((result.rows[0] as { due: boolean }).due);
}
