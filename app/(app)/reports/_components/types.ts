import type { ReportProgress, ReportSummary } from "@/lib/db/schema";

// Shapes as the browser sees them: JSON from the API (dates are ISO strings), so server props use the same.

export type ImportStatus = "not_imported" | "pending" | "processing" | "completed" | "error" | "cancelled";

/** toReportStatus() after a JSON round trip. */
export type ReportView = {
  id: number;
  key: string;
  filename: string;
  kind: string | null;
  status: string;
  size: number | null;
  exclude_shorts: boolean;
  progress: ReportProgress;
  summary: ReportSummary | null;
  error: string | null;
  error_line: number | null;
  triggered_by: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
};

export type ReportHistoryPage = { reports: ReportView[]; total: number; page: number; pageSize: number };

/** One row of GET /api/reports/s3-files. */
export type BucketFile = {
  key: string;
  filename: string;
  size: number;
  last_modified: string;
  import_status: string;
  report_id: number | null;
};

export type BucketListing = { files: BucketFile[]; count: number; total: number; page: number; pageSize: number };

/** The `report_status_update` payload (lib/import/reports/publish-report-status.ts). */
export type LiveReportUpdate = {
  report_id: number;
  filename: string;
  status: string;
  progress: ReportProgress;
  summary?: ReportSummary | null;
  error?: string | null;
};
