import type { ReportProgress, ReportSummary } from "@/lib/db/schema/reports";
// The one place channel and event names are built: server publishers and browser subscribers both import
// this, so a renamed channel can never leave one side listening to nothing. Pure on purpose (browser-safe).

/** Private channels: the app's /api/realtime/auth endpoint only signs these for signed-in users. */
export const reportChannels = {
  all: () => "private-reports",
  one: (id: number) => `private-report-${id}`,
};

export const queueChannels = {
  all: () => "private-queue",
};

export const reportEvents = {
  /** {report_id, filename, status, progress} — coalesced to a few per second, the final one always sent. */
  statusUpdate: "report_status_update",
} as const;

export const queueEvents = {
  /** {task_id, video_id, status, result} */
  taskComplete: "queue_task_complete",
  /** {running, queue_length: {pending, processing, completed, failed, total}} */
  processorStatus: "processor_status",
  /** {video_id, changes, sync_time} */
  syncComplete: "sync_complete",
  /** {video_id, error, retry_at} */
  syncError: "sync_error",
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

/** Whether `name` is one of the channels above; the auth endpoint refuses every other name. */
export function isKnownChannel(name: string): boolean {
  if (name === reportChannels.all() || name === queueChannels.all()) return true;
  // Canonical positive ids only, so "private-report-007" cannot alias report 7.
  return /^private-report-[1-9]\d{0,14}$/.test(name);
}
