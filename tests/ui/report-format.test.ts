import { describe, expect, it } from "vitest";
import {
  bucketEmptyMessage,
  clampPercent,
  formatBytes,
  formatCount,
  formatDateTime,
  formatDuration,
  formatPercent,
  formatRange,
  formatRows,
  isRunningStatus,
  pageCount,
  statusLabel,
  statusTone,
} from "@/app/(app)/reports/_components/format";
import { isStaleUpdate, mergeReportUpdate } from "@/app/(app)/reports/_components/merge-report-update";
import type { LiveReportUpdate, ReportView } from "@/app/(app)/reports/_components/types";

describe("formatBytes", () => {
  it("uses 1024-based units with one decimal below 10", () => {
    expect(formatBytes(0)).toBe("0 B");
    expect(formatBytes(1023)).toBe("1023 B");
    expect(formatBytes(1024)).toBe("1.0 KB");
    expect(formatBytes(1536)).toBe("1.5 KB");
    expect(formatBytes(120 * 1024 * 1024)).toBe("120 MB");
    expect(formatBytes(3.25 * 1024 ** 3)).toBe("3.3 GB");
  });
  it("shows a dash for missing or invalid sizes", () => {
    expect(formatBytes(null)).toBe("—");
    expect(formatBytes(undefined)).toBe("—");
    expect(formatBytes(-1)).toBe("—");
    expect(formatBytes(Number.NaN)).toBe("—");
  });
});

describe("counts, percentages and ranges", () => {
  it("groups thousands", () => {
    expect(formatCount(1234567)).toBe("1,234,567");
    expect(formatCount(0)).toBe("0");
    expect(formatCount(null)).toBe("—");
  });
  it("clamps percentages to 0–100", () => {
    expect(clampPercent(-5)).toBe(0);
    expect(clampPercent(104)).toBe(100);
    expect(clampPercent(undefined)).toBe(0);
    expect(formatPercent(41.6)).toBe("42%");
  });
  it("formats rows with and without a known total", () => {
    expect(formatRows(1200, 5000)).toBe("1,200 / 5,000 rows");
    expect(formatRows(30, 0)).toBe("30 rows");
  });
  it("builds the 'Showing a–b of n' line", () => {
    expect(formatRange(2, 25, 123)).toBe("Showing 26–50 of 123");
    expect(formatRange(5, 25, 123)).toBe("Showing 101–123 of 123");
    expect(formatRange(1, 25, 0)).toBe("Showing 0 of 0");
    expect(pageCount(25, 123)).toBe(5);
    expect(pageCount(25, 0)).toBe(1);
  });
});

describe("bucketEmptyMessage", () => {
  const base = { loading: false, error: null, search: "", total: 0 };
  it("distinguishes an empty bucket from a search without hits", () => {
    expect(bucketEmptyMessage(base)).toMatch(/^No report files under reports\/ yet\./);
    expect(bucketEmptyMessage({ ...base, total: 12, search: "x" })).toBe("No files match “x”.");
    expect(bucketEmptyMessage({ ...base, loading: true })).toBe("Loading files…");
    expect(bucketEmptyMessage({ ...base, error: "boom" })).toBe("The file list is unavailable.");
  });
});

describe("dates and durations", () => {
  it("formats ISO timestamps as YYYY-MM-DD HH:mm", () => {
    expect(formatDateTime("2025-03-04T14:05:09Z", { utc: true })).toBe("2025-03-04 14:05 UTC");
    expect(formatDateTime("2025-03-04T14:05:09Z")).toMatch(/^2025-03-0[345] \d{2}:\d{2}$/);
    expect(formatDateTime(null)).toBe("—");
    expect(formatDateTime("not a date")).toBe("—");
  });
  it("formats durations", () => {
    expect(formatDuration("2025-01-01T00:00:00Z", "2025-01-01T00:00:12Z")).toBe("12s");
    expect(formatDuration("2025-01-01T00:00:00Z", "2025-01-01T00:03:07Z")).toBe("3m 07s");
    expect(formatDuration("2025-01-01T00:00:00Z", "2025-01-01T01:02:00Z")).toBe("1h 02m");
    expect(formatDuration("2025-01-01T00:00:00Z", null)).toBeNull();
  });
});

