import { eq } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { LOCK_NOT_AVAILABLE, pgErrorCode } from "@/lib/db/pg-error";
import { videos, type Video } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { lockCatalogExclusive } from "@/lib/import/merge/catalog-merge-lock";

export type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

// A merge step of a large import holds the catalog for up to ~20 s; an edit waits for it rather than failing at
// once, but not so long that the browser gives up first.
const EDIT_LOCK_WAIT_MS = 15_000;

/**
 * Runs a person's change to one video in a transaction that no import merge interleaves with, and hands it the
 * video's current row (locked). Unknown video → 404; an import holding the catalog too long → 409.
 */
export async function editVideo<T>(db: Database, videoId: string, change: (tx: Tx, current: Video) => Promise<T>): Promise<T> {
  try {
    return await db.transaction(async (tx) => {
      await lockCatalogExclusive(tx, EDIT_LOCK_WAIT_MS);
      const [current] = await tx.select().from(videos).where(eq(videos.videoId, videoId)).for("update");
      if (!current) throw videoNotFound(videoId);
      return change(tx, current);
    });
  } catch (error) {
    if (pgErrorCode(error) === LOCK_NOT_AVAILABLE) {
      throw new AppError("conflict", "An import is writing to the catalog right now, so nothing was changed. Try again in a few seconds.");
    }
    throw error;
  }
}

export function videoNotFound(videoId: string): AppError {
  return new AppError("not_found", `No video ${videoId} in the catalog: it may have been deleted, or no imported report lists it yet.`);
}
