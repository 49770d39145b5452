// Pure formatting for the catalog page (unit-tested in tests/ui/catalog-format.test.ts).

const exact = new Intl.NumberFormat("en-US");
const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });

export function formatCount(value: number | null | undefined): string {
  if (value == null || !Number.isFinite(value)) return "—";
  return exact.format(value);
}

/** "1.2M", "35K", "980": for numbers that are estimates anyway, where exact digits would mislead. */
export function formatApproximate(value: number): string {
  return compact.format(Math.max(0, Math.round(value)));
}

/** The result count: exact ("1,234 videos") or, when the server estimated it, "about 1.2M videos". */
export function formatTotal(total: number, isEstimate: boolean): string {
  if (isEstimate) return `about ${formatApproximate(total)} videos`;
  return `${formatCount(total)} ${total === 1 ? "video" : "videos"}`;
}

/** "Page 3 of about 60K" when the page count derives from an estimated total. */
export function formatPageOf(page: number, pages: number, isEstimate: boolean): string {
  return `Page ${formatCount(page)} of ${isEstimate ? `about ${formatApproximate(pages)}` : formatCount(Math.max(1, pages))}`;
}

/** Video length as m:ss or h:mm:ss ("4:05", "1:02:03"). */
export function formatLength(seconds: number | null | undefined): string {
  if (seconds == null || !Number.isFinite(seconds) || seconds < 0) return "—";
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${rest}` : `${m}:${rest}`;
}

/** The Shorts rule the import recorded (lib/import/merge/shorts-sql.ts), as [when short, when not]. */
const SHORT_RULES: Record<string, [string, string]> = {
  shorts_report: ["listed in a YouTube Shorts report", "listed in a YouTube Shorts report"],
  shorts_eligible: ["Shorts-eligible in the API claims report", "not Shorts-eligible in the API claims report"],
  long_form_revenue: ["listed in a long-form ads-revenue report", "listed in a long-form ads-revenue report"],
  duration_60s: ["60 s or shorter, published before 2024-10-15", "longer than 60 s, published before 2024-10-15"],
  duration_180s: ["180 s or shorter, published from 2024-10-15", "longer than 180 s, published from 2024-10-15"],
};

/** Why a video counts as a Short or not, in words, for the badge's tooltip. */
export function shortRuleText(rule: string | null | undefined, isShort: boolean | null | undefined): string {
  if (isShort == null) return "Not decided yet: the video's length is unknown";
  const reasons = rule ? SHORT_RULES[rule] : undefined;
  const reason = reasons ? reasons[isShort ? 0 : 1] : (rule ?? "no rule recorded");
  return `${isShort ? "Short" : "Not a Short"}: ${reason}`;
}

const RULE_LABELS: Record<string, string> = {
  shorts_report: "Shorts report", shorts_eligible: "Claims: Shorts-eligible", long_form_revenue: "Long-form revenue",
  duration_60s: "60 s rule", duration_180s: "180 s rule",
};

/** The short name of a Shorts rule for the "Short rule" column. */
export function shortRuleLabel(rule: string): string {
  return RULE_LABELS[rule] ?? rule;
}

/** "yes" / "no" / "—" for the boolean columns. */
export function formatFlag(value: boolean | null | undefined): string {
  return value == null ? "—" : value ? "Yes" : "No";
}

import type { BadgeTone } from "@/app/_components/badge";
export type { BadgeTone };

/** Policies are free text from the CMS ("Monetize", "Track in all countries", "Block"); the verb sets the tone. */
export function policyTone(policy: string): BadgeTone {
  const p = policy.toLowerCase();
  if (p.includes("block")) return "danger";
  if (p.includes("monetiz")) return "success";
  if (p.includes("track")) return "info";
  return "neutral";
}
