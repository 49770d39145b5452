import {
  DURATION_RULE_STRENGTH,
  SHORTS_180S_FROM,
  SHORTS_MAX_SECONDS_AFTER,
  SHORTS_MAX_SECONDS_BEFORE,
  SHORTS_RULE_STRENGTH,
  reportShortsSignal,
  type ReportShortsSignal,
} from "@/lib/import/shorts-rule";

/** SQL: the strength (lib/import/shorts-rule.ts) of the rule in a text expression; 0 for none or an unknown one. */
export function shortsRuleStrengthSql(rule: string): string {
  const whens = Object.entries(SHORTS_RULE_STRENGTH).map(([name, strength]) => `WHEN '${name}' THEN ${strength}`).join(" ");
  return `(CASE ${rule} ${whens} ELSE 0 END)`;
}

/**
 * The signal a staged row of this report kind carries: when it has one, which, and its verdict. The staged flag
 * `in_shorts_report` is a Shorts report's membership or the API claims report's is_shorts_eligible; the kind says
 * which (a kind with neither is treated as a possible Shorts report, so staged rows flagged without a report count).
 */
function rowSignalSql(merged: string, kind: string | null): { present: string; rule: ReportShortsSignal; isShort: string } {
  const flag = `${merged}.in_shorts_report`;
  switch (reportShortsSignal(kind)) {
    case "long_form_revenue":
      return { present: "true", rule: "long_form_revenue", isShort: "false" };
    case "shorts_eligible":
      return { present: `${flag} IS NOT NULL`, rule: "shorts_eligible", isShort: flag };
    default:
      return { present: `${flag} IS TRUE`, rule: "shorts_report", isShort: "true" };
  }
}

/**
 * The Shorts rule of lib/import/parse/shorts.ts (decideShort) as SQL, for the set-based merge: the row's own signal
 * when at least as strong as the one the catalog holds (a newer verdict of the same signal wins); else the
 * catalog's signal when it is stronger than the duration rule; else the date-aware duration rule on the merged
 * length; else (no length) what the catalog already had. The strength of the stored rule is derived from its name,
 * so no column or migration holds it. Yields two columns, is_short and short_rule. `old` is the prefix of the
 * catalog's previous values (`old_is_short`, `old_short_rule` on the merged row).
 */
export function shortsSqlCase(merged: string, kind: string | null): string {
  const old = `${merged}.old_`;
  const signal = rowSignalSql(merged, kind);
  const oldStrength = shortsRuleStrengthSql(`${old}short_rule`);
  const before = `${merged}.time_published < '${SHORTS_180S_FROM}'::timestamptz`;
  const decide = (fromSignal: string, fromOld: string, durationBefore: string, durationAfter: string) => `
    CASE WHEN ${signal.present} AND ${SHORTS_RULE_STRENGTH[signal.rule]} >= ${oldStrength} THEN ${fromSignal}
         WHEN ${oldStrength} > ${DURATION_RULE_STRENGTH} THEN ${fromOld}
         WHEN ${merged}.video_length IS NULL THEN ${fromOld}
         WHEN ${before} THEN ${durationBefore}
         ELSE ${durationAfter} END`;
  const length = `${merged}.video_length`;
  return `${decide(signal.isShort, `${old}is_short`, `${length} <= ${SHORTS_MAX_SECONDS_BEFORE}`, `${length} <= ${SHORTS_MAX_SECONDS_AFTER}`)} AS is_short,
    ${decide(`'${signal.rule}'`, `${old}short_rule`, "'duration_60s'", "'duration_180s'")} AS short_rule`;
}
