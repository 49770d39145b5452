import { getDb } from "@/lib/db/client";
import { userRoute } from "@/lib/http/handler";
import { parseJsonBody } from "@/lib/http/parse";
import { videoFlagsSchema } from "@/lib/videos/edit-schema";
import { toVideoRecord } from "@/lib/videos/serialize-video";
import { setVideoFlags } from "@/lib/videos/set-flags";
import { parseVideoId } from "@/lib/videos/video-id";

export const POST = userRoute(async (request, user, params) => {
  const videoId = parseVideoId(params.videoId);
  const flags = await parseJsonBody(request, videoFlagsSchema);
  const { video, changes } = await setVideoFlags(await getDb(), { videoId, userId: user.id, flags });
  return Response.json({ video: toVideoRecord(video), changes });
});
