import { SHORTS_180S_FROM, SHORTS_MAX_SECONDS_AFTER, SHORTS_MAX_SECONDS_BEFORE } from "@/lib/import/shorts-rule";

// The duration rule is the weakest signal (no report carries the aspect ratio), and its text says so.
const byLength = (length: string, published: string) => `${length}, published ${published} — by length alone; no report says whether it is a Short`;

/**
 * The Shorts decision in words, naming the signal that made it (lib/import/shorts-rule.ts, strongest first): a
 * person should see why a video counts as a Short, and how far to trust it, not only that it does.
 */
export function shortReason(isShort: boolean | null, rule: string | null): string {
  if (rule === "shorts_report") return "Listed in a Shorts report";
  if (rule === "shorts_eligible") {
    return isShort ? "Shorts-eligible in the API claims report" : "Not Shorts-eligible in the API claims report";
  }
  if (rule === "long_form_revenue") return "Listed in a long-form ads-revenue report (Shorts revenue is reported separately)";
  if (rule === "duration_60s") {
    return byLength(isShort ? `${SHORTS_MAX_SECONDS_BEFORE} s or shorter` : `Longer than ${SHORTS_MAX_SECONDS_BEFORE} s`, `before ${SHORTS_180S_FROM}`);
  }
  if (rule === "duration_180s") {
    return byLength(isShort ? `${SHORTS_MAX_SECONDS_AFTER} s or shorter` : `Longer than ${SHORTS_MAX_SECONDS_AFTER} s`, `from ${SHORTS_180S_FROM} (or date unknown)`);
  }
  return "Not decided yet: no report gave its length";
}
