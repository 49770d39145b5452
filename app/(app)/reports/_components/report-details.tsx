import type { ReactNode } from "react";
import { formatBytes, formatDuration } from "./format";
import { LocalTime } from "./local-time";
import type { ReportView } from "./types";

/** The report's facts: where it came from, what kind it is, and when it ran. */
export function ReportDetails({ report }: { report: ReportView }) {
  const duration = formatDuration(report.started_at, report.finished_at);
  const rows: [string, ReactNode][] = [
    ["Key", <span key="k" className="break-all font-mono text-xs">{report.key}</span>],
    ["Kind", report.kind ?? "Not detected yet"],
    ["Size", formatBytes(report.size)],
    ["Shorts", report.exclude_shorts ? "Excluded" : "Included"],
    ["Triggered by", report.triggered_by ?? "—"],
    ["Queued", <LocalTime key="q" iso={report.created_at} />],
    ["Started", <LocalTime key="s" iso={report.started_at} />],
    ["Finished", <LocalTime key="f" iso={report.finished_at} />],
    ["Duration", duration ?? "—"],
  ];
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2 lg:grid-cols-3">
      {rows.map(([label, value]) => (
        <div key={label} className="flex gap-2">
          <dt className="w-28 shrink-0 text-gray-600">{label}</dt>
          <dd className="min-w-0 text-gray-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
