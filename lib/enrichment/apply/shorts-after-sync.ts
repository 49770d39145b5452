import type { FieldChanges } from "@/lib/db/schema";
import { decideShort } from "@/lib/import/parse/shorts";
import { sameValue } from "./field-diff";

export const SHORTS_COLUMNS = ["is_short", "short_rule", "video_length", "time_published"] as const;

/**
 * A new length or publish time from the API moves the Shorts decision the way an import would (the same rule):
 * a video a Shorts report listed stays a Short; otherwise the length limit of its upload era decides.
 */
export function shortsAfterSync(current: Record<string, unknown>, changes: FieldChanges): FieldChanges {
  if (!("video_length" in changes) && !("time_published" in changes)) return {};
  if (current.short_rule === "shorts_report") return {};
  const length = ("video_length" in changes ? changes.video_length[1] : current.video_length) as number | null;
  const published = ("time_published" in changes ? changes.time_published[1] : current.time_published) as Date | null;
  const decision = decideShort({ videoLength: length, timePublished: published ? published.toISOString() : null });
  if (decision.isShort === null) return {};
  const derived: FieldChanges = {};
  if (!sameValue(current.is_short, decision.isShort)) derived.is_short = [current.is_short ?? null, decision.isShort];
  if (!sameValue(current.short_rule, decision.rule)) derived.short_rule = [current.short_rule ?? null, decision.rule];
  return derived;
}
