import type { QueueItemResult, QueueTaskStatus, QueueTaskType, QueueTaskView } from "./queue-contract";

/** A processing_queue row read with raw SQL (snake_case), plus the requester's e-mail from users. */
export type TaskRow = {
  id: number;
  task_type: QueueTaskType;
  status: QueueTaskStatus;
  priority: number;
  video_id: string | null;
  asset_id: string | null;
  item_ids: string[] | null;
  requested_by: string | null;
  requester_email?: string | null;
  order_views: number | string | bigint | null;
  retry_count: number;
  payload: Record<string, unknown> | null;
  result: Record<string, unknown> | null;
  error_message: string | null;
  run_after: Date | string | null;
  started_at: Date | string | null;
  created_at: Date | string;
  updated_at: Date | string;
  completed_at: Date | string | null;
  source_report_id: number | null;
};

// Drivers differ: node-postgres returns int8 as text and PGlite as a number; timestamps come back as Date on both,
// but a JSON round trip (Inngest steps) turns them into strings.
const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());
const num = (value: number | string | bigint | null): number | null => (value === null ? null : Number(value));

/** Who asked, for people: `report:<id>` and `backlog` are written by the import hand-off and the drain. */
export function requesterLabel(requestedBy: string | null, email: string | null | undefined): string {
  if (!requestedBy) return "Unknown";
  if (requestedBy === "backlog") return "Import backlog";
  const report = /^report:(\d+)$/.exec(requestedBy);
  if (report) return `Report ${report[1]}`;
  if (email) return email;
  // A user id without a user is a removed account; anything else (a script, the benchmark) names itself.
  return /^[0-9a-f]{8}-[0-9a-f]{4}-/i.test(requestedBy) ? `Removed user ${requestedBy.slice(0, 8)}` : requestedBy;
}

/**
 * Per-item outcomes from a task's result. The drain stores `items` keyed by the requested id; anything else in the
 * result (older tasks, a task that failed before calling) simply yields no items.
 */
export function itemResults(result: Record<string, unknown> | null): QueueItemResult[] {
  const items = result?.items;
  if (!items || typeof items !== "object" || Array.isArray(items)) return [];
  return Object.entries(items as Record<string, unknown>).map(([id, raw]) => {
    const item = (raw ?? {}) as Record<string, unknown>;
    const out: QueueItemResult = { id, status: typeof item.status === "string" ? item.status : "unknown" };
    if (typeof item.error === "string") out.error = item.error;
    if (typeof item.merged_into === "string") out.merged_into = item.merged_into;
    if (item.changes && typeof item.changes === "object") out.changes = item.changes as QueueItemResult["changes"];
    return out;
  });
}

function countByStatus(items: QueueItemResult[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[item.status] = (counts[item.status] ?? 0) + 1;
  return counts;
}

/** Results in the order the ids were asked for (jsonb keeps its own key order), unknown ids after them. */
function inRequestOrder(items: QueueItemResult[], itemIds: string[]): QueueItemResult[] {
  const rank = new Map(itemIds.map((id, i) => [id, i]));
  return [...items].sort((a, b) => (rank.get(a.id) ?? itemIds.length) - (rank.get(b.id) ?? itemIds.length));
}

export function toTaskView(row: TaskRow): QueueTaskView {
  const itemIds = row.item_ids ?? [row.task_type === "asset_enrichment" ? row.asset_id : row.video_id].filter((id): id is string => Boolean(id));
  const items = inRequestOrder(itemResults(row.result), itemIds);
  return {
    id: Number(row.id),
    task_type: row.task_type,
    status: row.status,
    priority: Number(row.priority),
    video_id: row.video_id,
    asset_id: row.asset_id,
    item_ids: itemIds,
    requested_by: row.requested_by,
    requested_by_label: requesterLabel(row.requested_by, row.requester_email),
    order_views: num(row.order_views),
    retry_count: Number(row.retry_count),
    force_refresh: row.payload?.force_refresh === true,
    result_counts: countByStatus(items),
    item_results: items,
    requests_used: typeof row.result?.requests === "number" ? row.result.requests : null,
    sandbox: typeof row.result?.sandbox === "boolean" ? row.result.sandbox : null,
    error_message: row.error_message,
    run_after: iso(row.run_after),
    started_at: iso(row.started_at),
    created_at: iso(row.created_at)!,
    updated_at: iso(row.updated_at)!,
    completed_at: iso(row.completed_at),
    source_report_id: row.source_report_id === null ? null : Number(row.source_report_id),
  };
}
