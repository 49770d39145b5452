import { index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";

export const taskTypes = ["asset_enrichment", "metadata_sync", "ownership_update", "monetization_sync"] as const;
export const taskStatuses = ["pending", "processing", "completed", "failed"] as const;

export const processingQueue = pgTable(
  "processing_queue",
  {
    id: serial("id").primaryKey(),
    taskType: text("task_type", { enum: taskTypes }).notNull(),
    videoId: text("video_id"),
    assetId: text("asset_id"),
    status: text("status", { enum: taskStatuses }).notNull().default("pending"),
    priority: integer("priority").notNull().default(0),
    retryCount: integer("retry_count").notNull().default(0),
    payload: jsonb("payload").$type<Record<string, unknown>>(),
    result: jsonb("result").$type<Record<string, unknown>>(),
    errorMessage: text("error_message"),
    sourceReportId: integer("source_report_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
  },
  (t) => [
    index("processing_queue_status_priority_idx").on(t.status, t.priority.desc(), t.createdAt),
    index("processing_queue_video_idx").on(t.videoId),
    // At most one open task of a kind per video: re-imports must not pile up duplicates.
    uniqueIndex("processing_queue_open_task_uq")
      .on(t.taskType, t.videoId)
      .where(sql`status in ('pending', 'processing')`),
  ],
);

export type QueueTask = typeof processingQueue.$inferSelect;
export type NewQueueTask = typeof processingQueue.$inferInsert;
