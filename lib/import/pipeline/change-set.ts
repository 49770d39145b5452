import type { ReportSummary } from "@/lib/db/schema";
import { CHANGE_SET_EXAMPLES, type ChangeSetPart } from "@/lib/import/merge/merge-videos";

type ChangeSet = NonNullable<ReportSummary["change_set"]>;

/**
 * What changed since the previous import, summed over the merge steps' parts: new videos, and existing videos
 * whose policy, claim state, Shorts status or ownership changed, each with a few example ids.
 */
export function combineChangeSet(parts: ChangeSetPart[]): ChangeSet {
  const groups = ["new_videos", "policy_changed", "claim_state_changed", "shorts_changed", "ownership_changed"] as const;
  const total = (group: (typeof groups)[number]) => parts.reduce((n, part) => n + (part[group]?.count ?? 0), 0);
  const examples = Object.fromEntries(
    groups.map((group) => [group, parts.flatMap((part) => part[group]?.examples ?? []).sort().slice(0, CHANGE_SET_EXAMPLES)]),
  );
  return {
    new_videos: total("new_videos"),
    policy_changed: total("policy_changed"),
    claim_state_changed: total("claim_state_changed"),
    shorts_changed: total("shorts_changed"),
    ownership_changed: total("ownership_changed"),
    examples,
  };
}
