import { SHORTS_180S_FROM, SHORTS_MAX_SECONDS_AFTER, SHORTS_MAX_SECONDS_BEFORE } from "@/lib/import/shorts-rule";

export type ShortsRule = "shorts_report" | "duration_60s" | "duration_180s";
export type ShortsDecision = { isShort: boolean | null; rule: ShortsRule | null };

/**
 * Whether a video is a Short, and which signal decided (the twin of lib/import/merge/shorts-sql.ts):
 * appearing in a Shorts report decides; else the length limit of the upload's era (60 s before 2024-10-15,
 * 180 s from then; an unknown publish date gets the current 180 s rule); without a length nothing is known.
 */
export function decideShort(input: { inShortsReport?: boolean | null; videoLength?: number | null; timePublished?: string | null }): ShortsDecision {
  if (input.inShortsReport) return { isShort: true, rule: "shorts_report" };
  if (input.videoLength == null) return { isShort: null, rule: null };
  const published = input.timePublished ? Date.parse(input.timePublished) : NaN;
  if (!Number.isNaN(published) && published < Date.parse(`${SHORTS_180S_FROM}T00:00:00Z`)) {
    return { isShort: input.videoLength <= SHORTS_MAX_SECONDS_BEFORE, rule: "duration_60s" };
  }
  return { isShort: input.videoLength <= SHORTS_MAX_SECONDS_AFTER, rule: "duration_180s" };
}
