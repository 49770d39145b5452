import type { ClaimSnippet } from "@/lib/youtube/partner-types";
import { CLEAR, type Proposed } from "./field-diff";

// What claimSearch (with third-party claims) says about who claims a video. The answer is the current state, so it
// replaces what reports left.

export const OWNERSHIP_COLUMNS = ["claimed_status", "claimed_by_this_owner", "claimed_by_another_owner", "other_owners_claiming"] as const;

// Released, not yet applied, or ended in a takedown: such a claim does not claim the video now. Any other status
// (active, pending, appealed, disputed, or one we do not know) does.
const NOT_CLAIMING = new Set(["inactive", "potential", "takedown"]);

export function isClaiming(claim: ClaimSnippet): boolean {
  return !NOT_CLAIMING.has(claim.status ?? "");
}

/**
 * A video asked about and absent from the answer has no claims: claimSearch cannot tell an unclaimed video from an
 * unknown one, so "unclaimed" is the answer for a video we hold. The API does not name other owners; when someone
 * else claims the video, the names a report gave stay, and when nobody does they are cleared.
 */
export function ownershipValues(claims: readonly ClaimSnippet[]): Proposed {
  const claiming = claims.filter(isClaiming);
  const ours = claiming.some((c) => c.thirdPartyClaim !== true);
  const others = claiming.some((c) => c.thirdPartyClaim === true);
  return {
    claimed_status: claiming.length > 0 ? "claimed" : "unclaimed",
    claimed_by_this_owner: ours,
    claimed_by_another_owner: others,
    other_owners_claiming: others ? undefined : CLEAR,
  };
}
