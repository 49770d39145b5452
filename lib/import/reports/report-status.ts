import type { Report } from "@/lib/db/schema";

/** The report as clients see it (process-status, history, realtime): progress while running, summary when done. */
export function toReportStatus(report: Report) {
  return {
    id: report.id,
    key: report.key,
    filename: report.filename,
    kind: report.kind,
    status: report.status,
    size: report.size,
    exclude_shorts: report.excludeShorts,
    progress: report.progress ?? { processed_rows: 0, total_rows: 0, percentage: 0, videos_created: 0, videos_updated: 0, errors: 0 },
    summary: report.summary,
    error: report.error,
    error_line: report.errorLine,
    triggered_by: report.triggeredBy,
    created_at: report.createdAt,
    started_at: report.startedAt,
    finished_at: report.finishedAt,
  };
}

export type ReportStatusView = ReturnType<typeof toReportStatus>;
