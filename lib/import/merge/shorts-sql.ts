import { SHORTS_180S_FROM, SHORTS_MAX_SECONDS_AFTER, SHORTS_MAX_SECONDS_BEFORE } from "@/lib/import/shorts-rule";

/**
 * The Shorts rule of lib/import/parse/shorts.ts as SQL, for the set-based merge: membership in a Shorts report
 * (now or in an earlier import) decides; else the date-aware duration rule; else what the catalog already had.
 * Yields two columns, is_short and short_rule. `old` is the prefix of the catalog's previous values
 * (`old_is_short`, `old_short_rule` on the merged row).
 */
export function shortsSqlCase(merged: string): string {
  const old = `${merged}.old_`;
  const before = `${merged}.time_published < '${SHORTS_180S_FROM}'::timestamptz`;
  return `
    CASE WHEN ${merged}.in_shorts_report THEN true
         WHEN ${old}short_rule = 'shorts_report' THEN true
         WHEN ${merged}.video_length IS NULL THEN ${old}is_short
         WHEN ${before} THEN ${merged}.video_length <= ${SHORTS_MAX_SECONDS_BEFORE}
         ELSE ${merged}.video_length <= ${SHORTS_MAX_SECONDS_AFTER} END AS is_short,
    CASE WHEN ${merged}.in_shorts_report THEN 'shorts_report'
         WHEN ${old}short_rule = 'shorts_report' THEN 'shorts_report'
         WHEN ${merged}.video_length IS NULL THEN ${old}short_rule
         WHEN ${before} THEN 'duration_60s'
         ELSE 'duration_180s' END AS short_rule`;
}
