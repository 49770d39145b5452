import { asc, count, eq } from "drizzle-orm";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageUser } from "@/lib/auth/page-session";
import { getDb } from "@/lib/db/client";
import { reportRowsRejected } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { parseId } from "@/lib/http/parse";
import { getReport } from "@/lib/import/reports/report-queries";
import { realtimeClientConfig } from "@/lib/realtime/client-config";
import { ChangeSet } from "../_components/change-set";
import { REJECTED_PREVIEW_LIMIT } from "../_components/constants";
import { ReportDetails } from "../_components/report-details";
import { LiveReport } from "../_components/live-report";
import { RejectedRowsTable } from "../_components/rejected-rows-table";
import { serializeReport } from "../_components/serialize-report";
import { SummaryGrid } from "../_components/summary-grid";
import { formatCount } from "../_components/format";

// Always read the current state: this page is re-rendered by router.refresh() when an import ends.
export const dynamic = "force-dynamic";

const card = "space-y-3 rounded-lg border border-gray-200 bg-white p-5 shadow-sm";
const h2 = "text-base font-semibold text-gray-900";

async function loadReport(id: number) {
  const db = await getDb();
  try {
    const report = await getReport(db, id);
    const where = eq(reportRowsRejected.reportId, id);
    const [rejected, [{ n }]] = await Promise.all([
      db
        .select({ line: reportRowsRejected.line, column: reportRowsRejected.column, value: reportRowsRejected.value, reason: reportRowsRejected.reason })
        .from(reportRowsRejected)
        .where(where)
        .orderBy(asc(reportRowsRejected.line), asc(reportRowsRejected.id))
        .limit(REJECTED_PREVIEW_LIMIT),
      db.select({ n: count() }).from(reportRowsRejected).where(where),
    ]);
    return { report: serializeReport(report), rejected, rejectedTotal: Number(n) };
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

/** The API's rule ("007", "1e3" or an id beyond int4 is not a report), answered as the page's 404. */
function reportId(raw: string): number {
  try {
    return parseId(raw, "The report id");
  } catch {
    notFound();
  }
}

export default async function ReportPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageUser();
  const { id: raw } = await params;
  const { report, rejected, rejectedTotal } = await loadReport(reportId(raw));
  const summary = report.summary;

  return (
    <div className="mx-auto max-w-7xl space-y-6 px-4 py-6 sm:px-6">
      <header className="space-y-1">
        <Link href="/reports" className="text-sm text-blue-700 hover:underline focus-visible:rounded focus-visible:outline-2 focus-visible:outline-blue-600">
          ← Reports
        </Link>
        <h1 className="break-all text-2xl font-semibold text-gray-900">{report.filename}</h1>
      </header>

      <section aria-label="Import status" className={card}>
        <LiveReport report={report} realtime={realtimeClientConfig()} />
        {report.error && (
          <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
            <p className="font-medium">The import failed{report.error_line != null ? ` at line ${formatCount(report.error_line)}` : ""}.</p>
            <p className="whitespace-pre-wrap">{report.error}</p>
          </div>
        )}
        <ReportDetails report={report} />
      </section>

      {summary && (
        <section aria-labelledby="summary-heading" className={card}>
          <h2 id="summary-heading" className={h2}>Summary</h2>
          <SummaryGrid summary={summary} />
        </section>
      )}

      {summary?.change_set && (
        <section aria-labelledby="changes-heading" className={card}>
          <h2 id="changes-heading" className={h2}>What changed</h2>
          <ChangeSet changeSet={summary.change_set} />
        </section>
      )}

      <section aria-labelledby="rejected-heading" className={card}>
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="rejected-heading" className={h2}>
            Rejected rows <span className="font-normal text-gray-500">({formatCount(rejectedTotal)})</span>
          </h2>
          {rejectedTotal > 0 && (
            // A plain link: the route answers with a CSV attachment, so the browser downloads it.
            <a
              href={`/api/reports/${report.id}/rejected`}
              download
              className="rounded-md border border-gray-300 bg-white px-3 py-1.5 text-sm font-medium text-gray-700 hover:bg-gray-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
            >
              Download rejected rows (CSV)
            </a>
          )}
        </div>
        {rejectedTotal === 0 ? (
          <p className="text-sm text-gray-600">No rows were rejected.</p>
        ) : (
          <>
            {rejectedTotal > rejected.length && (
              <p className="text-sm text-gray-600">
                Showing the first {formatCount(rejected.length)} of {formatCount(rejectedTotal)}; download the CSV for all of them.
              </p>
            )}
            <RejectedRowsTable rows={rejected} total={rejectedTotal} />
          </>
        )}
      </section>
    </div>
  );
}
