import { bigint, boolean, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";

export const reportStatuses = ["pending", "processing", "completed", "error", "cancelled"] as const;
export type ReportStatus = (typeof reportStatuses)[number];

export type ReportProgress = {
  processed_rows: number;
  total_rows: number;
  percentage: number;
  videos_created: number;
  videos_updated: number;
  errors: number;
  phase?: string;
};

export type ReportSummary = {
  kind: string;
  total_rows: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  rejected: number;
  assets_created?: number;
  assets_updated?: number;
  claims_created?: number;
  /** Assets that joined the enrichment backlog (the backlog lives on the asset, not a queue row per video). */
  enrichment_queued?: number;
  change_set?: {
    new_videos: number;
    policy_changed: number;
    claim_state_changed: number;
    shorts_changed: number;
    ownership_changed: number;
    examples: Record<string, string[]>;
  };
};

export const reports = pgTable(
  "reports",
  {
    id: serial("id").primaryKey(),
    key: text("key").notNull(),
    filename: text("filename").notNull(),
    size: bigint("size", { mode: "number" }),
    etag: text("etag"),
    versionId: text("version_id"),
    contentHash: text("content_hash"),
    kind: text("kind"),
    status: text("status", { enum: reportStatuses }).notNull().default("pending"),
    excludeShorts: boolean("exclude_shorts").notNull().default(false),
    progress: jsonb("progress").$type<ReportProgress>(),
    summary: jsonb("summary").$type<ReportSummary>(),
    error: text("error"),
    errorLine: integer("error_line"),
    triggeredBy: text("triggered_by"),
    createdBy: text("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    index("reports_key_idx").on(t.key),
    index("reports_created_at_idx").on(t.createdAt.desc()),
    // The same content is never imported twice at once.
    uniqueIndex("reports_active_content_uq")
      .on(t.contentHash)
      .where(sql`status in ('pending', 'processing') and content_hash is not null`),
  ],
);

export const reportRowsRejected = pgTable(
  "report_rows_rejected",
  {
    id: serial("id").primaryKey(),
    reportId: integer("report_id").notNull(),
    line: integer("line").notNull(),
    column: text("column"),
    value: text("value"),
    reason: text("reason").notNull(),
    raw: text("raw"),
  },
  (t) => [uniqueIndex("report_rows_rejected_report_line_uq").on(t.reportId, t.line, t.column)],
);

// Webhook deliveries: one row per S3 object version so repeated notifications start one import.
export const webhookDeliveries = pgTable("webhook_deliveries", {
  objectVersion: text("object_version").primaryKey(),
  reportId: integer("report_id"),
  receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
});

export type Report = typeof reports.$inferSelect;
export type NewReport = typeof reports.$inferInsert;
export type RejectedRowRecord = typeof reportRowsRejected.$inferSelect;
