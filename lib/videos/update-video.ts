import { eq, sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { metadataSyncs, videos, type FieldChanges, type Video } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { EDITABLE_FIELDS, type EditableField, type VideoEdit } from "./edit-schema";
import { editVideo } from "./edit-transaction";

const COLUMN: Record<EditableField, "title" | "notes" | "customId" | "assetId" | "artist" | "genre" | "label" | "category"> = {
  title: "title",
  notes: "notes",
  custom_id: "customId",
  asset_id: "assetId",
  artist: "artist",
  genre: "genre",
  label: "label",
  category: "category",
};

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export type UpdateResult = { video: Video; changes: FieldChanges };

/**
 * A person's edit of a video: only the fields whose value differs are written, with one audit record
 * `{field: [old, new]}` naming the person, in the same transaction. Nothing different → nothing written.
 */
export async function updateVideo(db: Database, params: { videoId: string; userId: string; edit: VideoEdit }): Promise<UpdateResult> {
  const sent = EDITABLE_FIELDS.filter((f) => params.edit[f] !== undefined);
  if (sent.length === 0) throw new AppError("bad_request", `Nothing to change: send at least one of ${EDITABLE_FIELDS.join(", ")}.`);

  return editVideo(db, params.videoId, async (tx, current) => {
    const changes: FieldChanges = {};
    const set: Partial<Record<(typeof COLUMN)[EditableField], unknown>> = {};
    for (const field of sent) {
      const next = params.edit[field] ?? null;
      const previous = current[COLUMN[field]];
      if (same(previous, next)) continue;
      changes[field] = [previous, next];
      set[COLUMN[field]] = next;
    }
    if (Object.keys(changes).length === 0) return { video: current, changes };

    // updated_at moves too: the import's re-import check (lib/import/fingerprint) then applies the next report's
    // rows to this video again instead of assuming it is as the last import left it.
    const [video] = await tx
      .update(videos)
      .set({ ...(set as Partial<Video>), updatedAt: sql`now()` })
      .where(eq(videos.videoId, params.videoId))
      .returning();
    await tx.insert(metadataSyncs).values({ videoId: params.videoId, sourceKind: "user", sourceId: params.userId, userId: params.userId, changes });
    return { video, changes };
  });
}
