import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { isSandbox } from "@/lib/youtube/clients";
import { IDS_PER_TASK, TASK_TYPES, type PlannedUnit, type QueuePlan, type QueueTaskType } from "./queue-contract";
import { nextQuotaReset } from "./quota-day";
import { quotaUsage } from "./quota-ledger";

// The planner answers "how much is waiting, how many requests will it cost, when will it be done and in what
// order will it run" from the queue, the asset backlog and today's quota ledger. Its order is the drain's:
// pending tasks by priority, then most-viewed first (order_views, missing views last), then oldest; the backlog's
// next ≤ 50 assets become one task whenever their best asset ranks at least as high as the next pending task (priority,
// then views: queue-store.ts backlogFirst); tasks waiting for a backoff or the next quota day (run_after in the future)
// run when their time comes. tests/enrichment/planner.db.test.ts checks this order against the drain's own claims.

type Db = Pick<Database, "execute">;

/** A request's own time on top of the ≥ 100 ms spacing between calls: only matters for work that fits in today. */
const SECONDS_PER_REQUEST = 0.25;

export type CompletionEstimate = { days: number; at: Date | null };

/**
 * When `requests` will have been sent: today's remaining budget first, then a full budget per quota day, each day
 * starting at midnight Pacific (DST included). `days` counts the quota days used, today included if it has any left.
 */
export function estimateCompletion(o: { requests: number; remainingToday: number; budget: number; now: Date }): CompletionEstimate {
  const { requests, now } = o;
  if (requests <= 0) return { days: 0, at: null };
  const remaining = Math.max(0, o.remainingToday);
  const spend = (from: Date, n: number) => new Date(from.getTime() + Math.ceil(n * SECONDS_PER_REQUEST * 1000));
  if (requests <= remaining) return { days: 1, at: spend(now, requests) };
  const budget = Math.max(1, o.budget);
  const left = requests - remaining;
  const fullDays = Math.ceil(left / budget);
  let dayStart = nextQuotaReset(now);
  for (let day = 1; day < fullDays; day++) dayStart = nextQuotaReset(dayStart);
  return { days: fullDays + (remaining > 0 ? 1 : 0), at: spend(dayStart, left - (fullDays - 1) * budget) };
}

/** Requests a pending task costs: one list call for up to 50 ids, except monetization (one call per video). */
const REQUESTS_OF = sql`CASE WHEN task_type = 'monetization_sync' THEN greatest(cardinality(item_ids), 1) ELSE 1 END`;

async function pendingWork(db: Db) {
  const result = await db.execute(sql`
SELECT task_type, count(*)::int AS tasks, coalesce(sum(cardinality(item_ids)), 0)::int AS items, coalesce(sum(${REQUESTS_OF}), 0)::int AS requests
FROM processing_queue WHERE status = 'pending' GROUP BY task_type`);
  return result.rows as Array<{ task_type: QueueTaskType; tasks: number; items: number; requests: number }>;
}

async function backlogSize(db: Db): Promise<number> {
  const result = await db.execute(sql`SELECT count(*)::int AS n FROM assets WHERE enrichment_requested_at IS NOT NULL`);
  return Number((result.rows[0] as { n: number | string }).n);
}


type Rank = { priority: number; views: number | null };
/** The drain's rule: the backlog's best asset goes before a task that it ranks at least as high as. */
const backlogFirst = (backlog: Rank, task: Rank) =>
  backlog.priority !== task.priority ? backlog.priority > task.priority : (backlog.views ?? -1) >= (task.views ?? -1);

