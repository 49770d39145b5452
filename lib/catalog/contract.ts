// The catalog's public contract (F10, F12), shared by the API, the export and the browser: parameter names,
// sortable fields and the columns a person can choose. Pure on purpose (browser-safe).

// Missing values count as the smallest (first ascending, last descending) and ties go by video_id in the same
// direction, so every order is total and pages never repeat or skip a video.
export const SORT_FIELDS = ["updated_at", "time_published", "views", "video_length", "title"] as const;
export type SortField = (typeof SORT_FIELDS)[number];
export const DEFAULT_SORT = "updated_at:desc";
export const SORT_DIRECTIONS = ["asc", "desc"] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

export const PER_PAGE_MAX = 100;
export const PER_PAGE_DEFAULT = 20;

/** Filters of GET /api/videos and GET /api/export (besides page, per_page, sort). */
export const FILTER_PARAMS = [
  "search", // title substring (trigram index)
  "channel_search", // channel name substring
  "video_id",
  "asset_id",
  "custom_id",
  "has_asset_id", // yes | no
  "category",
  "duration", // short (< 240 s) | medium (240–1200 s) | long (> 1200 s)
  "policy",
  "claimed_status",
  "is_short", // yes | no
  "genre",
  "has_upc", // yes | no
  "has_isrc", // yes | no
  "label",
  "updated_since", // ISO date or date-time
  "hidden", // no (default: hides hidden videos and videos of hidden channels) | yes | all
] as const;
export type FilterParam = (typeof FILTER_PARAMS)[number];

/** Allowed values of the choice filters. */
export const YES_NO = ["yes", "no"] as const;
export const DURATIONS = ["short", "medium", "long"] as const;
export const HIDDEN_OPTIONS = ["no", "yes", "all"] as const;

/** Columns of the catalog table and of the CSV export, in their default order. */
export const CATALOG_COLUMNS = [
  { key: "video_id", label: "Video ID" },
  { key: "title", label: "Title" },
  { key: "channel_name", label: "Channel" },
  { key: "channel_id", label: "Channel ID" },
  { key: "asset_id", label: "Asset ID" },
  { key: "custom_id", label: "Custom ID" },
  { key: "upc", label: "UPC" },
  { key: "isrc", label: "ISRC" },
  { key: "artist", label: "Artist" },
  { key: "genre", label: "Genre" },
  { key: "label", label: "Label" },
  { key: "category", label: "Category" },
  { key: "claimed_status", label: "Claimed" },
  { key: "effective_policy", label: "Policy" },
  { key: "is_short", label: "Short" },
  { key: "short_rule", label: "Short rule" },
  { key: "video_length", label: "Length (s)" },
  { key: "views", label: "Views" },
  { key: "privacy_status", label: "Privacy" },
  { key: "time_published", label: "Published" },
  { key: "updated_at", label: "Updated" },
  { key: "last_synced", label: "Last synced" },
  { key: "hidden", label: "Hidden" },
  { key: "administered", label: "Administered" },
  { key: "notes", label: "Notes" },
] as const;
export type CatalogColumn = (typeof CATALOG_COLUMNS)[number]["key"];
export const DEFAULT_VISIBLE_COLUMNS: CatalogColumn[] = [
  "video_id", "title", "channel_name", "asset_id", "custom_id", "claimed_status", "effective_policy", "is_short", "views", "updated_at",
];

/** One video as GET /api/videos returns it (snake_case, dates as ISO strings). */
export type CatalogVideo = {
  video_id: string;
  title: string | null;
  channel_id: string | null;
  channel_name: string | null;
  asset_id: string | null;
  custom_id: string | null;
  upc: string | null;
  isrc: string | null;
  artist: string[] | null;
  genre: string[] | null;
  label: string | null;
  category: string | null;
  claimed_status: string | null;
  effective_policy: string | null;
  is_short: boolean | null;
  short_rule: string | null;
  video_length: number | null;
  views: number | null;
  privacy_status: string | null;
  time_published: string | null;
  updated_at: string;
  hidden: boolean;
  administered: boolean;
  notes: string | null;
  /** From the latest audit record (metadata_syncs) of the video, null when it has none. */
  last_synced: string | null;
  last_changes: Record<string, [unknown, unknown]> | null;
  /** Source of the latest audit record: report | api | user. */
  last_source: "report" | "api" | "user" | null;
  /** True when the latest API data came from the local YouTube sandbox, not Google. */
  sandbox: boolean;
};

export type CatalogPage = {
  videos: CatalogVideo[];
  total: number;
  /** True when `total` is the planner's estimate (very large match sets), not an exact count. */
  total_is_estimate: boolean;
  pages: number;
  current_page: number;
  per_page: number;
};
