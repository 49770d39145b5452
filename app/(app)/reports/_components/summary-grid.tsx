import type { ReportSummary } from "@/lib/db/schema";
import { formatCount } from "./format";

// Optional counts only exist for report kinds that produce them; "—" says "not applicable", not zero.
export function SummaryGrid({ summary }: { summary: ReportSummary }) {
  const items: [string, number | undefined, boolean?][] = [
    ["Total rows", summary.total_rows],
    ["Created", summary.created],
    ["Updated", summary.updated],
    ["Unchanged", summary.unchanged],
    ["Skipped", summary.skipped],
    ["Rejected", summary.rejected, summary.rejected > 0],
    ["Claims created", summary.claims_created],
    ["Assets created", summary.assets_created],
    ["Assets updated", summary.assets_updated],
    ["Assets queued for enrichment", summary.enrichment_queued],
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
      {items.map(([label, value, warn]) => (
        <div key={label} className="rounded-md border border-gray-200 bg-gray-50 px-3 py-2">
          <dt className="text-xs text-gray-600">{label}</dt>
          <dd className={`text-lg font-semibold tabular-nums ${warn ? "text-amber-700" : "text-gray-900"}`}>{formatCount(value)}</dd>
        </div>
      ))}
    </dl>
  );
}