/** The first `limit` units of work in the order the drain will take them. */
export async function upcomingWork(db: Db, o: { now: Date; limit: number }): Promise<PlannedUnit[]> {
  const at = o.now.toISOString();
  const [tasks, assets] = await Promise.all([
    db.execute(sql`
SELECT id, task_type, priority, order_views, coalesce(cardinality(item_ids), 1)::int AS ids, ${REQUESTS_OF}::int AS requests,
  CASE WHEN run_after > ${at}::timestamptz THEN run_after END AS run_after
FROM processing_queue WHERE status = 'pending'
ORDER BY coalesce(run_after > ${at}::timestamptz, false), CASE WHEN run_after > ${at}::timestamptz THEN run_after END,
  priority DESC, order_views DESC NULLS LAST, id
LIMIT ${o.limit}`),
    db.execute(sql`
SELECT enrichment_priority AS priority, enrichment_views AS views FROM assets WHERE enrichment_requested_at IS NOT NULL
ORDER BY enrichment_priority DESC, enrichment_views DESC NULLS LAST, asset_id
LIMIT ${o.limit * IDS_PER_TASK}`),
  ]);
  const queued: PlannedUnit[] = (tasks.rows as Array<Record<string, unknown>>).map((r) => ({
    kind: "task",
    task_id: Number(r.id),
    task_type: r.task_type as QueueTaskType,
    ids: Number(r.ids),
    requests: Number(r.requests),
    priority: Number(r.priority),
    views: r.order_views === null ? null : Number(r.order_views),
    run_after: r.run_after === null ? null : new Date(r.run_after as string).toISOString(),
  }));
  const backlogRows = assets.rows as Array<{ priority: number; views: number | string | null }>;
  const chunks: PlannedUnit[] = [];
  for (let i = 0; i < backlogRows.length; i += IDS_PER_TASK) {
    const first = backlogRows[i];
    const ids = Math.min(IDS_PER_TASK, backlogRows.length - i);
    chunks.push({ kind: "backlog", task_id: null, task_type: "asset_enrichment", ids, requests: 1, priority: Number(first.priority), views: first.views === null ? null : Number(first.views), run_after: null });
  }
  const order: PlannedUnit[] = [];
  let t = 0;
  let c = 0;
  while (order.length < o.limit && (t < queued.length || c < chunks.length)) {
    const task = queued[t];
    const chunk = chunks[c];
    // A waiting task comes after every backlog chunk that is ready now.
    const chunkFirst = chunk && (!task || task.run_after !== null || backlogFirst(chunk, task));
    if (chunkFirst) order.push(chunks[c++]);
    else order.push(queued[t++]);
  }
  return order;
}

/** The backlog, what it costs, when it will be done at the current budget, and what runs next. */
export async function planQueue(db: Db, o: { now: Date; budget: number; limit?: number }): Promise<QueuePlan> {
  const [work, backlogAssets, quota, upcoming] = await Promise.all([
    pendingWork(db),
    backlogSize(db),
    quotaUsage(db, { now: o.now, budget: o.budget }),
    upcomingWork(db, { now: o.now, limit: o.limit ?? 20 }),
  ]);
  const byType = Object.fromEntries(TASK_TYPES.map((type) => [type, 0])) as Record<QueueTaskType, number>;
  let pendingTasks = 0;
  let pendingItems = 0;
  for (const row of work) {
    byType[row.task_type] += Number(row.requests);
    pendingTasks += Number(row.tasks);
    pendingItems += Number(row.items);
  }
  byType.asset_enrichment += Math.ceil(backlogAssets / IDS_PER_TASK);
  const total = Object.values(byType).reduce((a, b) => a + b, 0);
  const remainingToday = quota.exhausted ? 0 : quota.remaining;
  const estimate = estimateCompletion({ requests: total, remainingToday, budget: o.budget, now: o.now });
  return {
    backlog: { pending_tasks: pendingTasks, pending_items: pendingItems, backlog_assets: backlogAssets, total_items: pendingItems + backlogAssets },
    requests_needed: { total, by_type: byType },
    quota: { day: quota.day, used: quota.used, budget: quota.budget, remaining: remainingToday, reset_at: quota.resetAt, exhausted: quota.exhausted, by_endpoint: quota.byEndpoint },
    days_to_clear: estimate.days,
    estimated_completion: estimate.at?.toISOString() ?? null,
    upcoming,
    sandbox: isSandbox(),
  };
}

/**
 * How many units of work run before this pending task: pending tasks that outrank it (ready now), plus the
 * backlog chunks of ≤ 50 assets that rank at least as high. 0 = it is next. Null when the task is not pending.
 */
export async function queuePosition(db: Db, taskId: number, now: Date): Promise<number | null> {
  const result = await db.execute(sql`
WITH me AS (SELECT id, priority, coalesce(order_views, -1) AS views FROM processing_queue WHERE id = ${taskId} AND status = 'pending')
SELECT
  (SELECT count(*)::int FROM processing_queue q, me
   WHERE q.status = 'pending' AND q.id <> me.id AND (q.run_after IS NULL OR q.run_after <= ${now.toISOString()}::timestamptz)
     AND (q.priority, coalesce(q.order_views, -1), me.id) > (me.priority, me.views, q.id)) AS tasks_ahead,
  (SELECT count(*)::int FROM assets a, me WHERE a.enrichment_requested_at IS NOT NULL AND a.enrichment_priority > me.priority)
  + (SELECT count(*)::int FROM assets a, me WHERE a.enrichment_requested_at IS NOT NULL AND a.enrichment_priority = me.priority
       AND coalesce(a.enrichment_views, -1) >= me.views) AS assets_ahead,
  (SELECT count(*)::int FROM me) AS found`);
  const row = result.rows[0] as { tasks_ahead: number | string; assets_ahead: number | string; found: number | string };
  if (Number(row.found) === 0) return null;
  return Number(row.tasks_ahead) + Math.ceil(Number(row.assets_ahead) / IDS_PER_TASK);
}
