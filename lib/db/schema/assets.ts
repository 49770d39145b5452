import { sql } from "drizzle-orm";
import { bigint, boolean, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { keyText } from "./key-text";

// Content ID assets. UPC stays text: real UPCs have leading zeros and 12 or 13 digits.
export const assets = pgTable(
  "assets",
  {
    assetId: keyText("asset_id").primaryKey(),
    assetType: text("asset_type"),
    title: text("title"),
    customId: keyText("custom_id"),
    isrc: keyText("isrc"),
    upc: keyText("upc"),
    grid: text("grid"),
    artist: text("artist"),
    album: text("album"),
    label: text("label"),
    labels: text("labels").array(),
    genre: text("genre").array(),
    administerPublishRights: boolean("administer_publish_rights"),
    assetChannelId: keyText("asset_channel_id"),
    administered: boolean("administered").notNull().default(false),
    // The enrichment backlog lives on the asset (F6): one asset is claimed by many videos and the Content ID API
    // answers per asset, so an import marks assets instead of writing a queue row per video. Non-null
    // enrichment_requested_at = waiting; the drain carves batch tasks of up to 50 marked assets, most-viewed first.
    enrichmentRequestedAt: timestamp("enrichment_requested_at", { withTimezone: true }),
    enrichmentPriority: integer("enrichment_priority").notNull().default(0),
    /** Views of the most-viewed video claimed by the asset when it was marked: the backlog's order. */
    enrichmentViews: bigint("enrichment_views", { mode: "number" }),
    /** Per-item outcome of the last enrichment: ok | not_found | failed, with the task that produced it. */
    enrichmentStatus: text("enrichment_status"),
    enrichmentError: text("enrichment_error"),
    enrichmentTaskId: integer("enrichment_task_id"),
    enrichedAt: timestamp("enriched_at", { withTimezone: true }),
    /** Set when the Content ID API answered this id as an alias of another asset (merged assets). */
    mergedInto: keyText("merged_into"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("assets_custom_id_idx").on(t.customId),
    index("assets_isrc_idx").on(t.isrc),
    index("assets_upc_idx").on(t.upc),
    index("assets_enrichment_backlog_idx")
      .on(t.enrichmentPriority.desc(), t.enrichmentViews.desc().nullsLast(), t.assetId)
      .where(sql`${t.enrichmentRequestedAt} IS NOT NULL`),
  ],
);

// A video can be claimed by several assets; every claim is kept. A claim without a YouTube claim id
// (revenue reports do not carry one) is identified by (video, asset).
export const claims = pgTable(
  "claims",
  {
    id: serial("id").primaryKey(),
    videoId: keyText("video_id").notNull(),
    assetId: keyText("asset_id").notNull(),
    claimId: keyText("claim_id"),
    claimType: text("claim_type"),
    claimOrigin: text("claim_origin"),
    policy: text("policy"),
    status: text("status"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("claims_video_asset_uq").on(t.videoId, t.assetId),
    index("claims_asset_id_idx").on(t.assetId),
    index("claims_claim_id_idx").on(t.claimId),
    // Finds the claims changed since a report's rows were last merged (lib/import/fingerprint) without a scan.
    index("claims_updated_at_idx").on(t.updatedAt),
  ],
);

export type Asset = typeof assets.$inferSelect;
export type NewAsset = typeof assets.$inferInsert;
export type Claim = typeof claims.$inferSelect;
export type NewClaim = typeof claims.$inferInsert;
