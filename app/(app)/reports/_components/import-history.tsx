"use client";
import type { RealtimeClientConfig } from "@/lib/realtime/client-config";
import { Alert } from "./alert";
import { HistoryRow } from "./history-row";
import { Pagination } from "./pagination";
import type { ReportHistoryPage } from "./types";
import { useLiveReports } from "./use-live-reports";

type Props = {
  initial: ReportHistoryPage;
  realtime: RealtimeClientConfig | null;
  refreshKey: number;
  onStatusChange?: () => void;
};

export function ImportHistory({ initial, realtime, refreshKey, onStatusChange }: Props) {
  const { data, page, setPage, loading, error, refetch } = useLiveReports({ initial, realtime, refreshKey, onStatusChange });
  const th = "px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-gray-600";
  return (
    <div className="space-y-3">
      {!realtime && (
        <p className="text-xs text-gray-500">Live updates are not configured; running imports refresh every 2 seconds.</p>
      )}
      {error && (
        <Alert>
          Could not load the import history: {error}{" "}
          <button type="button" onClick={refetch} className="font-medium underline focus-visible:outline-2 focus-visible:outline-red-700">
            Try again
          </button>
        </Alert>
      )}
      <div className="overflow-x-auto rounded-lg border border-gray-200">
        <table className="min-w-full divide-y divide-gray-200 text-sm" aria-busy={loading}>
          <caption className="sr-only">Report imports, newest first</caption>
          <thead className="bg-gray-50">
            <tr>
              <th scope="col" className={th}>File</th>
              <th scope="col" className={th}>Status</th>
              <th scope="col" className={th}>Progress / result</th>
              <th scope="col" className={th}>Started</th>
              <th scope="col" className={th}>Finished</th>
              <th scope="col" className={th}>
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100 bg-white">
            {data.reports.map((report) => (
              <HistoryRow key={report.id} report={report} onCancelled={refetch} />
            ))}
            {data.reports.length === 0 && (
              <tr>
                <td colSpan={6} className="px-3 py-8 text-center text-gray-500">
                  No imports yet. Select files above and choose “Import selected”.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {data.total > 0 && (
        <Pagination label="Import history" page={page} pageSize={data.pageSize} total={data.total} onPage={setPage} disabled={loading} />
      )}
    </div>
  );
}
