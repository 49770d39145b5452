// The Queue page's contract (F6, issue #11): task types and statuses, priorities, and the JSON the queue routes
// answer with. Shared by the API, the planner and the browser, so it is pure on purpose (browser-safe: no drizzle).

export const TASK_TYPES = ["asset_enrichment", "metadata_sync", "ownership_update", "monetization_sync"] as const;
export type QueueTaskType = (typeof TASK_TYPES)[number];
export const TASK_STATUSES = ["pending", "processing", "completed", "failed"] as const;
export type QueueTaskStatus = (typeof TASK_STATUSES)[number];

/** Task types that work on video ids; asset_enrichment works on asset ids. */
export const VIDEO_TASK_TYPES = ["metadata_sync", "ownership_update", "monetization_sync"] as const;

export const TASK_TYPE_LABELS: Record<QueueTaskType, string> = {
  asset_enrichment: "Asset enrichment",
  metadata_sync: "Metadata sync",
  ownership_update: "Ownership update",
  monetization_sync: "Monetization",
};

/** Ids one API call covers: the Data API and Content ID API both take up to 50 ids per list call. */
export const IDS_PER_TASK = 50;

// Higher runs first. Imports mark the backlog at 0; a person's "Sync now" jumps ahead of bulk work; admins may set
// any value in the range on a task (the planner's priority change).
export const PRIORITY_MIN = 0;
export const PRIORITY_MAX = 100;
export const BULK_SYNC_DEFAULT_PRIORITY = 10;
export const SYNC_NOW_PRIORITY = 90;

export type QueueCounts = { pending: number; processing: number; completed: number; failed: number; total: number; backlog_assets: number };

/** One requested id's outcome, as the drain records it in the task's result. */
export type QueueItemResult = { id: string; status: string; error?: string; merged_into?: string; changes?: Record<string, [unknown, unknown]> };

export type QueueTaskView = {
  id: number;
  task_type: QueueTaskType;
  status: QueueTaskStatus;
  priority: number;
  video_id: string | null;
  asset_id: string | null;
  /** Video ids, or asset ids for asset_enrichment: what the one API call of this task asks for. */
  item_ids: string[];
  requested_by: string | null;
  /** For people: an e-mail, "Import backlog", "Report 12". */
  requested_by_label: string;
  order_views: number | null;
  retry_count: number;
  force_refresh: boolean;
  /** Counts of the per-item outcomes (updated, unchanged, not_found, error …) once the task ran. */
  result_counts: Record<string, number>;
  item_results: QueueItemResult[];
  /** API requests the last run spent, and whether it asked the local sandbox (null before it ran). */
  requests_used: number | null;
  sandbox: boolean | null;
  error_message: string | null;
  run_after: string | null;
  started_at: string | null;
  created_at: string;
  updated_at: string;
  completed_at: string | null;
  source_report_id: number | null;
};

export type QueueList = { tasks: QueueTaskView[]; total: number; page: number; per_page: number; pages: number; counts: QueueCounts };

export type PlannedUnit = {
  /** `task`: a queued task; `backlog`: the next ≤ 50 marked assets the drain will carve into one task. */
  kind: "task" | "backlog";
  task_id: number | null;
  task_type: QueueTaskType;
  ids: number;
  requests: number;
  priority: number;
  views: number | null;
  /** Waiting for a backoff or the next quota day until then. */
  run_after: string | null;
};

export type QueuePlan = {
  backlog: { pending_tasks: number; pending_items: number; backlog_assets: number; total_items: number };
  requests_needed: { total: number; by_type: Record<QueueTaskType, number> };
  quota: { day: string; used: number; budget: number; remaining: number; reset_at: string; exhausted: boolean; by_endpoint: Record<string, number> };
  /** Quota days needed at the current budget, today included when it has requests left; 0 when there is no work. */
  days_to_clear: number;
  estimated_completion: string | null;
  upcoming: PlannedUnit[];
  sandbox: boolean;
};
