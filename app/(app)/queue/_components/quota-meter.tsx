import type { QueuePlan } from "@/lib/enrichment/queue-contract";
import { LocalTime } from "../../reports/_components/local-time";
import { formatNumber, pacificTime, percentOf } from "./queue-format";

/** Requests spent today against the daily budget, and when the quota day resets (the viewer's time and Pacific). */
export function QuotaMeter({ quota }: { quota: QueuePlan["quota"] }) {
  const percent = percentOf(quota.used, quota.budget);
  const bar = quota.exhausted ? "bg-red-600" : percent >= 80 ? "bg-amber-500" : "bg-blue-600";
  return (
    <section aria-labelledby="quota-heading" className="space-y-2 rounded-lg border border-gray-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="quota-heading" className="text-sm font-semibold text-gray-900">
          YouTube API quota today
        </h2>
        <p data-testid="quota-used" className="text-sm tabular-nums text-gray-700">
          <span className="font-semibold text-gray-900">{formatNumber(quota.used)}</span> of {formatNumber(quota.budget)} requests
        </p>
      </div>
      <div
        role="meter"
        aria-label="Requests used today"
        aria-valuemin={0}
        aria-valuemax={quota.budget}
        aria-valuenow={quota.used}
        aria-valuetext={`${formatNumber(quota.used)} of ${formatNumber(quota.budget)} requests`}
        className="h-2.5 w-full overflow-hidden rounded-full bg-gray-200"
      >
        <div className={`h-full rounded-full transition-[width] duration-300 ${bar}`} style={{ width: `${percent}%` }} />
      </div>
      <p className="text-xs text-gray-600">
        {quota.exhausted ? (
          <span className="font-medium text-red-700">Spent for today: work waits and resumes by itself at the reset. </span>
        ) : (
          <>{formatNumber(quota.remaining)} left today. </>
        )}
        Resets <LocalTime iso={quota.reset_at} /> your time ({pacificTime(quota.reset_at)}, midnight Pacific).
      </p>
    </section>
  );
}
