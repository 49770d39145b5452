import { bigint, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { keyText } from "./key-text";
import { sql } from "drizzle-orm";

export const taskTypes = ["asset_enrichment", "metadata_sync", "ownership_update", "monetization_sync"] as const;
export const taskStatuses = ["pending", "processing", "completed", "failed"] as const;

export const processingQueue = pgTable(
  "processing_queue",
  {
    id: serial("id").primaryKey(),
    taskType: text("task_type", { enum: taskTypes }).notNull(),
    videoId: keyText("video_id"),
    assetId: keyText("asset_id"),
    status: text("status", { enum: taskStatuses }).notNull().default("pending"),
    priority: integer("priority").notNull().default(0),
    retryCount: integer("retry_count").notNull().default(0),
    payload: jsonb("payload").$type<Record<string, unknown>>(),
    result: jsonb("result").$type<Record<string, unknown>>(),
    errorMessage: text("error_message"),
    sourceReportId: integer("source_report_id"),
    /** The ids one API call covers (≤ 50): video ids, or asset ids for asset_enrichment. video_id/asset_id name a single item. */
    itemIds: text("item_ids").array(),
    /** Who asked: a user id, `backlog` (carved from the asset backlog) or `report:<id>`. */
    requestedBy: text("requested_by"),
    /** Most-viewed first within a priority: the highest view count among the task's videos. */
    orderViews: bigint("order_views", { mode: "number" }),
    /** Not before this time: backoff after a rate limit or 5xx, or the next quota day. */
    runAfter: timestamp("run_after", { withTimezone: true }),
    startedAt: timestamp("started_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
  },
  (t) => [
    index("processing_queue_status_priority_idx").on(t.status, t.priority.desc(), t.createdAt),
    index("processing_queue_video_idx").on(t.videoId),
    // The drain's pick: pending work by priority, then most-viewed first.
    index("processing_queue_pending_order_idx")
      .on(t.priority.desc(), t.orderViews.desc().nullsLast(), t.id)
      .where(sql`status = 'pending'`),
    // At most one open task of a kind per video: re-imports must not pile up duplicates.
    uniqueIndex("processing_queue_open_task_uq")
      .on(t.taskType, t.videoId)
      .where(sql`status in ('pending', 'processing')`),
  ],
);

export type QueueTask = typeof processingQueue.$inferSelect;
export type NewQueueTask = typeof processingQueue.$inferInsert;
