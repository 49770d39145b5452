// The contract between report parsing and the import pipeline. Everything the pipeline stages comes through here.

/** Where to resume reading a report: the byte offset (of the decompressed text) of the next unread record. */
export type Checkpoint = { byteOffset: number; line: number; headerLine: number };

export type ReportLevel = "video" | "asset";

/** A recognised report kind, e.g. `claim_raw`, `video_raw`, `asset_raw_music`, `videos_report`, `shorts_ads_summary`. */
export type ReportKind = { id: string; level: ReportLevel; label: string; isShortsReport: boolean };

export type ReportHeader = { kind: ReportKind; columns: string[]; headerLine: number };

export type RecordClaim = {
  claim_id?: string | null;
  asset_id?: string | null;
  claim_type?: string | null;
  claim_origin?: string | null;
  policy?: string | null;
  claim_status?: string | null;
};

export type RecordAsset = {
  asset_id: string;
  asset_type?: string | null;
  title?: string | null;
  custom_id?: string | null;
  isrc?: string | null;
  /** Text, leading zeros kept. */
  upc?: string | null;
  grid?: string | null;
  artist?: string | null;
  album?: string | null;
  label?: string | null;
  labels?: string[] | null;
  administer_publish_rights?: boolean | null;
  /** Normalised to `UC…`. */
  asset_channel_id?: string | null;
};

export type RecordMetrics = {
  /** First day of the month the row belongs to (`YYYY-MM-01`), or null to use the report's period. */
  period?: string | null;
  owned_views?: number | null;
  /** Exact decimal as text (never a float), e.g. "-0.000021676471". */
  partner_revenue?: string | null;
};

/**
 * One valid report row mapped to catalog fields. Absent/undefined or null = the file says nothing (keep the
 * catalog value). Video-level reports set video_id; asset-level reports set only asset (+ metrics).
 */
export type ReportRecord = {
  /** 1-based physical line of the row's first character in the decompressed file. */
  line: number;
  video_id?: string | null;
  title?: string | null;
  /** Normalised to `UC…`. */
  channel_id?: string | null;
  channel_display_name?: string | null;
  uploader?: string | null;
  category?: string | null;
  content_type?: string | null;
  /** Seconds. */
  video_length?: number | null;
  views?: number | null;
  /** ISO 8601 timestamps. */
  time_published?: string | null;
  time_uploaded?: string | null;
  privacy_status?: string | null;
  upload_source?: string | null;
  embedding_allowed?: boolean | null;
  ratings_allowed?: boolean | null;
  comments_allowed?: boolean | null;
  effective_policy?: string | null;
  custom_id?: string | null;
  isrc?: string | null;
  upc?: string | null;
  claimed_by_this_owner?: boolean | null;
  claimed_by_another_owner?: boolean | null;
  other_owners_claiming?: string | null;
  is_live_stream?: boolean | null;
  /** True when the row comes from a Shorts report (the strongest Shorts signal). */
  in_shorts_report?: boolean;
  /** `is_shorts_eligible` of the API claims report (the second Shorts signal, lib/import/shorts-rule.ts). */
  is_shorts_eligible?: boolean | null;
  claims?: RecordClaim[];
  asset?: RecordAsset | null;
  metrics?: RecordMetrics | null;
};

/** A row that failed validation: stored with its line, column and reason; the other rows still go in. */
export type RejectedRow = { line: number; column?: string | null; value?: string | null; reason: string; raw?: Record<string, string> | null };

export type ReportChunk = {
  header: ReportHeader;
  records: ReportRecord[];
  rejected: RejectedRow[];
  /** Data rows consumed in this chunk (valid + rejected). */
  rowsRead: number;
  /** Where the next chunk starts, or null at the end of the file. */
  next: Checkpoint | null;
};

/** A whole-file problem: nothing of the file may be imported. `line` is set when it points at one place. */
export type FileError = { message: string; line?: number | null };

export type ReportScan =
  | { header: ReportHeader; totalRows: number; fileError?: undefined }
  | { header?: undefined; totalRows: number; fileError: FileError };

/** Opens the report's stored bytes (maybe gzip) from the start, each time it is called. */
export type OpenBytes = () => Promise<AsyncIterable<Uint8Array>>;
