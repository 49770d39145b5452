import { claimIdsForVideo, claimSnippet } from "@/local/youtube/fake-partner";
import { videoExists } from "@/local/youtube/fake-videos";
import { thirdPartyClaimIdsForVideo } from "@/local/youtube/third-party-claims";

// Video ids picked by what the sandbox says about their claims (ours and other owners'), so the ownership_update
// tests name the situation they need instead of hard-coding ids.

export const candidates = Array.from({ length: 2000 }, (_, i) => `owners${String(i).padStart(5, "0")}`);

const statusesOf = (claimIds: string[]) => claimIds.map((c) => claimSnippet(c).status as string);
/** Statuses of our claims on the video. */
export const ours = (id: string) => statusesOf(claimIdsForVideo(id));
/** Statuses of other owners' claims, which claimSearch shows only with includeThirdPartyClaims. */
export const theirs = (id: string) => statusesOf(thirdPartyClaimIdsForVideo(id));
/** How many items claimSearch (with third-party claims) returns for the video. */
export const claimCount = (id: string) => ours(id).length + theirs(id).length;

const same = (a: string[], b: string[]) => a.length === b.length && a.every((s, i) => s === b[i]);

/** The first candidate not in `taken` for which `test` holds. */
export function pick(test: (id: string) => boolean, taken: readonly string[] = []): string {
  const id = candidates.find((c) => !taken.includes(c) && test(c));
  if (!id) throw new Error("no sandbox video fits; widen the candidates");
  return id;
}

export const only = (expected: string[]) => (statuses: string[]) => same(statuses, expected);
export const exists = videoExists;
