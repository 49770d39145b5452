"use client";
import { TASK_STATUSES, type QueueCounts, type QueueTaskStatus } from "@/lib/enrichment/queue-contract";
import { formatNumber, STATUS_LABELS } from "./queue-format";

const ACCENT: Record<QueueTaskStatus, string> = {
  pending: "border-l-gray-400",
  processing: "border-l-blue-600",
  completed: "border-l-green-600",
  failed: "border-l-red-600",
};

/** Tasks per status (each one a filter: press to list only those) and the assets waiting in the backlog. */
export function StatusCounts({ counts, selected, onSelect }: { counts: QueueCounts | null; selected: QueueTaskStatus | null; onSelect: (status: QueueTaskStatus | null) => void }) {
  return (
    <section aria-label="Tasks by status" className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
      {TASK_STATUSES.map((status) => (
        <button
          key={status}
          type="button"
          aria-pressed={selected === status}
          onClick={() => onSelect(selected === status ? null : status)}
          className={`rounded-lg border border-l-4 border-gray-200 bg-white p-3 text-left shadow-sm hover:bg-gray-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 ${ACCENT[status]} ${selected === status ? "ring-2 ring-gray-900" : ""}`}
        >
          <span className="block text-xs font-medium text-gray-600">{STATUS_LABELS[status]}</span>
          <span data-testid={`queue-count-${status}`} className="block text-2xl font-semibold tabular-nums text-gray-900">
            {counts ? formatNumber(counts[status]) : "—"}
          </span>
        </button>
      ))}
      <div className="rounded-lg border border-l-4 border-gray-200 border-l-purple-600 bg-white p-3 shadow-sm">
        <span className="block text-xs font-medium text-gray-600" title="Assets marked by imports, enriched 50 per request, most-viewed first">
          Assets in the backlog
        </span>
        <span data-testid="queue-count-backlog" className="block text-2xl font-semibold tabular-nums text-gray-900">
          {counts ? formatNumber(counts.backlog_assets) : "—"}
        </span>
      </div>
    </section>
  );
}
