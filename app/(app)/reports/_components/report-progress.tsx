import type { ReportProgress } from "@/lib/db/schema";
import { formatPercent, formatRows } from "./format";
import { ProgressBar } from "./progress-bar";

/** Bar + "42% · 1,200 / 5,000 rows · parsing" for a pending or running import. */
export function ReportProgressView({ progress, status, filename, compact }: { progress: ReportProgress; status: string; filename: string; compact?: boolean }) {
  const waiting = status === "pending" && !progress.processed_rows;
  return (
    <div className={compact ? "min-w-40 space-y-1" : "space-y-2"}>
      <ProgressBar value={progress.percentage} label={`Import progress of ${filename}`} size={compact ? "sm" : "md"} />
      <p className="text-xs text-gray-600 tabular-nums">
        {waiting ? (
          "Waiting to start…"
        ) : (
          <>
            <span className="font-medium text-gray-800">{formatPercent(progress.percentage)}</span>
            {" · "}
            {formatRows(progress.processed_rows, progress.total_rows)}
            {progress.phase && <> · {progress.phase}</>}
          </>
        )}
      </p>
    </div>
  );
}
