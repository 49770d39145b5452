import type { ReportKind } from "./types";

/**
 * How each known report is recognised. `required` holds normalised header names; `a|b` accepts either (Studio
 * renamed `Total Views` to `Engaged Views` in 2025; the music "red label" files use `Month` instead of `Day`).
 * The most specific match (most required names) wins, so asset_raw_music beats asset_raw.
 */
export type KindSpec = ReportKind & {
  required: string[];
  /** Names whose presence rules the kind out (asset-level reports must not carry a video id). */
  forbidden?: string[];
  /** Rows name a claim (video × asset): they produce `claims`. */
  claimLevel: boolean;
  /** Rows carry period metrics (views, revenue) rather than lifetime metadata. */
  metrics: boolean;
};

const DATE = "day|month";
const R = "partner_revenue";

export const REPORT_KINDS: KindSpec[] = [
  { id: "claim_raw", label: "Claim raw (ads revenue)", level: "video", isShortsReport: false, claimLevel: true, metrics: true,
    required: [DATE, "country", "video_id", "channel_id", "asset_id", "asset_type", "policy", "claim_type", "claim_origin", "owned_views", R] },
  { id: "video_raw", label: "Video raw (ads revenue)", level: "video", isShortsReport: false, claimLevel: false, metrics: true,
    required: [DATE, "country", "video_id", "video_title", "video_duration_sec", "category", "channel_id", "uploader", "channel_display_name", "content_type", "policy", "owned_views", R] },
  { id: "video_summary", label: "Video summary (ads revenue, monthly)", level: "video", isShortsReport: false, claimLevel: false, metrics: true,
    required: ["video_id", "video_title", "video_duration_sec", "channel_id", "channel_display_name", "content_type", "policy", "owned_views", R] },
  { id: "asset_raw", label: "Asset raw (ads revenue)", level: "asset", isShortsReport: false, claimLevel: false, metrics: true, forbidden: ["video_id"],
    required: [DATE, "country", "asset_id", "asset_title", "asset_labels", "asset_channel_id", "asset_type", "custom_id", "owned_views", R] },
  { id: "asset_raw_music", label: "Asset raw, music (ads revenue)", level: "asset", isShortsReport: false, claimLevel: false, metrics: true, forbidden: ["video_id"],
    required: [DATE, "country", "asset_id", "asset_title", "asset_labels", "asset_channel_id", "asset_type", "custom_id", "isrc", "upc", "grid", "artist", "album", "label", "administer_publish_rights", "owned_views", R] },
  { id: "red_music_rawdata_video", label: "Subscription raw data, music videos", level: "video", isShortsReport: false, claimLevel: true, metrics: true,
    required: [DATE, "country", "video_id", "custom_id", "content_type", "video_title", "video_duration_sec", "username", "uploader", "channel_id", "claim_type", "claim_origin", "multiple_claims", "asset_id", "policy", "owned_views", R] },
  { id: "red_rawdata_video", label: "Subscription raw data, videos", level: "video", isShortsReport: false, claimLevel: true, metrics: true,
    required: [DATE, "country", "video_id", "custom_id", "content_type", "video_title", "video_duration_sec", "username", "uploader", "channel_id", "claim_type", "claim_origin", "multiple_claims", "asset_id", "policy", "owned_watchtime", R] },
  { id: "red_rawdata_asset", label: "Subscription raw data, assets", level: "asset", isShortsReport: false, claimLevel: false, metrics: true, forbidden: ["video_id"],
    required: [DATE, "country", "asset_id", "asset_labels", "asset_channel_id", "custom_id", "asset_title", "owned_watchtime", R] },
  { id: "red_music_rawdata_asset", label: "Subscription raw data, music assets", level: "asset", isShortsReport: false, claimLevel: false, metrics: true, forbidden: ["video_id"],
    required: [DATE, "country", "asset_id", "asset_labels", "asset_channel_id", "custom_id", "asset_title", "owned_views", R] },
  { id: "shorts_ads_video_summary", label: "Shorts ads video summary (monthly)", level: "video", isShortsReport: true, claimLevel: false, metrics: true,
    required: ["video_id", "video_title", "video_duration_sec", "channel_id", "content_type", "policy", "engaged_views|total_views", "net_partner_revenue_post_revshare"] },
  { id: "shorts_subscription_video_summary", label: "Shorts subscription video summary (monthly)", level: "video", isShortsReport: true, claimLevel: false, metrics: true,
    required: [DATE, "country", "video_id", "custom_id", "content_type", "video_title", "video_duration_sec", "username", "channel_id", "owned_subscription_views", R] },
  { id: "videos_report", label: "Videos report (video metadata)", level: "video", isShortsReport: false, claimLevel: true, metrics: false,
    required: ["video_id", "channel_id", "video_title", "time_published", "video_length"] },
  { id: "content_owner_basic_a4", label: "API: content owner basic (daily views)", level: "video", isShortsReport: false, claimLevel: false, metrics: true,
    required: ["date", "channel_id", "video_id", "claimed_status", "uploader_type", "live_or_on_demand", "subscribed_status", "country_code", "views"] },
  { id: "content_owner_ad_revenue_raw_a1", label: "API: ad revenue raw", level: "video", isShortsReport: false, claimLevel: false, metrics: true,
    required: ["date", "country_code", "video_id", "video_title", "video_duration_sec", "channel_id", "content_type", "policy", "owned_views", R] },
  { id: "content_owner_active_claims_a3", label: "API: active claims", level: "video", isShortsReport: false, claimLevel: true, metrics: false,
    required: ["claim_id", "asset_id", "video_id", "claim_status", "claim_type", "claim_origin"] },
];

export const KNOWN_KIND_IDS = REPORT_KINDS.map((k) => k.id);

export function kindSpec(id: string): KindSpec {
  const spec = REPORT_KINDS.find((k) => k.id === id);
  if (!spec) throw new Error(`Unknown report kind ${id}`);
  return spec;
}

/** The public part of a spec: what the pipeline stores and shows. */
export function publicKind(spec: KindSpec): ReportKind {
  return { id: spec.id, level: spec.level, label: spec.label, isShortsReport: spec.isShortsReport };
}

/** The most specific known kind whose required names are all present, or null. */
export function matchKind(names: ReadonlySet<string>): KindSpec | null {
  let best: KindSpec | null = null;
  for (const spec of REPORT_KINDS) {
    if (spec.forbidden?.some((f) => names.has(f))) continue;
    if (!spec.required.every((r) => r.split("|").some((alt) => names.has(alt)))) continue;
    if (!best || spec.required.length > best.required.length) best = spec;
  }
  return best;
}
