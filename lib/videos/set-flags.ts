import { eq, sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { metadataSyncs, videos, type FieldChanges } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import type { VideoFlags } from "./edit-schema";
import { editVideo } from "./edit-transaction";
import type { UpdateResult } from "./update-video";

/**
 * Hidden and administered flags, audited like any edit. Marking a video administered stamps administered_at
 * (kept when it already was); clearing the flag clears the time.
 */
export async function setVideoFlags(db: Database, params: { videoId: string; userId: string; flags: VideoFlags }): Promise<UpdateResult> {
  const { hidden, administered } = params.flags;
  if (hidden === undefined && administered === undefined) throw new AppError("bad_request", "Nothing to change: send hidden and/or administered as true or false.");

  return editVideo(db, params.videoId, async (tx, current) => {
    const changes: FieldChanges = {};
    if (hidden !== undefined && hidden !== current.hidden) changes.hidden = [current.hidden, hidden];
    if (administered !== undefined && administered !== current.administered) changes.administered = [current.administered, administered];
    if (Object.keys(changes).length === 0) return { video: current, changes };

    const [video] = await tx
      .update(videos)
      .set({
        hidden: hidden ?? current.hidden,
        administered: administered ?? current.administered,
        ...(changes.administered ? { administeredAt: administered ? sql`now()` : null } : {}),
        updatedAt: sql`now()`,
      })
      .where(eq(videos.videoId, params.videoId))
      .returning();
    if (changes.administered) changes.administered_at = [current.administeredAt?.toISOString() ?? null, video.administeredAt?.toISOString() ?? null];
    await tx.insert(metadataSyncs).values({ videoId: params.videoId, sourceKind: "user", sourceId: params.userId, userId: params.userId, changes });
    return { video, changes };
  });
}
