import type { FieldChanges } from "@/lib/db/schema/audit";
import type { ReportProgress, ReportSummary } from "@/lib/db/schema/reports";
// The one place channel and event names are built: server publishers and browser subscribers both import
// this, so a renamed channel can never leave one side listening to nothing. Pure on purpose (browser-safe).
// docs/realtime.md is the written contract for everything here (who may subscribe, payloads, coalescing).

/** Private channels: the app's /api/realtime/auth endpoint only signs these for signed-in users. */
export const reportChannels = {
  all: () => "private-reports",
  one: (id: number) => `private-report-${id}`,
};

export const queueChannels = {
  all: () => "private-queue",
};

/**
 * The wall dashboards' channel. A Pusher cache channel: a new subscriber gets the last `dashboard_state` at
 * once (or `pusher:cache_miss`). Signed-in users and dashboard tokens may both subscribe.
 */
export const dashboardChannels = {
  main: () => "private-cache-dashboard",
};

export const reportEvents = {
  /** ReportStatusUpdate — coalesced to a few per second, the final one always sent. */
  statusUpdate: "report_status_update",
} as const;

export const queueEvents = {
  /** QueueTaskComplete — one per task that ended (completed or failed). */
  taskComplete: "queue_task_complete",
  /** ProcessorStatus — coalesced. */
  processorStatus: "processor_status",
  /** SyncComplete — one per video whose fields changed. */
  syncComplete: "sync_complete",
  /** SyncError — a task failed or was put off (retry_at says until when). */
  syncError: "sync_error",
} as const;

export const dashboardEvents = {
  /** DashboardState — a whole snapshot, at most one a second, the latest always sent. */
  state: "dashboard_state",
} as const;

/** The payload of `report_status_update` (built in lib/import/reports/publish-report-status.ts). */
export type ReportStatusUpdate = {
  report_id: number;
  filename: string;
  status: string;
  progress: ReportProgress;
  summary: ReportSummary | null;
  error: string | null;
};

export type QueueLengths = { pending: number; processing: number; completed: number; failed: number; total: number };
export type QuotaSnapshot = { used: number; budget: number; reset_at: string; exhausted: boolean };
export type QueueTaskStatus = "pending" | "processing" | "completed" | "failed";

/** `queue_task_complete` on private-queue. */
export type QueueTaskComplete = {
  task_id: number;
  task_type: string;
  video_id: string | null;
  item_ids: string[];
  status: QueueTaskStatus;
  result: { updated: number; unchanged: number; not_found: number; errors: number };
  error: string | null;
};

/** `sync_complete` on private-queue: one video's fields changed from an API answer. */
export type SyncComplete = { video_id: string; task_id: number; changes: FieldChanges; sync_time: string; sandbox: boolean };

/** `sync_error` on private-queue. `retry_at` is set when the work was put off rather than failed. */
export type SyncError = { video_id: string | null; task_id: number; error: string; reason: string; retry_at: string | null };

/** `processor_status` on private-queue. */
export type ProcessorStatus = { running: boolean; queue_length: QueueLengths; backlog_assets: number; quota: QuotaSnapshot };

/** One running import on the dashboard. */
export type DashboardImport = {
  report_id: number;
  filename: string;
  status: "pending" | "processing";
  /** The step it is in (e.g. "staging"), when the import says. */
  phase: string | null;
  percentage: number;
  processed_rows: number;
  total_rows: number;
  started_at: string | null;
};

/** One recent failure: a queue task (task_id set) or an import (report_id set). */
export type DashboardError = {
  at: string;
  /** "import", or the failed task's type ("asset_enrichment", "metadata_sync", …). */
  kind: string;
  message: string;
  task_id: number | null;
  report_id: number | null;
};

/** `dashboard_state` on private-cache-dashboard: everything a wall dashboard shows, as one snapshot. */
export type DashboardState = {
  at: string;
  imports: DashboardImport[];
  queue_length: QueueLengths;
  backlog_assets: number;
  quota: QuotaSnapshot;
  last_errors: DashboardError[];
};

/** Whether `name` is one of the channels above; the auth endpoint refuses every other name. */
export function isKnownChannel(name: string): boolean {
  if (name === reportChannels.all() || name === queueChannels.all() || isDashboardChannel(name)) return true;
  // Canonical positive ids only, so "private-report-007" cannot alias report 7.
  return /^private-report-[1-9]\d{0,14}$/.test(name);
}

/** The only channels a dashboard token may subscribe to. */
export function isDashboardChannel(name: string): boolean {
  return name === dashboardChannels.main();
}
