// Pure formatting helpers shared by the server pages and client components (unit-tested in tests/ui).

const RUNNING = new Set(["pending", "processing"]);

export function isRunningStatus(status: string): boolean {
  return RUNNING.has(status);
}

/** 1024-based, one decimal below 10 units so small differences stay visible ("1.5 MB", "120 MB"). */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes == null || !Number.isFinite(bytes) || bytes < 0) return "—";
  const units = ["B", "KB", "MB", "GB", "TB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  if (unit === 0) return `${bytes} B`;
  const rounded = value < 10 ? value.toFixed(1) : Math.round(value).toString();
  return `${rounded} ${units[unit]}`;
}

const countFormat = new Intl.NumberFormat("en-US");

export function formatCount(value: number | null | undefined): string {
  if (value == null || !Number.isFinite(value)) return "—";
  return countFormat.format(value);
}

export function formatPercent(value: number | null | undefined): string {
  return `${clampPercent(value)}%`;
}

/** Progress can briefly overshoot or be missing while an import starts; bars must stay within 0–100. */
export function clampPercent(value: number | null | undefined): number {
  if (value == null || !Number.isFinite(value)) return 0;
  return Math.min(100, Math.max(0, Math.round(value)));
}

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * "2025-03-04 14:05" — sortable and unambiguous for a team in several countries. Local time by default;
 * `utc` is for server rendering, where the browser's time zone is unknown.
 */
export function formatDateTime(iso: string | Date | null | undefined, options: { utc?: boolean } = {}): string {
  if (!iso) return "—";
  const d = typeof iso === "string" ? new Date(iso) : iso;
  if (Number.isNaN(d.getTime())) return "—";
  const [y, m, day, h, min] = options.utc
    ? [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()]
    : [d.getFullYear(), d.getMonth() + 1, d.getDate(), d.getHours(), d.getMinutes()];
  return `${y}-${pad(m)}-${pad(day)} ${pad(h)}:${pad(min)}${options.utc ? " UTC" : ""}`;
}

/** "1h 02m", "3m 07s", "12s"; null when either end is missing. */
export function formatDuration(start: string | null | undefined, end: string | null | undefined): string | null {
  if (!start || !end) return null;
  const seconds = Math.round((new Date(end).getTime() - new Date(start).getTime()) / 1000);
  if (!Number.isFinite(seconds) || seconds < 0) return null;
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (h > 0) return `${h}h ${pad(m)}m`;
  if (m > 0) return `${m}m ${pad(s)}s`;
  return `${s}s`;
}

/** "Showing 26–50 of 123" (1-based, inclusive, en dash). */
export function formatRange(page: number, pageSize: number, total: number): string {
  if (total <= 0) return "Showing 0 of 0";
  const first = Math.min((page - 1) * pageSize + 1, total);
  const last = Math.min(page * pageSize, total);
  return `Showing ${formatCount(first)}–${formatCount(last)} of ${formatCount(total)}`;
}

export function pageCount(pageSize: number, total: number): number {
  return Math.max(1, Math.ceil(total / Math.max(1, pageSize)));
}

const LABELS: Record<string, string> = {
  not_imported: "Not imported",
  pending: "Queued",
  processing: "Importing",
  completed: "Imported",
  error: "Failed",
  cancelled: "Cancelled",
};

export function statusLabel(status: string): string {
  if (LABELS[status]) return LABELS[status];
  const words = status.replace(/_/g, " ").trim();
  return words ? words[0].toUpperCase() + words.slice(1) : "Unknown";
}

export type StatusTone = "neutral" | "info" | "progress" | "success" | "danger" | "muted";

const TONES: Record<string, StatusTone> = {
  not_imported: "neutral",
  pending: "info",
  processing: "progress",
  completed: "success",
  error: "danger",
  cancelled: "muted",
};

export function statusTone(status: string): StatusTone {
  return TONES[status] ?? "neutral";
}

/** "1,200 / 5,000 rows"; before the row count is known, only what has been processed. */
export function formatRows(processed: number, total: number): string {
  return total > 0 ? `${formatCount(processed)} / ${formatCount(total)} rows` : `${formatCount(processed)} rows`;
}

/** What the bucket table says when it has no rows: loading, failed, an empty bucket, or a search without hits. */
export function bucketEmptyMessage(state: { loading: boolean; error: string | null; search: string; total: number }): string {
  if (state.loading) return "Loading files…";
  if (state.error) return "The file list is unavailable.";
  if (state.total === 0) return "No report files under reports/ yet. Upload a CMS report (.csv or .csv.gz) or drop files into the bucket.";
  if (state.search) return `No files match “${state.search}”.`;
  return "No files on this page.";
}
