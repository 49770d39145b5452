import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePageUser } from "@/lib/auth/page-session";
import { getDb } from "@/lib/db/client";
import { realtimeClientConfig } from "@/lib/realtime/client-config";
import { AppError } from "@/lib/errors";
import { getVideoDetail } from "@/lib/videos/get-video";
import { isVideoId } from "@/lib/videos/video-id";
import { VideoView } from "../_components/video-view";

// Always the current state: edits and flag changes re-render it with router.refresh().
export const dynamic = "force-dynamic";

type Params = { params: Promise<{ videoId: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { videoId } = await params;
  return { title: isVideoId(videoId) ? `Video ${videoId}` : "Video" };
}

/** Session first (a client-side navigation may render only this segment), then the id, then the data. */
async function loadVideo(videoId: string) {
  const user = await requirePageUser();
  if (!isVideoId(videoId)) notFound();
  try {
    return { user, detail: await getVideoDetail(await getDb(), videoId), realtime: realtimeClientConfig() };
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

export default async function VideoPage({ params }: Params) {
  const { user, detail, realtime } = await loadVideo((await params).videoId);
  return <VideoView detail={detail} user={user} realtime={realtime} />;
}
