import { classifyYouTubeError } from "@/lib/youtube/api-errors";
import type { VideoAdvertisingOption } from "@/lib/youtube/partner-types";
import { adOptionValues } from "../apply/ad-option-values";
import { applyVideoAnswers } from "../apply/apply-video-answers";
import type { Proposed } from "../apply/field-diff";
import { ENDPOINTS, type TaskContext, type TaskHandler } from "../task-types";

/**
 * Ad settings from videoAdvertisingOptions.get, which the API offers per video only: one call per video. Tasks
 * carry at most 10 videos: when a call meets the daily quota or a rate limit the whole task runs again later, and
 * the calls it already made are spent again, so a small task wastes little (and still finishes in about a second
 * at 100 ms between calls).
 */
export const monetizationSync: TaskHandler = {
  type: "monetization_sync",
  maxIds: 10,
  async run(ctx, ids) {
    const proposals = new Map<string, Proposed>();
    for (const id of new Set(ids)) {
      const option = await advertisingOptions(ctx, id);
      if (option) proposals.set(id, adOptionValues(option));
    }
    return applyVideoAnswers(ctx, { endpoint: ENDPOINTS.videoAdvertisingOptionsGet, ids, proposals, keepNonEmpty: () => false });
  },
};

/** The video's options, or undefined when Google does not know the video (404). Every other failure propagates. */
async function advertisingOptions(ctx: TaskContext, videoId: string): Promise<VideoAdvertisingOption | undefined> {
  try {
    const response = await ctx.call(ENDPOINTS.videoAdvertisingOptionsGet, () => ctx.clients.partner.videoAdvertisingOptions.get({ videoId }));
    return response.data;
  } catch (error) {
    if (classifyYouTubeError(error).kind === "not_found") return undefined;
    throw error;
  }
}
