import { bigint, boolean, date, index, integer, numeric, pgTable, primaryKey, smallint, text, timestamp } from "drizzle-orm/pg-core";
import { keyText } from "./key-text";

// Rows of a report being imported, validated and typed, before the set-based merge into the catalog.
// Unlogged (see migration): it is scratch space, rebuilt from the report file if the server crashes.
// One row per (record, claim): `part` 0 carries the record's metrics so sums never double count.
export const importStaging = pgTable(
  "import_staging",
  {
    reportId: integer("report_id").notNull(),
    line: integer("line").notNull(),
    part: smallint("part").notNull().default(0),
    videoId: keyText("video_id"),
    title: text("title"),
    channelId: keyText("channel_id"),
    channelName: text("channel_name"),
    uploader: text("uploader"),
    category: keyText("category"),
    contentType: text("content_type"),
    videoLength: integer("video_length"),
    views: bigint("views", { mode: "number" }),
    timePublished: timestamp("time_published", { withTimezone: true }),
    timeUploaded: timestamp("time_uploaded", { withTimezone: true }),
    privacyStatus: text("privacy_status"),
    uploadSource: text("upload_source"),
    embeddingAllowed: boolean("embedding_allowed"),
    ratingsAllowed: boolean("ratings_allowed"),
    commentsAllowed: boolean("comments_allowed"),
    effectivePolicy: keyText("effective_policy"),
    customId: keyText("custom_id"),
    isrc: keyText("isrc"),
    upc: keyText("upc"),
    claimedByThisOwner: boolean("claimed_by_this_owner"),
    claimedByAnotherOwner: boolean("claimed_by_another_owner"),
    otherOwnersClaiming: text("other_owners_claiming"),
    isLiveStream: boolean("is_live_stream"),
    inShortsReport: boolean("in_shorts_report"),
    claimId: keyText("claim_id"),
    claimAssetId: keyText("claim_asset_id"),
    claimType: text("claim_type"),
    claimOrigin: text("claim_origin"),
    claimPolicy: text("claim_policy"),
    claimStatus: text("claim_status"),
    assetId: keyText("asset_id"),
    assetType: text("asset_type"),
    assetTitle: text("asset_title"),
    assetCustomId: keyText("asset_custom_id"),
    assetIsrc: keyText("asset_isrc"),
    assetUpc: keyText("asset_upc"),
    assetGrid: text("asset_grid"),
    assetArtist: text("asset_artist"),
    assetAlbum: text("asset_album"),
    assetLabel: text("asset_label"),
    assetLabels: text("asset_labels").array(),
    assetAdministerPublishRights: boolean("asset_administer_publish_rights"),
    assetChannelId: keyText("asset_channel_id"),
    period: date("period"),
    ownedViews: bigint("owned_views", { mode: "number" }),
    partnerRevenue: numeric("partner_revenue"),
  },
  (t) => [index("import_staging_report_video_idx").on(t.reportId, t.videoId, t.line)],
);

// One row per finished import step, written in the same transaction as the step's effect, so a step that
// runs again after a crash returns its recorded result instead of applying (and counting) twice.
export const importSteps = pgTable("import_steps", {
  reportId: integer("report_id").notNull(),
  stepKey: text("step_key").notNull(),
  result: text("result").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.reportId, t.stepKey] })]);

// One row per report record, written while the file is validated: the record's line, its video id as written and
// a hash of its stored text (lib/import/parse/record-hash.ts). Unlogged scratch space like import_staging.
export const importFingerprints = pgTable("import_fingerprints", {
  reportId: integer("report_id").notNull(),
  line: integer("line").notNull(),
  videoKey: keyText("video_key"),
  rowHash: bigint("row_hash", { mode: "number" }).notNull(),
});

// Per video of a report that may change the catalog: the fingerprint of all its rows, stored into the video by the
// merge. Videos the catalog already holds as these rows left them are not listed (and not staged).
// No index: it is written once per import and only ever read by hash joins.
export const importVideoFingerprints = pgTable("import_video_fingerprints", {
  reportId: integer("report_id").notNull(),
  videoId: keyText("video_id").notNull(),
  fingerprint: text("fingerprint"),
});
