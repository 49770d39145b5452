import type { Report } from "@/lib/db/schema";
import { toReportStatus } from "@/lib/import/reports/report-status";
import type { ReportView } from "./types";

/** Server → client props in exactly the shape the JSON API returns, so client code handles one shape. */
export function serializeReport(report: Report): ReportView {
  const view = toReportStatus(report);
  return {
    ...view,
    created_at: view.created_at.toISOString(),
    started_at: view.started_at?.toISOString() ?? null,
    finished_at: view.finished_at?.toISOString() ?? null,
  };
}
