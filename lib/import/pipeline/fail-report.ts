import type { Database } from "@/lib/db/client";
import { updateReport } from "@/lib/import/reports/report-queries";
import { clearImportScratch } from "./import-steps";

/** Marks a report failed with a reason a person can act on; scratch rows go, the catalog was never touched. */
export async function failReport(db: Database, reportId: number, reason: string, line: number | null): Promise<void> {
  await clearImportScratch(db, reportId);
  await updateReport(db, reportId, { status: "error", error: reason, errorLine: line, finishedAt: new Date() });
}
