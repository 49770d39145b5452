import { bigint, date, integer, numeric, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { keyText } from "./key-text";

// Per-period metrics per video. Revenue is exact numeric so imported totals tie out to the file.
export const videoMetrics = pgTable(
  "video_metrics",
  {
    videoId: keyText("video_id").notNull(),
    period: date("period").notNull(),
    reportKind: text("report_kind").notNull(),
    ownedViews: bigint("owned_views", { mode: "number" }).notNull().default(0),
    partnerRevenue: numeric("partner_revenue").notNull().default("0"),
    // Content hash of the report file: re-importing the same file replaces its figures, other files add up.
    sourceHash: text("source_hash").notNull(),
    sourceReportId: integer("source_report_id"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.videoId, t.period, t.reportKind, t.sourceHash] })],
);

// Asset-level metrics for reports with no video id.
export const assetMetrics = pgTable(
  "asset_metrics",
  {
    assetId: keyText("asset_id").notNull(),
    period: date("period").notNull(),
    reportKind: text("report_kind").notNull(),
    ownedViews: bigint("owned_views", { mode: "number" }).notNull().default(0),
    partnerRevenue: numeric("partner_revenue").notNull().default("0"),
    sourceHash: text("source_hash").notNull(),
    sourceReportId: integer("source_report_id"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.assetId, t.period, t.reportKind, t.sourceHash] })],
);

// One row per quota day (Pacific) and API: units spent against the daily budget.
export const quotaLedger = pgTable(
  "quota_ledger",
  {
    day: date("day").notNull(),
    api: text("api").notNull(),
    unitsUsed: integer("units_used").notNull().default(0),
    calls: integer("calls").notNull().default(0),
    /** Earliest time the next call may start: keeps ≥ 100 ms between calls across concurrent drains. */
    nextCallAt: timestamp("next_call_at", { withTimezone: true }),
    /** Google answered quotaExceeded this day: nothing more is spent until the reset, whatever our count says. */
    exhaustedAt: timestamp("exhausted_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.day, t.api] })],
);

export type VideoMetric = typeof videoMetrics.$inferSelect;
export type QuotaLedgerRow = typeof quotaLedger.$inferSelect;
