import { getDb } from "@/lib/db/client";
import { adminRoute, userRoute } from "@/lib/http/handler";
import { deleteVideo } from "@/lib/videos/delete-video";
import { getVideoDetail } from "@/lib/videos/get-video";
import { parseVideoId } from "@/lib/videos/video-id";

export const GET = userRoute(async (_request, _user, params) => {
  return Response.json(await getVideoDetail(await getDb(), parseVideoId(params.videoId)));
});

// Admin only, though outside api/admin (the path is the spec's): tests/videos checks its 403 for a user.
export const DELETE = adminRoute(async (_request, admin, params) => {
  const result = await deleteVideo(await getDb(), { videoId: parseVideoId(params.videoId), userId: admin.id });
  return Response.json({ status: "deleted", ...result });
});
