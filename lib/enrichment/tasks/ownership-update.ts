import type { ClaimSnippet } from "@/lib/youtube/partner-types";
import { applyVideoAnswers } from "../apply/apply-video-answers";
import { ownershipValues } from "../apply/ownership-values";
import { ENDPOINTS, type TaskContext, type TaskHandler } from "../task-types";

// A runaway pager (a token that never ends) must not spend the day's quota on one task.
export const MAX_PAGES = 100;

/**
 * Who claims up to 50 videos: claimSearch.list by video ids with third-party claims, every page (each page is a
 * call). claimSearch cannot tell an unknown video from an unclaimed one, so each video we hold gets an answer
 * (unclaimed when no claim names it); only a video missing from our catalog is not found. Claims of videos we did
 * not ask about are ignored.
 */
export const ownershipUpdate: TaskHandler = {
  type: "ownership_update",
  maxIds: 50,
  async run(ctx, ids) {
    const claims = await searchClaims(ctx, ids);
    const proposals = new Map(ids.map((id) => [id, ownershipValues(claims.filter((c) => c.videoId === id))]));
    return applyVideoAnswers(ctx, { endpoint: ENDPOINTS.claimSearchList, ids, proposals, keepNonEmpty: () => false });
  },
};

async function searchClaims(ctx: TaskContext, ids: string[]): Promise<ClaimSnippet[]> {
  const claims: ClaimSnippet[] = [];
  let pageToken: string | undefined;
  for (let page = 0; ; page++) {
    // Stopping early must not apply what was read: a video whose claims are on the unread pages would be recorded
    // as unclaimed (and lose what reports said about it), so the task fails instead.
    if (page === MAX_PAGES) {
      throw new Error(`claimSearch had more than ${MAX_PAGES} pages of claims for these ${ids.length} videos; nothing was recorded, since a partial answer would mark videos on the unread pages unclaimed.`);
    }
    const token = pageToken;
    const response = await ctx.call(ENDPOINTS.claimSearchList, () =>
      ctx.clients.partner.claimSearch.list({ videoId: ids, includeThirdPartyClaims: true, ...(token ? { pageToken: token } : {}) }),
    );
    claims.push(...(response.data.items ?? []));
    pageToken = response.data.nextPageToken ?? undefined;
    if (!pageToken) break;
  }
  return claims;
}
