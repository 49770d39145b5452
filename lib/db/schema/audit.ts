import { bigserial, boolean, index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { keyText } from "./key-text";

/** `{ field: [old, new] }` — only fields that actually changed. */
export type FieldChanges = Record<string, [unknown, unknown]>;

// The audit trail (reference design: MetadataSync). Source kind says who changed it: a report, an API sync
// or a person; source_id names the report id, API call or user id.
export const metadataSyncs = pgTable(
  "metadata_syncs",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    videoId: keyText("video_id"),
    assetId: keyText("asset_id"),
    syncTime: timestamp("sync_time", { withTimezone: true }).notNull().defaultNow(),
    sourceKind: text("source_kind", { enum: ["report", "api", "user"] }).notNull(),
    sourceId: text("source_id"),
    userId: text("user_id"),
    changes: jsonb("changes").$type<FieldChanges>().notNull(),
    /** The values came from the local YouTube sandbox, not Google: the UI marks them. */
    sandbox: boolean("sandbox").notNull().default(false),
    /** The queue task whose API call made this change (source_kind = api). */
    taskId: integer("task_id"),
  },
  (t) => [
    index("metadata_syncs_video_time_idx").on(t.videoId, t.syncTime.desc()),
    index("metadata_syncs_asset_time_idx").on(t.assetId, t.syncTime.desc()),
    index("metadata_syncs_source_idx").on(t.sourceKind, t.sourceId),
  ],
);

export type MetadataSync = typeof metadataSyncs.$inferSelect;
export type NewMetadataSync = typeof metadataSyncs.$inferInsert;
