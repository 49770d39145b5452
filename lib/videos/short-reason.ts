import { SHORTS_180S_FROM, SHORTS_MAX_SECONDS_AFTER, SHORTS_MAX_SECONDS_BEFORE } from "@/lib/import/shorts-rule";

/**
 * The Shorts decision in words, from the signal that made it (lib/import/parse/shorts.ts): a person should see
 * why a video counts as a Short, not only that it does.
 */
export function shortReason(isShort: boolean | null, rule: string | null): string {
  if (rule === "shorts_report") return "Listed in a Shorts report";
  if (rule === "duration_60s") {
    return isShort
      ? `${SHORTS_MAX_SECONDS_BEFORE} s or shorter, published before ${SHORTS_180S_FROM}`
      : `Longer than ${SHORTS_MAX_SECONDS_BEFORE} s, published before ${SHORTS_180S_FROM}`;
  }
  if (rule === "duration_180s") {
    return isShort
      ? `${SHORTS_MAX_SECONDS_AFTER} s or shorter, published from ${SHORTS_180S_FROM} (or date unknown)`
      : `Longer than ${SHORTS_MAX_SECONDS_AFTER} s, published from ${SHORTS_180S_FROM} (or date unknown)`;
  }
  return "Not decided yet: no report gave its length";
}
