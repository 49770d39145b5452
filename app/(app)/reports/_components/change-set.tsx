import Link from "next/link";
import type { ReportSummary } from "@/lib/db/schema";
import { formatCount } from "./format";

type ChangeSetData = NonNullable<ReportSummary["change_set"]>;

// Keys match lib/import/pipeline/change-set.ts (counts and `examples` share them).
const GROUPS: { key: keyof Omit<ChangeSetData, "examples">; label: string }[] = [
  { key: "new_videos", label: "New videos" },
  { key: "policy_changed", label: "Policy changed" },
  { key: "claim_state_changed", label: "Claim state changed" },
  { key: "shorts_changed", label: "Shorts status changed" },
  { key: "ownership_changed", label: "Ownership changed" },
];

export function ChangeSet({ changeSet }: { changeSet: ChangeSetData }) {
  return (
    <ul className="divide-y divide-gray-100 text-sm">
      {GROUPS.map(({ key, label }) => {
        const count = changeSet[key] ?? 0;
        const examples = changeSet.examples?.[key] ?? [];
        return (
          <li key={key} className="flex flex-col gap-1 py-2 sm:flex-row sm:items-baseline sm:gap-4">
            <span className="w-48 shrink-0 text-gray-700">
              {label}: <span className="font-semibold tabular-nums text-gray-900">{formatCount(count)}</span>
            </span>
            {examples.length > 0 && (
              <span className="flex flex-wrap gap-x-2 gap-y-1">
                <span className="sr-only">Examples:</span>
                {examples.map((id) => (
                  <Link
                    key={id}
                    href={`/?q=${encodeURIComponent(id)}`}
                    className="font-mono text-xs text-blue-700 hover:underline focus-visible:rounded focus-visible:outline-2 focus-visible:outline-blue-600"
                  >
                    {id}
                  </Link>
                ))}
                {count > examples.length && <span className="text-xs text-gray-500">and {formatCount(count - examples.length)} more</span>}
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
