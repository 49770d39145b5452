import { and, eq } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { claims, metadataSyncs, processingQueue, videoMetrics, videos } from "@/lib/db/schema";
import { editVideo } from "./edit-transaction";
import { toVideoRecord } from "./serialize-video";

export type DeleteResult = { video_id: string; removed: { claims: number; metric_rows: number; queued_tasks: number } };

/**
 * Deletes a video with its claims, its per-period metrics and its not yet started queue tasks: a deleted video
 * leaves the catalog completely, and a later report that still lists it creates it afresh (with that report's
 * claims and figures) instead of reviving stale ones. Nothing is lost without trace: one audit record
 * `{deleted: [<video, claims and metrics as they were>, null]}` names the admin, and since audit records are not
 * tied to the video row, it stays in the video id's history.
 */
export async function deleteVideo(db: Database, params: { videoId: string; userId: string }): Promise<DeleteResult> {
  const { videoId, userId } = params;
  return editVideo(db, videoId, async (tx, current) => {
    const removedClaims = await tx.delete(claims).where(eq(claims.videoId, videoId)).returning();
    const removedMetrics = await tx.delete(videoMetrics).where(eq(videoMetrics.videoId, videoId)).returning();
    const removedTasks = await tx
      .delete(processingQueue)
      .where(and(eq(processingQueue.videoId, videoId), eq(processingQueue.status, "pending")))
      .returning({ id: processingQueue.id });
    await tx.delete(videos).where(eq(videos.videoId, videoId));

    const snapshot = {
      video: toVideoRecord(current),
      claims: removedClaims.map(({ id: _id, videoId: _v, ...claim }) => claim),
      metrics: removedMetrics.map(({ videoId: _v, ...metric }) => metric),
    };
    await tx.insert(metadataSyncs).values({ videoId, sourceKind: "user", sourceId: userId, userId, changes: { deleted: [snapshot, null] } });
    return { video_id: videoId, removed: { claims: removedClaims.length, metric_rows: removedMetrics.length, queued_tasks: removedTasks.length } };
  });
}
