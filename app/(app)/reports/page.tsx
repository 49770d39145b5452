import { requirePageUser } from "@/lib/auth/page-session";
import { getDb } from "@/lib/db/client";
import { listReportHistory } from "@/lib/import/reports/report-queries";
import { realtimeClientConfig } from "@/lib/realtime/client-config";
import { ReportsWorkspace } from "./_components/reports-workspace";
import { serializeReport } from "./_components/serialize-report";
import { HISTORY_PAGE_SIZE } from "./_components/constants";

// Import state changes all the time; a cached render would show finished imports as still running.
export const dynamic = "force-dynamic";

export const metadata = { title: "Reports" };

export default async function ReportsPage() {
  await requirePageUser();
  const history = await listReportHistory(await getDb(), { page: 1, pageSize: HISTORY_PAGE_SIZE });
  const initialHistory = { ...history, reports: history.reports.map(serializeReport) };
  return (
    <div className="mx-auto max-w-7xl space-y-6 px-4 py-6 sm:px-6">
      <header>
        <h1 className="text-2xl font-semibold text-gray-900">Reports</h1>
        <p className="text-sm text-gray-600">Upload YouTube CMS reports, import them into the catalog and follow each import.</p>
      </header>
      {/* The bucket listing is fetched in the browser: listing S3 can be slow and must not hold up the page. */}
      <ReportsWorkspace realtime={realtimeClientConfig()} initialHistory={initialHistory} />
    </div>
  );
}
