import { inngest } from "@/inngest/client";
import { importCancelled } from "@/inngest/events";
import type { Database } from "@/lib/db/client";
import type { Report } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { clearImportScratch } from "@/lib/import/pipeline/import-steps";
import { getReport, updateReport } from "./report-queries";
import { publishReportStatus } from "./publish-report-status";

/**
 * Cancels an import that has not started changing the catalog. Once it applies staged rows (each range in its
 * own transaction) stopping half-way would leave the catalog half-updated, so it is refused then.
 */
export async function cancelImport(db: Database, reportId: number): Promise<Report> {
  const report = await getReport(db, reportId);
  if (report.status !== "pending" && report.status !== "processing") {
    throw new AppError("conflict", `Report ${reportId} is ${report.status}; only pending or running imports can be cancelled.`);
  }
  if (report.progress?.phase === "applying") {
    throw new AppError("conflict", "This import is already applying its rows to the catalog and will finish in moments; it can no longer be cancelled.");
  }
  // Status first, scratch second: a step still writing staged rows checks the status after its write (see
  // run-import-step.ts), so whichever of the two finishes last removes those rows.
  await updateReport(db, reportId, {
    status: "cancelled",
    finishedAt: new Date(),
    error: "Cancelled by a user before the catalog was changed.",
    progress: report.progress ? { ...report.progress, phase: "cancelled" } : null,
  });
  await inngest.send(importCancelled.create({ reportId }));
  await clearImportScratch(db, reportId);
  const cancelled = await getReport(db, reportId);
  await publishReportStatus(cancelled);
  return cancelled;
}
