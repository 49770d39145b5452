import * as React from "react";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { DashboardState } from "@/lib/realtime/channels";

// The wall dashboard's panels from a dashboard_state snapshot: what a person reads off the screen.
// Vitest compiles JSX with the classic runtime, so React must be global before the components load.
(globalThis as { React?: unknown }).React = React;
const { ErrorsPanel, ImportsPanel, QueuePanel, QuotaPanel } = await import("@/app/dashboard/dashboard-panels");
const { timeUntil, timeAgo } = await import("@/app/dashboard/dashboard-format");

const now = new Date("2030-03-05T18:00:00Z");
const state: DashboardState = {
  at: now.toISOString(),
  imports: [{ report_id: 7, filename: "video_report_2030-03-05.csv.gz", status: "processing", phase: "staging", percentage: 42.6, processed_rows: 426_000, total_rows: 1_000_000, started_at: now.toISOString() }],
  queue_length: { pending: 1200, processing: 1, completed: 35_000, failed: 3, total: 36_204 },
  backlog_assets: 1850,
  quota: { used: 9_500, budget: 9_500, reset_at: "2030-03-06T08:00:00.000Z", exhausted: true },
  last_errors: [{ at: new Date(now.getTime() - 120_000).toISOString(), kind: "metadata_sync", message: "Google answered 403 forbidden.", task_id: 55, report_id: null }],
};
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&amp;/g, "&").replace(/\s+/g, " ").trim();

describe("dashboard panels", () => {
  it("shows each running import with its progress bar, phase and rows", () => {
    const html = renderToStaticMarkup(createElement(ImportsPanel, { imports: state.imports }));
    expect(html).toMatch(/role="progressbar" aria-label="Import of video_report_2030-03-05.csv.gz" aria-valuemin="0" aria-valuemax="100" aria-valuenow="43"/);
    expect(text(html)).toContain("staging · 426,000 of 1,000,000 rows");
    expect(text(renderToStaticMarkup(createElement(ImportsPanel, { imports: [] })))).toContain("No imports running");
  });

  it("shows queue lengths by status and the backlog", () => {
    const t = text(renderToStaticMarkup(createElement(QueuePanel, { state })));
    for (const part of ["Pending 1,200", "Processing 1", "Completed 35,000", "Failed 3", "Assets in backlog 1,850"]) expect(t).toContain(part);
  });

  it("shows quota used against the budget, that it is used up, and when it resets", () => {
    const t = text(renderToStaticMarkup(createElement(QuotaPanel, { quota: state.quota, now })));
    expect(t).toContain("9,500 / 9,500");
    expect(t).toContain("Used up");
    expect(t).toContain("(in 14 h 00 min)");
  });

  it("lists the last errors with their age, kind and id", () => {
    const t = text(renderToStaticMarkup(createElement(ErrorsPanel, { errors: state.last_errors, now })));
    expect(t).toContain("2 min ago Metadata sync #55 Google answered 403 forbidden.");
    expect(text(renderToStaticMarkup(createElement(ErrorsPanel, { errors: [], now })))).toContain("No errors");
  });

  it("formats times for reading across a room", () => {
    expect(timeUntil("2030-03-05T18:00:30Z", now)).toBe("under a minute");
    expect(timeUntil("2030-03-05T17:00:00Z", now)).toBe("now");
    expect(timeAgo("2030-03-05T17:59:50Z", now)).toBe("10 s ago");
    expect(timeAgo("2030-03-05T15:00:00Z", now)).toBe("3 h ago");
  });
});
