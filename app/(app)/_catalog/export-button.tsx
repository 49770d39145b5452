"use client";
import { Button } from "@/app/_components/button";
import { Alert } from "../reports/_components/alert";
import { ProgressBar } from "../reports/_components/progress-bar";
import { formatApproximate, formatCount } from "./catalog-format";
import { exportPercent } from "./export-stream";
import type { ExportState } from "./use-export";

export function ExportButton({ running, onExport }: { running: boolean; onExport: () => void }) {
  return (
    <Button variant="secondary" onClick={onExport} disabled={running} title="Download the current view (filters, sort, columns) as CSV">
      <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="size-4">
        <path d="M10 3a1 1 0 0 1 1 1v7.59l2.3-2.3a1 1 0 1 1 1.4 1.42l-4 4a1 1 0 0 1-1.4 0l-4-4a1 1 0 1 1 1.4-1.42L9 11.59V4a1 1 0 0 1 1-1ZM4 15a1 1 0 0 1 1 1h10a1 1 0 1 1 0 2H5a2 2 0 0 1-2-2 1 1 0 0 1 1-1Z" />
      </svg>
      Export
    </Button>
  );
}

/** Progress while an export runs (rows read against the announced total), then its outcome. */
export function ExportStatus({ state, onCancel, onDismiss }: { state: ExportState; onCancel: () => void; onDismiss: () => void }) {
  if (state.phase === "idle") return null;
  if (state.phase === "error") {
    return (
      <Alert onDismiss={onDismiss}>
        <strong className="font-semibold">The export failed.</strong> {state.message}
      </Alert>
    );
  }
  if (state.phase === "cancelled") return <Alert tone="info" onDismiss={onDismiss}>Export cancelled; nothing was saved.</Alert>;
  if (state.phase === "done") {
    return (
      <Alert tone="success" onDismiss={onDismiss}>
        Saved <span className="font-mono">{state.filename}</span> ({formatCount(state.rows)} {state.rows === 1 ? "row" : "rows"}).
      </Alert>
    );
  }
  const { rows, total, totalIsEstimate } = state.progress;
  const percent = exportPercent(state.progress);
  const of = total === null ? "" : ` of ${totalIsEstimate ? `about ${formatApproximate(total)}` : formatCount(total)}`;
  return (
    <div data-testid="catalog-export-progress" className="flex items-center gap-3 rounded-md border border-blue-200 bg-blue-50 px-3 py-2 text-sm text-blue-900">
      <div className="min-w-0 flex-1 space-y-1.5">
        <p className="tabular-nums">
          Exporting… {formatCount(rows)}
          {of} rows
        </p>
        {percent === null ? (
          <div role="progressbar" aria-label="Export progress" className="h-2.5 w-full overflow-hidden rounded-full bg-blue-100">
            <div className="h-full w-1/3 animate-pulse rounded-full bg-blue-600" />
          </div>
        ) : (
          <ProgressBar value={percent} label="Export progress" />
        )}
      </div>
      <Button variant="secondary" size="sm" onClick={onCancel}>
        Cancel
      </Button>
    </div>
  );
}