describe("status labels", () => {
  it("maps every import status to a label and a tone", () => {
    expect(statusLabel("not_imported")).toBe("Not imported");
    expect(statusLabel("pending")).toBe("Queued");
    expect(statusLabel("processing")).toBe("Importing");
    expect(statusLabel("completed")).toBe("Imported");
    expect(statusLabel("error")).toBe("Failed");
    expect(statusLabel("cancelled")).toBe("Cancelled");
    expect(statusTone("error")).toBe("danger");
    expect(statusTone("completed")).toBe("success");
  });
  it("falls back to a readable label for unknown statuses", () => {
    expect(statusLabel("waiting_for_quota")).toBe("Waiting for quota");
    expect(statusTone("waiting_for_quota")).toBe("neutral");
  });
  it("knows which statuses are still running", () => {
    expect(isRunningStatus("pending")).toBe(true);
    expect(isRunningStatus("processing")).toBe(true);
    expect(isRunningStatus("completed")).toBe(false);
  });
});

function report(id: number, status: string, processed = 0): ReportView {
  return {
    id,
    key: `reports/r${id}.csv`,
    filename: `r${id}.csv`,
    kind: null,
    status,
    size: 100,
    exclude_shorts: false,
    progress: { processed_rows: processed, total_rows: 100, percentage: processed, videos_created: 0, videos_updated: 0, errors: 0 },
    summary: null,
    error: null,
    error_line: null,
    triggered_by: "user",
    created_at: "2025-01-01T00:00:00Z",
    started_at: null,
    finished_at: null,
  };
}

function update(id: number, status: string, processed = 0, extra: Partial<LiveReportUpdate> = {}): LiveReportUpdate {
  return {
    report_id: id,
    filename: `r${id}.csv`,
    status,
    progress: { processed_rows: processed, total_rows: 100, percentage: processed, videos_created: 0, videos_updated: 0, errors: 0, phase: "importing" },
    ...extra,
  };
}

describe("mergeReportUpdate", () => {
  const list = [report(3, "processing", 10), report(2, "pending"), report(1, "completed", 100)];

  it("updates the matching report and keeps the order", () => {
    const result = mergeReportUpdate(list, update(3, "processing", 40));
    expect(result.known).toBe(true);
    expect(result.statusChanged).toBe(false);
    expect(result.reports.map((r) => r.id)).toEqual([3, 2, 1]);
    expect(result.reports[0].progress.processed_rows).toBe(40);
    expect(result.reports[0].progress.phase).toBe("importing");
    expect(result.reports[1]).toBe(list[1]);
    expect(list[0].progress.processed_rows).toBe(10); // the input is not mutated
  });

  it("reports a status change and applies summary and error", () => {
    const summary = { kind: "video", total_rows: 100, created: 5, updated: 6, unchanged: 89, skipped: 0, rejected: 0 };
    const done = mergeReportUpdate(list, update(3, "completed", 100, { summary }));
    expect(done.statusChanged).toBe(true);
    expect(done.reports[0].status).toBe("completed");
    expect(done.reports[0].summary).toEqual(summary);
    const failed = mergeReportUpdate(list, update(2, "error", 0, { error: "Bad header" }));
    expect(failed.reports[1].error).toBe("Bad header");
  });

  it("ignores unknown ids, returning the same list", () => {
    const result = mergeReportUpdate(list, update(99, "processing", 5));
    expect(result.known).toBe(false);
    expect(result.reports).toBe(list);
  });

  it("ignores older updates", () => {
    expect(mergeReportUpdate(list, update(3, "processing", 5)).reports).toBe(list); // fewer rows than shown
    expect(mergeReportUpdate(list, update(3, "pending")).reports).toBe(list); // back to pending
    expect(mergeReportUpdate(list, update(1, "processing", 99)).reports).toBe(list); // a finished import never resumes
    expect(isStaleUpdate(list[1], update(2, "processing", 0))).toBe(false);
  });
});
