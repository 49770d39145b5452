// The video attributes a report can set, with the staging column each comes from. One list drives the merge SQL,
// the change detection and the audit record, so adding a field is a one-line change.
export type MergedField = {
  /** Column in `videos` (and key in the audit record). */
  column: string;
  /** SQL expression over the staging row alias `s` giving the report's value (NULL = the report says nothing). */
  source: string;
};

export const videoFieldsFromReports: MergedField[] = [
  { column: "title", source: "s.title" },
  { column: "channel_id", source: "s.channel_id" },
  { column: "channel_name", source: "s.channel_name" },
  { column: "uploader", source: "s.uploader" },
  { column: "category", source: "s.category" },
  { column: "content_type", source: "s.content_type" },
  { column: "video_length", source: "s.video_length" },
  { column: "views", source: "s.views" },
  { column: "time_published", source: "s.time_published" },
  { column: "time_uploaded", source: "s.time_uploaded" },
  { column: "privacy_status", source: "s.privacy_status" },
  { column: "upload_source", source: "s.upload_source" },
  { column: "embedding_allowed", source: "s.embedding_allowed" },
  { column: "ratings_allowed", source: "s.ratings_allowed" },
  { column: "comments_allowed", source: "s.comments_allowed" },
  { column: "effective_policy", source: "s.effective_policy" },
  { column: "custom_id", source: "s.custom_id" },
  { column: "isrc", source: "s.isrc" },
  { column: "upc", source: "s.upc" },
  { column: "claimed_by_this_owner", source: "s.claimed_by_this_owner" },
  { column: "claimed_by_another_owner", source: "s.claimed_by_another_owner" },
  { column: "other_owners_claiming", source: "s.other_owners_claiming" },
  { column: "is_live_stream", source: "s.is_live_stream" },
  { column: "asset_id", source: "s.claim_asset_id" },
  { column: "claim_id", source: "s.claim_id" },
  { column: "claimed_status", source: "CASE WHEN s.claim_asset_id IS NOT NULL THEN 'claimed' END" },
];

/** Fields whose change counts as a change of claim state, policy, Shorts status or ownership in the change set. */
export const changeSetGroups = {
  policy_changed: ["effective_policy"],
  claim_state_changed: ["claimed_status", "claim_id", "asset_id", "claimed_by_this_owner"],
  shorts_changed: ["is_short"],
  ownership_changed: ["claimed_by_another_owner", "other_owners_claiming"],
} as const;
