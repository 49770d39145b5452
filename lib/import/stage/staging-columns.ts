import type { ReportRecord } from "@/lib/import/parse";

type Claim = NonNullable<ReportRecord["claims"]>[number];
type Value = string | number | boolean | null | string[];

/** One staged row: a record, fanned out once per claim it carries (`part` 0 holds the record's metrics). */
export type StagingInput = { record: ReportRecord; claim: Claim | null; part: number };

export type StagingColumn = {
  name: string;
  type: string;
  value: (row: StagingInput) => Value | undefined;
  /** The mapped values it is made of (see RowMapper.fills); a column none of whose values a report has is always NULL. */
  uses?: string[];
};

// One getter per column (not a shared getter indexed by key): each stays monomorphic, which matters at 1M rows.
const v = (key: string, get: (r: ReportRecord) => Value | undefined) => ({ uses: [`record.${key}`], value: (row: StagingInput) => get(row.record) });
const c = (key: string, get: (claim: Claim) => Value | undefined) => ({
  uses: [`claim.${key}`],
  value: (row: StagingInput) => (row.claim ? get(row.claim) : null),
});
const a = (key: string, get: (asset: NonNullable<ReportRecord["asset"]>) => Value | undefined) => ({
  uses: [`asset.${key}`],
  value: (row: StagingInput) => (row.record.asset ? get(row.record.asset) : null),
});
const m = (key: string, get: (metrics: NonNullable<ReportRecord["metrics"]>) => Value | undefined) => ({
  uses: [`metrics.${key}`],
  value: (row: StagingInput) => (row.part === 0 && row.record.metrics ? get(row.record.metrics) : null),
});

// Order = the order of the unnest() arrays in the bulk insert. Types match lib/db/schema/staging.ts.
export const stagingColumns: StagingColumn[] = [
  { name: "line", type: "int4", value: (row) => row.record.line },
  { name: "part", type: "int2", value: (row) => row.part },
  { name: "video_id", type: "text", ...v("video_id", (r) => r.video_id) },
  { name: "title", type: "text", ...v("title", (r) => r.title) },
  { name: "channel_id", type: "text", ...v("channel_id", (r) => r.channel_id) },
  { name: "channel_name", type: "text", ...v("channel_display_name", (r) => r.channel_display_name) },
  { name: "uploader", type: "text", ...v("uploader", (r) => r.uploader) },
  { name: "category", type: "text", ...v("category", (r) => r.category) },
  { name: "content_type", type: "text", ...v("content_type", (r) => r.content_type) },
  { name: "video_length", type: "int4", ...v("video_length", (r) => r.video_length) },
  { name: "views", type: "int8", ...v("views", (r) => r.views) },
  { name: "time_published", type: "timestamptz", ...v("time_published", (r) => r.time_published) },
  { name: "time_uploaded", type: "timestamptz", ...v("time_uploaded", (r) => r.time_uploaded) },
  { name: "privacy_status", type: "text", ...v("privacy_status", (r) => r.privacy_status) },
  { name: "upload_source", type: "text", ...v("upload_source", (r) => r.upload_source) },
  { name: "embedding_allowed", type: "bool", ...v("embedding_allowed", (r) => r.embedding_allowed) },
  { name: "ratings_allowed", type: "bool", ...v("ratings_allowed", (r) => r.ratings_allowed) },
  { name: "comments_allowed", type: "bool", ...v("comments_allowed", (r) => r.comments_allowed) },
  {
    name: "effective_policy",
    type: "text",
    value: (row) => row.record.effective_policy ?? row.claim?.policy ?? null,
    uses: ["record.effective_policy", "claim.policy"],
  },
  { name: "custom_id", type: "text", ...v("custom_id", (r) => r.custom_id) },
  { name: "isrc", type: "text", ...v("isrc", (r) => r.isrc) },
  { name: "upc", type: "text", ...v("upc", (r) => r.upc) },
  { name: "claimed_by_this_owner", type: "bool", ...v("claimed_by_this_owner", (r) => r.claimed_by_this_owner) },
  { name: "claimed_by_another_owner", type: "bool", ...v("claimed_by_another_owner", (r) => r.claimed_by_another_owner) },
  { name: "other_owners_claiming", type: "text", ...v("other_owners_claiming", (r) => r.other_owners_claiming) },
  { name: "is_live_stream", type: "bool", ...v("is_live_stream", (r) => r.is_live_stream) },
  // The row's own Shorts verdict: true on a Shorts report's rows, is_shorts_eligible on the API claims report's, NULL
  // when the row says nothing. The merge tells the two signals apart by the report's kind (merge/shorts-sql.ts).
  { name: "in_shorts_report", type: "bool", value: (row) => row.record.in_shorts_report ?? row.record.is_shorts_eligible ?? null },
  { name: "claim_id", type: "text", ...c("claim_id", (x) => x.claim_id) },
  { name: "claim_asset_id", type: "text", ...c("asset_id", (x) => x.asset_id) },
  { name: "claim_type", type: "text", ...c("claim_type", (x) => x.claim_type) },
  { name: "claim_origin", type: "text", ...c("claim_origin", (x) => x.claim_origin) },
  { name: "claim_policy", type: "text", ...c("policy", (x) => x.policy) },
  { name: "claim_status", type: "text", ...c("claim_status", (x) => x.claim_status) },
  { name: "asset_id", type: "text", ...a("asset_id", (x) => x.asset_id) },
  { name: "asset_type", type: "text", ...a("asset_type", (x) => x.asset_type) },
  { name: "asset_title", type: "text", ...a("title", (x) => x.title) },
  { name: "asset_custom_id", type: "text", ...a("custom_id", (x) => x.custom_id) },
  { name: "asset_isrc", type: "text", ...a("isrc", (x) => x.isrc) },
  { name: "asset_upc", type: "text", ...a("upc", (x) => x.upc) },
  { name: "asset_grid", type: "text", ...a("grid", (x) => x.grid) },
  { name: "asset_artist", type: "text", ...a("artist", (x) => x.artist) },
  { name: "asset_album", type: "text", ...a("album", (x) => x.album) },
  { name: "asset_label", type: "text", ...a("label", (x) => x.label) },
  { name: "asset_labels", type: "text[]", ...a("labels", (x) => x.labels) },
  { name: "asset_administer_publish_rights", type: "bool", ...a("administer_publish_rights", (x) => x.administer_publish_rights) },
  { name: "asset_channel_id", type: "text", ...a("asset_channel_id", (x) => x.asset_channel_id) },
  { name: "period", type: "date", ...m("period", (x) => x.period) },
  { name: "owned_views", type: "int8", ...m("owned_views", (x) => x.owned_views) },
  { name: "partner_revenue", type: "numeric", ...m("partner_revenue", (x) => x.partner_revenue) },
];

/** The columns a report with these mapped values can fill; the others stay NULL without being written. */
export function stagingColumnsFilled(fills: ReadonlySet<string>): StagingColumn[] {
  return stagingColumns.filter((column) => !column.uses || column.uses.some((use) => fills.has(use)));
}

/** A record fans out into one staged row per claim (at least one row). */
export function* stagingInputs(records: Iterable<ReportRecord>): Generator<StagingInput> {
  for (const record of records) {
    const claims = record.claims ?? [];
    if (claims.length === 0) yield { record, claim: null, part: 0 };
    else for (let i = 0; i < claims.length; i++) yield { record, claim: claims[i], part: i };
  }
}
