import {
  DURATION_RULE_STRENGTH,
  SHORTS_180S_FROM,
  SHORTS_MAX_SECONDS_AFTER,
  SHORTS_MAX_SECONDS_BEFORE,
  reportShortsSignal,
  shortsRuleStrength,
  type ReportShortsSignal,
  type ShortsRule,
} from "@/lib/import/shorts-rule";
import type { ReportRecord } from "./types";

export type { ShortsRule };
export type ShortsDecision = { isShort: boolean | null; rule: ShortsRule | null };
/** What one report says about a video by itself: the signal and its verdict. */
export type ShortsSignal = { rule: ReportShortsSignal; isShort: boolean };

/** The signal a report row of this kind carries, if any (what the merge reads from the staged row and the kind). */
export function rowShortsSignal(kind: string | null, record: Pick<ReportRecord, "in_shorts_report" | "is_shorts_eligible">): ShortsSignal | null {
  const signal = reportShortsSignal(kind);
  if (signal === "long_form_revenue") return { rule: signal, isShort: false };
  if (signal === "shorts_eligible") return record.is_shorts_eligible == null ? null : { rule: signal, isShort: record.is_shorts_eligible };
  return record.in_shorts_report ? { rule: "shorts_report", isShort: true } : null;
}

/**
 * Whether a video is a Short, and which signal decided (the twin of lib/import/merge/shorts-sql.ts, which the merge
 * runs): the report's own signal when at least as strong as the catalog's (a newer verdict of the same signal
 * wins); else an earlier report's signal, which the duration rule never overrides; else the length limit of the
 * upload's era (60 s before 2024-10-15, 180 s from then; an unknown publish date gets the current 180 s rule);
 * without a length, what the catalog had.
 */
export function decideShort(input: {
  previous?: ShortsDecision | null;
  signal?: ShortsSignal | null;
  /** Shorthand for the signal of a Shorts report row. */
  inShortsReport?: boolean | null;
  videoLength?: number | null;
  timePublished?: string | null;
}): ShortsDecision {
  const previous = input.previous ?? { isShort: null, rule: null };
  const signal = input.signal ?? (input.inShortsReport ? { rule: "shorts_report", isShort: true } : null);
  const previousStrength = shortsRuleStrength(previous.rule);
  if (signal && shortsRuleStrength(signal.rule) >= previousStrength) return { isShort: signal.isShort, rule: signal.rule };
  if (previousStrength > DURATION_RULE_STRENGTH) return previous;
  if (input.videoLength == null) return previous;
  const published = input.timePublished ? Date.parse(input.timePublished) : NaN;
  if (!Number.isNaN(published) && published < Date.parse(`${SHORTS_180S_FROM}T00:00:00Z`)) {
    return { isShort: input.videoLength <= SHORTS_MAX_SECONDS_BEFORE, rule: "duration_60s" };
  }
  return { isShort: input.videoLength <= SHORTS_MAX_SECONDS_AFTER, rule: "duration_180s" };
}
