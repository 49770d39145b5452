import { publishDashboardState } from "@/lib/dashboard/publish-dashboard-state";
import { getDb } from "@/lib/db/client";
import type { Report } from "@/lib/db/schema";
import { reportChannels, reportEvents, type ReportStatusUpdate } from "@/lib/realtime/channels";
import { publish } from "@/lib/realtime/publisher";
import { toReportStatus } from "./report-status";

/** F9 `report_status_update` on the reports channel and the report's own channel. */
export async function publishReportStatus(report: Report): Promise<void> {
  const view = toReportStatus(report);
  const payload: ReportStatusUpdate = { report_id: report.id, filename: report.filename, status: report.status, progress: view.progress, summary: view.summary, error: view.error };
  // Updates between steps are coalesced; the end of an import is always delivered at once.
  const final = !["pending", "processing"].includes(report.status);
  await Promise.all([
    publish(reportChannels.all(), reportEvents.statusUpdate, payload, { final }),
    publish(reportChannels.one(report.id), reportEvents.statusUpdate, payload, { final }),
    // The wall dashboards show running imports too (their own, slower coalescing).
    publishDashboardState(await getDb()),
  ]);
}
