// The video page's data (F11) as GET /api/videos/{id} returns it: snake_case, times as ISO strings, revenue as
// exact decimal strings. Types only, so server code, route handlers and client components share them.
import type { Video } from "@/lib/db/schema";

type SnakeCase<S extends string> = S extends `${infer H}${infer T}`
  ? `${H extends Lowercase<H> ? H : `_${Lowercase<H>}`}${SnakeCase<T>}`
  : S;
type Jsonified<T> = T extends Date ? string : T;

/** Columns that only the import uses (re-import skipping) and that mean nothing to a person. */
export type InternalVideoColumn = "sourceFingerprint" | "sourceFingerprintAt";

/** Every column of `videos` except the import's internal ones. */
export type VideoRecord = { [K in Exclude<keyof Video, InternalVideoColumn> as SnakeCase<K>]: Jsonified<Video[K]> };

export type ClaimAsset = {
  asset_type: string | null;
  title: string | null;
  custom_id: string | null;
  isrc: string | null;
  upc: string | null;
  artist: string | null;
  label: string | null;
  administered: boolean;
};

export type VideoClaim = {
  asset_id: string;
  claim_id: string | null;
  claim_type: string | null;
  claim_origin: string | null;
  policy: string | null;
  status: string | null;
  updated_at: string;
  /** null when the asset itself is not in the catalog yet (no asset report imported for it). */
  asset: ClaimAsset | null;
};

/** One period and report kind; figures from several files of the same period add up. */
export type VideoMetricPeriod = {
  period: string;
  report_kind: string;
  owned_views: number;
  /** Exact decimal, e.g. "0.600021676472": never parsed into a float. */
  partner_revenue: string;
  files: number;
};

export type TimelineSource =
  | { kind: "report"; report_id: number | null; filename: string | null; href: string | null }
  /** `call` is the API endpoint (e.g. "videos.list"); `sandbox`: the answer came from the local sandbox, not Google. */
  | { kind: "api"; call: string | null; sandbox: boolean; task_id: number | null }
  | { kind: "user"; user_id: string | null; email: string | null; name: string | null };

export type TimelineChange = { field: string; old: unknown; new: unknown };

export type TimelineEntry = {
  /** `created` for the entry built from created_by_report_*, else `sync-<metadata_syncs.id>`. */
  id: string;
  kind: "created" | "changed" | "deleted";
  at: string;
  source: TimelineSource;
  changes: TimelineChange[];
};

export type ShortsDecisionView = { is_short: boolean | null; short_rule: string | null; reason: string };

export type VideoDetail = {
  video: VideoRecord;
  shorts: ShortsDecisionView;
  claims: VideoClaim[];
  metrics: VideoMetricPeriod[];
  /** Oldest first: "created by report N" (when known) is the first entry. */
  timeline: TimelineEntry[];
  /** Audit records of this video in all; the timeline holds at most the newest TIMELINE_LIMIT of them. */
  history_total: number;
};
