import type { Database } from "@/lib/db/client";
import { metadataSyncs, type FieldChanges, type MetadataSync } from "@/lib/db/schema";

// Admin changes that are not about one video or asset go into the same audit trail (metadata_syncs) as every
// other change: source_kind 'user' with the person in user_id, video_id and asset_id empty, and source_id naming
// what was changed. Video timelines select by video_id, so these records never appear in one.

/** source_id of a channel's audit records: `channel:UC…` (found through metadata_syncs_source_idx). */
export const channelAuditSource = (channelId: string) => `channel:${channelId}`;

/** source_id of the record a database clear leaves behind; the clear keeps earlier ones. */
export const CLEAR_DATABASE_SOURCE = "clear-database";

export async function recordAdminChange(
  db: Pick<Database, "insert">,
  entry: { userId: string; sourceId: string; changes: FieldChanges },
): Promise<MetadataSync> {
  const [row] = await db
    .insert(metadataSyncs)
    .values({ sourceKind: "user", sourceId: entry.sourceId, userId: entry.userId, changes: entry.changes })
    .returning();
  return row;
}
