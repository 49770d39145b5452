// YouTube's Shorts length limit: 60 s for uploads before 2024-10-15, 180 s (square or vertical) from that day.
export const SHORTS_180S_FROM = "2024-10-15";
export const SHORTS_MAX_SECONDS_BEFORE = 60;
export const SHORTS_MAX_SECONDS_AFTER = 180;

/**
 * The signals that decide whether a video is a Short, under the names videos.short_rule stores, with their
 * strength (REPORT-FORMATS.md, "Shorts"): a decision only gives way to a signal at least as strong, so the
 * result does not depend on the order reports arrive in. The two duration rules are one signal (the length limit
 * of the upload's era) and the weakest: reports carry no aspect ratio, so a 45 s landscape teaser passes it.
 * Strengths live only here and in the SQL built from them (lib/import/merge/shorts-sql.ts): no column holds them.
 */
export const SHORTS_RULE_STRENGTH = {
  shorts_report: 4,
  shorts_eligible: 3,
  long_form_revenue: 2,
  duration_60s: 1,
  duration_180s: 1,
} as const;

export type ShortsRule = keyof typeof SHORTS_RULE_STRENGTH;
/** A signal a report's rows carry by themselves (the duration rule is computed, not reported). */
export type ReportShortsSignal = "shorts_report" | "shorts_eligible" | "long_form_revenue";

export const DURATION_RULE_STRENGTH = 1;

/** 0 for no rule (or one this code does not know: it then counts as undecided). */
export function shortsRuleStrength(rule: string | null | undefined): number {
  return rule && Object.hasOwn(SHORTS_RULE_STRENGTH, rule) ? SHORTS_RULE_STRENGTH[rule as ShortsRule] : 0;
}

// Long-form ads-revenue reports: Shorts revenue has its own files since Shorts revenue sharing began, so every
// video these list is long-form. Subscription (red) and views-only reports include Shorts and say nothing.
const LONG_FORM_REVENUE_KINDS: ReadonlySet<string> = new Set(["claim_raw", "video_raw", "video_summary", "content_owner_ad_revenue_raw_a1"]);
// Reports with an is_shorts_eligible column (a Short or not, per row).
const SHORTS_ELIGIBLE_KINDS: ReadonlySet<string> = new Set(["content_owner_active_claims_a3"]);

/**
 * The signal a report kind's rows carry, besides membership of a Shorts report, which each row of such a report
 * records itself (`in_shorts_report`).
 */
export function reportShortsSignal(kind: string | null | undefined): Exclude<ReportShortsSignal, "shorts_report"> | null {
  if (!kind) return null;
  if (LONG_FORM_REVENUE_KINDS.has(kind)) return "long_form_revenue";
  if (SHORTS_ELIGIBLE_KINDS.has(kind)) return "shorts_eligible";
  return null;
}

/** Kinds named above, so a test can check each is a kind the importer knows. */
export const KINDS_WITH_SHORTS_SIGNAL = [...LONG_FORM_REVENUE_KINDS, ...SHORTS_ELIGIBLE_KINDS];
