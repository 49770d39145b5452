import type { ReportRecord } from "@/lib/import/parse";

type Claim = NonNullable<ReportRecord["claims"]>[number];
type Value = string | number | boolean | null | string[];

/** One staged row: a record, fanned out once per claim it carries (`part` 0 holds the record's metrics). */
export type StagingInput = { record: ReportRecord; claim: Claim | null; part: number };

type Column = { name: string; type: string; value: (row: StagingInput) => Value | undefined };

const v = (get: (r: ReportRecord) => Value | undefined) => (row: StagingInput) => get(row.record);
const c = (get: (claim: Claim) => Value | undefined) => (row: StagingInput) => (row.claim ? get(row.claim) : null);
const a = (get: (asset: NonNullable<ReportRecord["asset"]>) => Value | undefined) => (row: StagingInput) =>
  row.record.asset ? get(row.record.asset) : null;
const m = (get: (metrics: NonNullable<ReportRecord["metrics"]>) => Value | undefined) => (row: StagingInput) =>
  row.part === 0 && row.record.metrics ? get(row.record.metrics) : null;

// Order = the order of the unnest() arrays in the bulk insert. Types match lib/db/schema/staging.ts.
export const stagingColumns: Column[] = [
  { name: "line", type: "int4", value: (row) => row.record.line },
  { name: "part", type: "int2", value: (row) => row.part },
  { name: "video_id", type: "text", value: v((r) => r.video_id) },
  { name: "title", type: "text", value: v((r) => r.title) },
  { name: "channel_id", type: "text", value: v((r) => r.channel_id) },
  { name: "channel_name", type: "text", value: v((r) => r.channel_display_name) },
  { name: "uploader", type: "text", value: v((r) => r.uploader) },
  { name: "category", type: "text", value: v((r) => r.category) },
  { name: "content_type", type: "text", value: v((r) => r.content_type) },
  { name: "video_length", type: "int4", value: v((r) => r.video_length) },
  { name: "views", type: "int8", value: v((r) => r.views) },
  { name: "time_published", type: "timestamptz", value: v((r) => r.time_published) },
  { name: "time_uploaded", type: "timestamptz", value: v((r) => r.time_uploaded) },
  { name: "privacy_status", type: "text", value: v((r) => r.privacy_status) },
  { name: "upload_source", type: "text", value: v((r) => r.upload_source) },
  { name: "embedding_allowed", type: "bool", value: v((r) => r.embedding_allowed) },
  { name: "ratings_allowed", type: "bool", value: v((r) => r.ratings_allowed) },
  { name: "comments_allowed", type: "bool", value: v((r) => r.comments_allowed) },
  { name: "effective_policy", type: "text", value: (row) => row.record.effective_policy ?? row.claim?.policy ?? null },
  { name: "custom_id", type: "text", value: v((r) => r.custom_id) },
  { name: "isrc", type: "text", value: v((r) => r.isrc) },
  { name: "upc", type: "text", value: v((r) => r.upc) },
  { name: "claimed_by_this_owner", type: "bool", value: v((r) => r.claimed_by_this_owner) },
  { name: "claimed_by_another_owner", type: "bool", value: v((r) => r.claimed_by_another_owner) },
  { name: "other_owners_claiming", type: "text", value: v((r) => r.other_owners_claiming) },
  { name: "is_live_stream", type: "bool", value: v((r) => r.is_live_stream) },
  { name: "in_shorts_report", type: "bool", value: v((r) => r.in_shorts_report ?? false) },
  { name: "claim_id", type: "text", value: c((x) => x.claim_id) },
  { name: "claim_asset_id", type: "text", value: c((x) => x.asset_id) },
  { name: "claim_type", type: "text", value: c((x) => x.claim_type) },
  { name: "claim_origin", type: "text", value: c((x) => x.claim_origin) },
  { name: "claim_policy", type: "text", value: c((x) => x.policy) },
  { name: "claim_status", type: "text", value: c((x) => x.claim_status) },
  { name: "asset_id", type: "text", value: a((x) => x.asset_id) },
  { name: "asset_type", type: "text", value: a((x) => x.asset_type) },
  { name: "asset_title", type: "text", value: a((x) => x.title) },
  { name: "asset_custom_id", type: "text", value: a((x) => x.custom_id) },
  { name: "asset_isrc", type: "text", value: a((x) => x.isrc) },
  { name: "asset_upc", type: "text", value: a((x) => x.upc) },
  { name: "asset_grid", type: "text", value: a((x) => x.grid) },
  { name: "asset_artist", type: "text", value: a((x) => x.artist) },
  { name: "asset_album", type: "text", value: a((x) => x.album) },
  { name: "asset_label", type: "text", value: a((x) => x.label) },
  { name: "asset_labels", type: "text[]", value: a((x) => x.labels) },
  { name: "asset_administer_publish_rights", type: "bool", value: a((x) => x.administer_publish_rights) },
  { name: "asset_channel_id", type: "text", value: a((x) => x.asset_channel_id) },
  { name: "period", type: "date", value: m((x) => x.period) },
  { name: "owned_views", type: "int8", value: m((x) => x.owned_views) },
  { name: "partner_revenue", type: "numeric", value: m((x) => x.partner_revenue) },
];

/** A record fans out into one staged row per claim (at least one row). */
export function* stagingInputs(records: Iterable<ReportRecord>): Generator<StagingInput> {
  for (const record of records) {
    const claims = record.claims ?? [];
    if (claims.length === 0) yield { record, claim: null, part: 0 };
    else for (let i = 0; i < claims.length; i++) yield { record, claim: claims[i], part: i };
  }
}
