// Pure display helpers for the video page (unit-tested in tests/videos/format-value.test.ts).
import { CATALOG_COLUMNS } from "@/lib/catalog/contract";

const EXTRA_LABELS: Record<string, string> = {
  title: "Title",
  notes: "Notes",
  uploader: "Uploader",
  content_type: "Content type",
  claim_id: "Claim ID",
  claimed_by_this_owner: "Claimed by this owner",
  claimed_by_another_owner: "Claimed by another owner",
  other_owners_claiming: "Other owners claiming",
  embedding_allowed: "Embedding allowed",
  ratings_allowed: "Ratings allowed",
  comments_allowed: "Comments allowed",
  is_live_stream: "Live stream",
  upload_source: "Upload source",
  time_uploaded: "Uploaded",
  administered_at: "Administered since",
  short_rule: "Shorts rule",
  is_short: "Short",
  video_length: "Length",
  deleted: "Deleted",
};
const LABELS: Record<string, string> = { ...Object.fromEntries(CATALOG_COLUMNS.map((c) => [c.key, c.label])), ...EXTRA_LABELS };

/** "custom_id" → "Custom ID"; unknown fields fall back to their words. */
export function fieldLabel(field: string): string {
  if (LABELS[field]) return LABELS[field];
  const words = field.replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const count = new Intl.NumberFormat("en-US");

/**
 * An exact decimal string with thousands separators, digit for digit: "12345678901234.123456789013" →
 * "12,345,678,901,234.123456789013". Trailing zeros past two decimals are dropped ("1.250000" → "1.25").
 */
export function formatDecimal(value: string): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (!match) return value;
  const [, sign, whole, fraction = ""] = match;
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const trimmed = fraction.replace(/0+$/, "").padEnd(2, "0");
  return `${sign}${grouped}.${trimmed}`;
}

/** "3:33" or "1:02:05" for a length in seconds. */
export function formatLength(seconds: number | null): string {
  if (seconds == null) return "—";
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}

/** Any stored value as short text: empty values say so, lists join, booleans read Yes/No. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined || value === "") return "(empty)";
  if (Array.isArray(value)) return value.length === 0 ? "(empty)" : value.map((v) => formatValue(v)).join(", ");
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "number") return count.format(value);
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}
