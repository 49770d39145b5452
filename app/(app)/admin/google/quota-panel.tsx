import Link from "next/link";
import { Badge } from "@/app/_components/badge";
import { formatCount } from "@/app/(app)/reports/_components/format";
import { LocalTime } from "@/app/(app)/reports/_components/local-time";
import { ProgressBar } from "@/app/(app)/reports/_components/progress-bar";
import type { QuotaUsage } from "@/lib/enrichment/quota-ledger";

// Today's share of the daily request budget (the quota ledger), so an admin can see why enrichment waits.

export function QuotaPanel({ usage }: { usage: QuotaUsage }) {
  const percent = usage.budget > 0 ? (usage.used / usage.budget) * 100 : 100;
  const endpoints = Object.entries(usage.byEndpoint);
  return (
    <section aria-labelledby="quota-heading" className="space-y-4 rounded-lg border border-gray-200 bg-white p-5">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="quota-heading" className="text-lg font-semibold text-gray-900">API quota today</h2>
        {usage.exhausted && <Badge tone="warning">Paused until the reset</Badge>}
      </div>
      <div className="max-w-xl space-y-2">
        <p className="text-sm text-gray-800">
          <span className="text-xl font-semibold tabular-nums text-gray-900">{formatCount(usage.used)}</span> of{" "}
          {formatCount(usage.budget)} requests used ({formatCount(usage.remaining)} left) on quota day {usage.day}.
        </p>
        <ProgressBar value={percent} label="Requests used today" />
        <p className="text-sm text-gray-600">
          Resets at <LocalTime iso={usage.resetAt} /> (midnight Pacific). The budget is YOUTUBE_DAILY_QUOTA.
        </p>
      </div>
      {endpoints.length > 0 && (
        <table className="text-sm">
          <caption className="sr-only">Calls per endpoint today</caption>
          <thead>
            <tr className="text-left text-xs uppercase tracking-wide text-gray-500">
              <th scope="col" className="pr-8 font-medium">Endpoint</th>
              <th scope="col" className="text-right font-medium">Calls</th>
            </tr>
          </thead>
          <tbody>
            {endpoints.map(([endpoint, calls]) => (
              <tr key={endpoint}>
                <td className="pr-8 font-mono text-gray-800">{endpoint}</td>
                <td className="text-right tabular-nums text-gray-900">{formatCount(calls)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="text-sm text-gray-600">
        The order work runs in and the backlog are on the{" "}
        <Link href="/queue" className="font-medium text-blue-700 hover:underline">Queue page</Link>.
      </p>
    </section>
  );
}
