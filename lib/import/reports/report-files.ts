import type { Database } from "@/lib/db/client";
import { listReports } from "@/lib/storage/list-reports";
import { latestReportByKey } from "./report-queries";

/** F2: the bucket listing with each file's import status (its newest report, if any). */
export async function listReportFilesWithStatus(db: Database, params: { page: number; pageSize: number; search?: string }) {
  const listing = await listReports(params);
  const reports = await latestReportByKey(db, listing.files.map((f) => f.key));
  return {
    ...listing,
    files: listing.files.map((file) => {
      const report = reports.get(file.key);
      return {
        ...file,
        import_status: report?.status ?? "not_imported",
        report_id: report?.id ?? null,
      };
    }),
  };
}
