import type { Database } from "@/lib/db/client";
import { publishDashboardState } from "@/lib/dashboard/publish-dashboard-state";
import {
  queueChannels,
  queueEvents,
  type ProcessorStatus,
  type QueueTaskComplete,
  type SyncComplete,
  type SyncError,
} from "@/lib/realtime/channels";
import { publish } from "@/lib/realtime/publisher";
import { getPusher } from "@/lib/realtime/pusher-server";
import type { Clock } from "./clock";
import { queueCounts } from "./queue-queries";
import type { ClaimedTask } from "./queue-store";
import { quotaUsage } from "./quota-ledger";
import type { FieldChanges, ItemResult } from "./task-types";

// What the drain tells browsers and wall dashboards (docs/realtime.md): discrete events are sent at once and never
// dropped; processor_status is a snapshot, coalesced to a few a second with the latest always delivered.

const channel = queueChannels.all();

/** Per-status counts of a task's items for queue_task_complete ("error" items count as errors). */
export function countItems(items: Record<string, ItemResult>): QueueTaskComplete["result"] {
  const counts = { updated: 0, unchanged: 0, not_found: 0, errors: 0 };
  for (const item of Object.values(items)) {
    if (item.status === "error") counts.errors++;
    else counts[item.status]++;
  }
  return counts;
}

export async function publishTaskComplete(
  task: ClaimedTask,
  outcome: { status: "completed" | "failed"; items?: Record<string, ItemResult>; error?: string },
): Promise<void> {
  const payload: QueueTaskComplete = {
    task_id: task.id,
    task_type: task.taskType,
    video_id: task.videoId,
    item_ids: task.itemIds,
    status: outcome.status,
    result: countItems(outcome.items ?? {}),
    error: outcome.error ?? null,
  };
  await publish(channel, queueEvents.taskComplete, payload, { final: true });
}

/** Pusher takes at most 10 events per batch request. */
const BATCH = 10;
const PARALLEL_BATCHES = 4;

/**
 * One sync_complete per video whose fields the task changed. An asset's values can reach hundreds of videos, so the
 * events go out in Pusher batches of 10, a few requests at a time, instead of one request per video.
 */
export async function publishSyncCompletes(taskId: number, videoChanges: Record<string, FieldChanges>, o: { at: Date; sandbox: boolean }): Promise<void> {
  const pusher = getPusher();
  if (!pusher) return;
  const syncTime = o.at.toISOString();
  const batches: Array<Array<{ channel: string; name: string; data: SyncComplete }>> = [];
  for (const [videoId, changes] of Object.entries(videoChanges)) {
    if (!batches.length || batches.at(-1)!.length === BATCH) batches.push([]);
    batches.at(-1)!.push({ channel, name: queueEvents.syncComplete, data: { video_id: videoId, task_id: taskId, changes, sync_time: syncTime, sandbox: o.sandbox } });
  }
  for (let i = 0; i < batches.length; i += PARALLEL_BATCHES) {
    await Promise.all(
      batches.slice(i, i + PARALLEL_BATCHES).map((batch) =>
        pusher.triggerBatch(batch).catch((error: unknown) => console.warn(`[realtime] publishing ${queueEvents.syncComplete} failed:`, error)),
      ),
    );
  }
}

export async function publishSyncError(task: ClaimedTask, o: { error: string; reason: string; retryAt: Date | null }): Promise<void> {
  const payload: SyncError = {
    video_id: task.videoId,
    task_id: task.id,
    error: o.error,
    reason: o.reason,
    retry_at: o.retryAt?.toISOString() ?? null,
  };
  await publish(channel, queueEvents.syncError, payload, { final: true });
}

/**
 * Queue lengths, backlog and today's quota, plus the dashboard snapshot. While the drain runs the updates are
 * coalesced; the one saying it stopped (`running: false`) is sent at once.
 */
export async function publishProcessorStatus(db: Database, o: { running: boolean; clock: Clock; budget: number }): Promise<void> {
  const now = o.clock.now();
  const [counts, quota] = await Promise.all([queueCounts(db), quotaUsage(db, { now, budget: o.budget })]);
  const { backlog_assets, ...queueLength } = counts;
  const payload: ProcessorStatus = {
    running: o.running,
    queue_length: queueLength,
    backlog_assets,
    quota: { used: quota.used, budget: quota.budget, reset_at: quota.resetAt, exhausted: quota.exhausted },
  };
  await Promise.all([
    publish(channel, queueEvents.processorStatus, payload, { final: !o.running }),
    publishDashboardState(db, { clock: o.clock }),
  ]);
}
