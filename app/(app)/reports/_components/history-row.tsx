"use client";
import Link from "next/link";
import { CancelButton } from "./cancel-button";
import { formatCount, formatDuration, isRunningStatus } from "./format";
import { LocalTime } from "./local-time";
import { ProgressBar } from "./progress-bar";
import { ReportProgressView } from "./report-progress";
import { StatusBadge } from "./status-badge";
import type { ReportView } from "./types";

export function HistoryRow({ report, onCancelled }: { report: ReportView; onCancelled: () => void }) {
  const running = isRunningStatus(report.status);
  const duration = formatDuration(report.started_at, report.finished_at);
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
        {report.exclude_shorts && <span className="text-xs font-normal text-gray-500">Shorts excluded</span>}
      </th>
      <td className="px-3 py-2">
        <StatusBadge status={report.status} />
      </td>
      <td className="px-3 py-2 text-gray-700">
        <Outcome report={report} />
      </td>
      <td className="px-3 py-2 text-gray-700">
        <LocalTime iso={report.started_at ?? report.created_at} />
      </td>
      <td className="px-3 py-2 text-gray-700">
        <LocalTime iso={report.finished_at} />
        {duration && <span className="block text-xs text-gray-500">took {duration}</span>}
      </td>
      <td className="px-3 py-2 text-right">
        {running && <CancelButton id={report.id} filename={report.filename} onCancelled={onCancelled} />}
      </td>
    </tr>
  );
}

function Outcome({ report }: { report: ReportView }) {
  if (isRunningStatus(report.status)) {
    return <ReportProgressView progress={report.progress} status={report.status} filename={report.filename} compact />;
  }
  if (report.status === "error") {
    return (
      <p className="max-w-sm text-xs text-red-700" title={report.error ?? undefined}>
        <span className="line-clamp-2">{report.error ?? "The import failed."}</span>
        {report.error_line != null && <span className="text-red-600"> (line {formatCount(report.error_line)})</span>}
      </p>
    );
  }
  const s = report.summary;
  if (!s) return <span className="text-xs text-gray-500">{report.status === "cancelled" ? "Stopped before finishing" : "—"}</span>;
  // A completed import keeps its bar, full, above the counts: the person who watched it run sees it reach 100%.
  return (
    <div className="space-y-1">
      {report.status === "completed" && <ProgressBar value={100} label={`Import progress of ${report.filename}`} size="sm" />}
      <p className="flex flex-wrap gap-x-3 gap-y-0.5 text-xs tabular-nums">
        <Count label="created" value={s.created} />
        <Count label="updated" value={s.updated} />
        <Count label="unchanged" value={s.unchanged} />
        <Count label="rejected" value={s.rejected} warn={s.rejected > 0} />
      </p>
    </div>
  );
}

function Count({ label, value, warn }: { label: string; value: number; warn?: boolean }) {
  return (
    <span className="whitespace-nowrap">
      <span className={`font-medium ${warn ? "text-amber-700" : "text-gray-900"}`}>{formatCount(value)}</span>{" "}
      <span className="text-gray-500">{label}</span>
    </span>
  );
}
