import { assetId, bool, channelId, integer, text, timestamp, videoId } from "./field-values";
import type { RecordClaim } from "./types";

// Which normalised header names feed which record field. The first name present in a file wins.

export type Parse = (raw: string) => unknown;

const upc = (raw: string) => (raw.trim() === "" ? null : raw.trim()); // text: leading zeros matter

/** Video-level fields: [record key, header names (first present wins), parser]. */
export const VIDEO_FIELDS: [string, string[], Parse][] = [
  ["video_id", ["video_id"], videoId],
  ["title", ["video_title", "title"], text],
  ["channel_id", ["channel_id"], channelId],
  ["channel_display_name", ["channel_display_name"], text],
  ["uploader", ["uploader"], text],
  ["category", ["category"], text],
  ["content_type", ["content_type"], text],
  ["video_length", ["video_duration_sec", "video_length"], integer],
  ["time_published", ["time_published"], timestamp],
  ["time_uploaded", ["time_uploaded"], timestamp],
  ["privacy_status", ["privacy_status", "video_privacy_status"], text],
  ["upload_source", ["upload_source"], text],
  ["embedding_allowed", ["embedding_allowed"], bool],
  ["ratings_allowed", ["ratings_allowed"], bool],
  ["comments_allowed", ["comments_allowed"], bool],
  ["effective_policy", ["effective_policy"], text],
  ["custom_id", ["custom_id"], text],
  ["isrc", ["isrc"], text],
  ["upc", ["upc"], upc],
  ["claimed_by_this_owner", ["claimed_by_this_owner"], bool],
  ["claimed_by_another_owner", ["claimed_by_another_owner"], bool],
  ["other_owners_claiming", ["other_owners_claiming"], text],
  ["is_live_stream", ["is_live_stream"], bool],
  ["is_shorts_eligible", ["is_shorts_eligible"], bool],
];

/** Asset-level fields (reports without a video id). */
export const ASSET_FIELDS: [string, string[], Parse][] = [
  ["asset_id", ["asset_id"], assetId],
  ["asset_type", ["asset_type"], text],
  ["title", ["asset_title"], text],
  ["custom_id", ["custom_id"], text],
  ["isrc", ["isrc"], text],
  ["upc", ["upc"], upc],
  ["grid", ["grid"], text],
  ["artist", ["artist"], text],
  ["album", ["album"], text],
  ["label", ["label", "record_label"], text],
  ["administer_publish_rights", ["administer_publish_rights"], bool],
  ["asset_channel_id", ["asset_channel_id"], channelId],
];

export const CLAIM_FIELDS: [keyof RecordClaim, string[], Parse][] = [
  ["claim_id", ["claim_id"], text],
  ["claim_type", ["claim_type"], text],
  ["claim_origin", ["claim_origin"], text],
  ["policy", ["policy"], text],
  ["claim_status", ["claim_status"], text],
];

