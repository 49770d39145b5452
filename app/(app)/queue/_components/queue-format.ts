import type { BadgeTone } from "@/app/_components/badge";
import { TASK_TYPE_LABELS, type QueueTaskStatus, type QueueTaskType } from "@/lib/enrichment/queue-contract";

// Pure formatting for the Queue page (browser-safe; its output is checked in tests/routes/queue-page.db.test.ts).

export const STATUS_LABELS: Record<QueueTaskStatus, string> = {
  pending: "Pending",
  processing: "Processing",
  completed: "Completed",
  failed: "Failed",
};

export const STATUS_TONES: Record<QueueTaskStatus, BadgeTone> = {
  pending: "neutral",
  processing: "info",
  completed: "success",
  failed: "danger",
};

export const ITEM_TONES: Record<string, BadgeTone> = { updated: "success", unchanged: "muted", not_found: "warning", error: "danger" };

export function typeLabel(type: QueueTaskType): string {
  return TASK_TYPE_LABELS[type] ?? type;
}

const count = new Intl.NumberFormat("en-US");
export const formatNumber = (n: number | null | undefined) => (n === null || n === undefined ? "—" : count.format(n));

/** "3 updated · 1 not found": a task's per-item outcomes in one line. */
export function resultSummary(counts: Record<string, number>): string {
  const order = ["updated", "unchanged", "not_found", "error"];
  const keys = [...order.filter((k) => counts[k]), ...Object.keys(counts).filter((k) => !order.includes(k))];
  return keys.map((k) => `${formatNumber(counts[k])} ${k.replace("_", " ")}`).join(" · ");
}

const pacific = new Intl.DateTimeFormat("en-US", {
  timeZone: "America/Los_Angeles",
  weekday: "short",
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZoneName: "short",
});

/** The quota reset in the time zone Google counts it in, e.g. "Sun, Mar 8, 00:00 PST" (same on server and browser). */
export function pacificTime(iso: string): string {
  return pacific.format(new Date(iso));
}

/** "today", "1 day", "about 12 days": how long the backlog takes at the current budget. */
export function daysText(days: number): string {
  if (days <= 0) return "nothing to do";
  if (days === 1) return "today";
  return `${formatNumber(days)} quota days`;
}

export function percentOf(used: number, budget: number): number {
  if (budget <= 0) return 100;
  return Math.min(100, Math.round((used / budget) * 100));
}
