import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/app/_components/empty-state";
import { formatCount, formatDuration, formatPercent } from "@/app/(app)/reports/_components/format";
import { LocalTime } from "@/app/(app)/reports/_components/local-time";
import { StatusBadge } from "@/app/(app)/reports/_components/status-badge";
import { listParamsFromUrl } from "@/lib/admin/pagination";
import { listProcessingHistory, type HistoryEntry } from "@/lib/admin/processing-history";
import { requirePageAdmin } from "@/lib/auth/page-session";
import { getDb } from "@/lib/db/client";
import { AdminShell } from "../_components/admin-shell";
import { PageLinks } from "../_components/page-links";

export const metadata: Metadata = { title: "Admin · Processing history" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminHistoryPage({ searchParams }: Props) {
  await requirePageAdmin();
  const { page, perPage } = listParamsFromUrl(await searchParams, 50);
  const history = await listProcessingHistory(await getDb(), { page, pageSize: perPage });
  const pages = Math.max(1, Math.ceil(history.total / perPage));
  const th = "px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-gray-600";
  return (
    <AdminShell current="history" description="Every import, newest first: who started it, how it ended and how long it took. Open one for its details.">
      <section aria-labelledby="history-heading" className="space-y-4">
        <h2 id="history-heading" className="text-lg font-semibold text-gray-900">
          Imports <span className="text-sm font-normal text-gray-500">({formatCount(history.total)})</span>
        </h2>
        {history.total === 0 ? (
          <EmptyState title="No imports yet" action={{ href: "/reports", label: "Go to Reports" }}>
            Imports started from the Reports page or by the S3 webhook are listed here.
          </EmptyState>
        ) : (
          <>
            <div className="overflow-x-auto rounded-lg border border-gray-200">
              <table className="min-w-full divide-y divide-gray-200 text-sm">
                <caption className="sr-only">Report imports, newest first</caption>
                <thead className="bg-gray-50">
                  <tr>
                    <th scope="col" className={th}>Report</th>
                    <th scope="col" className={th}>Status</th>
                    <th scope="col" className={`${th} text-right`}>Rows</th>
                    <th scope="col" className={th}>Result</th>
                    <th scope="col" className={th}>Started by</th>
                    <th scope="col" className={th}>Started</th>
                    <th scope="col" className={th}>Duration</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-gray-100 bg-white">
                  {history.reports.map((report) => (
                    <HistoryRow key={report.id} report={report} />
                  ))}
                </tbody>
              </table>
            </div>
            <PageLinks label="Imports" path="/admin/history" page={page} pages={pages} perPage={perPage} total={history.total} />
          </>
        )}
      </section>
    </AdminShell>
  );
}

function HistoryRow({ report }: { report: HistoryEntry }) {
  const started = report.startedAt?.toISOString() ?? null;
  const duration = formatDuration(started, report.finishedAt?.toISOString() ?? null);
  const rows = report.summary?.total_rows ?? report.progress?.total_rows;
  return (
    <tr className="align-top hover:bg-gray-50">
      <th scope="row" className="max-w-xs px-3 py-2 text-left font-medium">
        <Link
          href={`/reports/${report.id}`}
          title={report.key}
          className="block truncate text-blue-700 hover:underline focus-visible:rounded focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
        >
          {report.filename}
        </Link>
        <span className="text-xs font-normal text-gray-500">
          #{report.id}
          {report.kind ? ` · ${report.kind}` : ""}
        </span>
      </th>
      <td className="px-3 py-2">
        <StatusBadge status={report.status} />
      </td>
      <td className="px-3 py-2 text-right tabular-nums text-gray-700">{formatCount(rows)}</td>
      <td className="px-3 py-2 text-xs text-gray-700">
        <Result report={report} />
      </td>
      <td className="px-3 py-2 text-gray-700">{report.triggeredByLabel}</td>
      <td className="px-3 py-2 text-gray-700">
        <LocalTime iso={started ?? report.createdAt.toISOString()} />
      </td>
      <td className="px-3 py-2 tabular-nums text-gray-700">{duration ?? "—"}</td>
    </tr>
  );
}

function Result({ report }: { report: HistoryEntry }) {
  if (report.status === "error") return <span className="line-clamp-2 max-w-sm text-red-700" title={report.error ?? undefined}>{report.error ?? "Failed"}</span>;
  if (report.status === "pending" || report.status === "processing") {
    return <span className="tabular-nums text-gray-700">{formatPercent(report.progress?.percentage)} done</span>;
  }
  const s = report.summary;
  if (!s) return <span className="text-gray-500">{report.status === "cancelled" ? "Stopped before finishing" : "—"}</span>;
  const parts: [string, number][] = [["created", s.created], ["updated", s.updated], ["unchanged", s.unchanged], ["rejected", s.rejected]];
  return (
    <span className="flex flex-wrap gap-x-3 tabular-nums">
      {parts.map(([label, value]) => (
        <span key={label} className="whitespace-nowrap">
          <span className={`font-medium ${label === "rejected" && value > 0 ? "text-amber-700" : "text-gray-900"}`}>{formatCount(value)}</span>{" "}
          <span className="text-gray-500">{label}</span>
        </span>
      ))}
    </span>
  );
}
