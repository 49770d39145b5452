import { sql, type SQL } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { QueueCounts, QueueList, QueueTaskStatus, QueueTaskType, QueueTaskView } from "./queue-contract";
import { toTaskView, type TaskRow } from "./task-view";

type Db = Pick<Database, "execute">;

/** Tasks by status plus the assets waiting in the enrichment backlog (the partial backlog index counts those). */
export async function queueCounts(db: Db): Promise<QueueCounts> {
  const result = await db.execute(sql`
SELECT
  (SELECT coalesce(jsonb_object_agg(status, n), '{}'::jsonb) FROM (SELECT status, count(*)::int AS n FROM processing_queue GROUP BY status) s) AS by_status,
  (SELECT count(*)::int FROM assets WHERE enrichment_requested_at IS NOT NULL) AS backlog_assets`);
  const row = result.rows[0] as { by_status: Partial<Record<QueueTaskStatus, number>>; backlog_assets: number | string };
  const by = row.by_status ?? {};
  const counts = { pending: by.pending ?? 0, processing: by.processing ?? 0, completed: by.completed ?? 0, failed: by.failed ?? 0 };
  return { ...counts, total: counts.pending + counts.processing + counts.completed + counts.failed, backlog_assets: Number(row.backlog_assets) };
}

export type TaskFilters = {
  status?: QueueTaskStatus;
  taskType?: QueueTaskType;
  /** A video id, an asset id (matched inside item_ids too) or a task id. */
  search?: string;
  page: number;
  perPage: number;
};

// Open work first, in the order it will run; then finished work, newest first.
const LIST_ORDER = sql`
  CASE q.status WHEN 'processing' THEN 0 WHEN 'pending' THEN 1 ELSE 2 END,
  CASE WHEN q.status = 'pending' THEN q.priority END DESC,
  CASE WHEN q.status = 'pending' THEN q.order_views END DESC NULLS LAST,
  CASE WHEN q.status = 'pending' THEN q.id END,
  coalesce(q.completed_at, q.updated_at) DESC, q.id DESC`;

const TASK_COLUMNS = sql`q.*, u.email AS requester_email`;
const WITH_REQUESTER = sql`processing_queue q LEFT JOIN users u ON u.id = q.requested_by`;

function whereClause(filters: Omit<TaskFilters, "page" | "perPage">): SQL {
  const parts: SQL[] = [];
  if (filters.status) parts.push(sql`q.status = ${filters.status}`);
  if (filters.taskType) parts.push(sql`q.task_type = ${filters.taskType}`);
  if (filters.search) {
    const id = filters.search;
    const byTaskId = /^[1-9]\d{0,9}$/.test(id) && Number(id) <= 2_147_483_647 ? sql` OR q.id = ${Number(id)}` : sql``;
    parts.push(sql`(q.video_id = ${id} OR q.asset_id = ${id} OR q.item_ids @> ARRAY[${id}]::text[]${byTaskId})`);
  }
  return parts.length ? sql`WHERE ${sql.join(parts, sql` AND `)}` : sql``;
}

/** One page of tasks with their per-item results, plus the counts by status for the page's header. */
export async function listTasks(db: Db, filters: TaskFilters): Promise<QueueList> {
  const where = whereClause(filters);
  const offset = (filters.page - 1) * filters.perPage;
  const [rows, total, counts] = await Promise.all([
    db.execute(sql`SELECT ${TASK_COLUMNS} FROM ${WITH_REQUESTER} ${where} ORDER BY ${LIST_ORDER} LIMIT ${filters.perPage} OFFSET ${offset}`),
    db.execute(sql`SELECT count(*)::int AS n FROM processing_queue q ${where}`),
    queueCounts(db),
  ]);
  const n = Number((total.rows[0] as { n: number | string }).n);
  return {
    tasks: (rows.rows as TaskRow[]).map(toTaskView),
    total: n,
    page: filters.page,
    per_page: filters.perPage,
    pages: Math.max(1, Math.ceil(n / filters.perPage)),
    counts,
  };
}

export function taskNotFound(id: number): AppError {
  return new AppError("not_found", `Queue task ${id} does not exist; it may have been removed with its video. Reload the Queue page.`);
}

/** One task with every item's result; 404 when there is no such task. */
export async function getTask(db: Db, id: number): Promise<QueueTaskView> {
  const result = await db.execute(sql`SELECT ${TASK_COLUMNS} FROM ${WITH_REQUESTER} WHERE q.id = ${id}`);
  const row = result.rows[0] as TaskRow | undefined;
  if (!row) throw taskNotFound(id);
  return toTaskView(row);
}
