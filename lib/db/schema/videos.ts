import { sql } from "drizzle-orm";
import { bigint, boolean, index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { keyText } from "./key-text";

// The catalog: one row per YouTube video. Column names follow the reference design's Video.
export const videos = pgTable(
  "videos",
  {
    videoId: keyText("video_id").primaryKey(),
    title: text("title"),
    artist: text("artist").array(),
    genre: text("genre").array(),
    label: text("label"),
    channelId: keyText("channel_id"),
    channelName: text("channel_name"),
    uploader: text("uploader"),
    category: keyText("category"),
    contentType: text("content_type"),
    assetId: keyText("asset_id"),
    customId: keyText("custom_id"),
    upc: keyText("upc"),
    isrc: keyText("isrc"),
    claimId: keyText("claim_id"),
    claimedStatus: text("claimed_status"),
    claimedByThisOwner: boolean("claimed_by_this_owner"),
    claimedByAnotherOwner: boolean("claimed_by_another_owner"),
    otherOwnersClaiming: text("other_owners_claiming"),
    // The ten ad-format flags of the reference design's monetization settings.
    adDisplay: boolean("ad_display"),
    adOverlay: boolean("ad_overlay"),
    adSponsorshipCards: boolean("ad_sponsorship_cards"),
    adSkippable: boolean("ad_skippable"),
    adNonSkippable: boolean("ad_non_skippable"),
    adBumper: boolean("ad_bumper"),
    adPreroll: boolean("ad_preroll"),
    adMidroll: boolean("ad_midroll"),
    adPostroll: boolean("ad_postroll"),
    adThirdParty: boolean("ad_third_party"),
    embeddingAllowed: boolean("embedding_allowed"),
    ratingsAllowed: boolean("ratings_allowed"),
    commentsAllowed: boolean("comments_allowed"),
    privacyStatus: text("privacy_status"),
    effectivePolicy: keyText("effective_policy"),
    videoLength: integer("video_length"),
    views: bigint("views", { mode: "number" }),
    hidden: boolean("hidden").notNull().default(false),
    administered: boolean("administered").notNull().default(false),
    administeredAt: timestamp("administered_at", { withTimezone: true }),
    isShort: boolean("is_short"),
    shortRule: text("short_rule"),
    isLiveStream: boolean("is_live_stream"),
    uploadSource: text("upload_source"),
    timePublished: timestamp("time_published", { withTimezone: true }),
    timeUploaded: timestamp("time_uploaded", { withTimezone: true }),
    notes: text("notes"),
    lastSourceReportId: integer("last_source_report_id"),
    // The report whose import created this video, and when: the first entry of its timeline. A created video
    // gets no per-field audit record (it would repeat the row itself); later changes are audited as usual.
    createdByReportId: integer("created_by_report_id"),
    createdByReportAt: timestamp("created_by_report_at", { withTimezone: true }),
    // Fingerprint of the report rows last merged into this video, and the updated_at that merge left. While both
    // still hold (nobody changed the video or its claims since), the same rows again cannot change anything, so a
    // re-import skips them without parsing (lib/import/fingerprint).
    sourceFingerprint: text("source_fingerprint"),
    sourceFingerprintAt: timestamp("source_fingerprint_at", { withTimezone: true }),
    /** Last time the YouTube APIs answered for this video (changed or not); sandbox answers included. */
    apiSyncedAt: timestamp("api_synced_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  // Indexes serve the catalog's filters and sorts (F10) and nothing else: every one is maintained on each of the
  // million rows an import writes, and random-key b-trees cost about a second per million rows each. Channel-name
  // search goes through the small channels table (channels_name_trgm_idx) and then videos_channel_id_idx.
  (t) => [
    index("videos_title_trgm_idx").using("gin", sql`${t.title} gin_trgm_ops`),
    index("videos_channel_id_idx").on(t.channelId),
    index("videos_asset_id_idx").on(t.assetId),
    index("videos_custom_id_idx").on(t.customId),
    index("videos_category_idx").on(t.category),
    index("videos_policy_idx").on(t.effectivePolicy),
    index("videos_genre_idx").using("gin", t.genre),
    // The catalog's sorts (lib/catalog/catalog-sort.ts): each sortable column with video_id, NULLS FIRST. Ties are
    // common (one import gives all its videos one updated_at), and only an index that includes the tie-breaker
    // serves `ORDER BY x, video_id` without sorting the whole tie group; read backwards the same index gives
    // `DESC NULLS LAST`, so missing values sort last when descending. updated_at (the default sort) also carries
    // the two columns of the default "not hidden" filter, so a deep page (page 5,000 skips 100,000 rows) is read
    // from the index alone. Titles sort by their first 200 characters: a b-tree entry cannot exceed ~2.7 kB,
    // and an odd report with a longer title must not fail its import. The range filters (duration,
    // updated_since) use the same indexes.
    index("videos_length_idx").on(t.videoLength.asc().nullsFirst(), t.videoId),
    index("videos_time_published_idx").on(t.timePublished.asc().nullsFirst(), t.videoId),
    index("videos_updated_at_idx").on(t.updatedAt.asc().nullsFirst(), t.videoId, t.hidden, t.channelId),
    index("videos_views_idx").on(t.views.asc().nullsFirst(), t.videoId),
    index("videos_title_sort_idx").on(sql`left(${t.title}, 200) NULLS FIRST`, t.videoId),
  ],
);

export type Video = typeof videos.$inferSelect;
export type NewVideo = typeof videos.$inferInsert;
