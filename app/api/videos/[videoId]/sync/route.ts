import { getDb } from "@/lib/db/client";
import { requestVideoSync } from "@/lib/enrichment/requests";
import { startDrain } from "@/lib/enrichment/start-drain";
import { z } from "zod";
import { userRoute } from "@/lib/http/handler";
import { parseQuery } from "@/lib/http/parse";
import { parseVideoId } from "@/lib/videos/video-id";

/**
 * POST /api/videos/{video_id}/sync — "Sync now": 201 with the task id and queue position when queued, 200 when an
 * open request for it was reused (and raised), 202 when its sync is already processing. `?force_refresh=true` lets the
 * asset's answer replace values that are already set (otherwise it fills only what is empty).
 */
const querySchema = z.object({ force_refresh: z.enum(["true", "false"]).optional() }).strict();

export const POST = userRoute(async (request, user, params) => {
  const videoId = parseVideoId(params.videoId);
  const { force_refresh } = parseQuery(request, querySchema);
  const sync = await requestVideoSync(await getDb(), { videoId, userId: user.id, forceRefresh: force_refresh === "true" });
  // Sent even while its sync runs: the other kinds of task for the video may have been queued just now.
  const runner = await startDrain(`sync now: ${videoId}`);
  const status = sync.already_processing ? "processing" : sync.created ? "queued" : "already_queued";
  return Response.json({ status, video_id: videoId, ...sync, runner }, { status: sync.already_processing ? 202 : sync.created ? 201 : 200 });
});
