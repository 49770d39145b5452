import { getDb } from "@/lib/db/client";
import { userRoute } from "@/lib/http/handler";
import { parseJsonBody } from "@/lib/http/parse";
import { videoEditSchema } from "@/lib/videos/edit-schema";
import { toVideoRecord } from "@/lib/videos/serialize-video";
import { updateVideo } from "@/lib/videos/update-video";
import { parseVideoId } from "@/lib/videos/video-id";

export const POST = userRoute(async (request, user, params) => {
  const videoId = parseVideoId(params.videoId);
  const edit = await parseJsonBody(request, videoEditSchema);
  const { video, changes } = await updateVideo(await getDb(), { videoId, userId: user.id, edit });
  return Response.json({ video: toVideoRecord(video), changes });
});
