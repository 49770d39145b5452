import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as history } from "@/app/api/reports/history/route";
import { GET as s3Files } from "@/app/api/reports/s3-files/route";
import { GET as rejected } from "@/app/api/reports/[id]/rejected/route";
import { reportRowsRejected, type NewReport, type Report } from "@/lib/db/schema";
import { createReportRecords } from "@/lib/import/reports/report-queries";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { putReport } from "../helpers/imports";
import { startTestS3 } from "../helpers/local-s3";
import { createTestUser, ensureAuthSecret, type TestUser } from "../helpers/session";
import { call, result } from "./route-calls";

// Contracts of the read-only report routes: import history, the bucket listing with import status, and the
// rejected rows as CSV — success bodies and every refusal.

let tdb: TestDatabase;
let s3: Awaited<ReturnType<typeof startTestS3>>;
let user: TestUser;
let reports: Report[];

const report = (key: string, patch: Partial<NewReport> = {}): NewReport => ({
  key, filename: key.slice(key.lastIndexOf("/") + 1), size: 10, etag: "e", triggeredBy: "user", ...patch,
});

beforeAll(async () => {
  ensureAuthSecret();
  tdb = await createTestDatabase();
  s3 = await startTestS3();
  user = await createTestUser(tdb.db);
  // s3rver keeps second-resolution modification times; spaced uploads make "newest first" observable.
  for (const name of ["a_claim_raw.csv", "b_video_raw.csv", "c_claim_raw.csv.gz"]) {
    await putReport(`reports/${name}`, name);
    await new Promise((r) => setTimeout(r, 1100));
  }
  await putReport("elsewhere/ignored.csv", "x");
  const t = (s: number) => new Date(Date.UTC(2025, 5, 1, 12, 0, s));
  reports = [];
  for (const [key, patch] of [
    ["reports/a_claim_raw.csv", { status: "error", error: "Bad header", createdAt: t(1) }],
    ["reports/a_claim_raw.csv", { status: "completed", createdAt: t(2), summary: { kind: "claim_raw", total_rows: 2, created: 1, updated: 1, unchanged: 0, skipped: 0, rejected: 2 } }],
    ["reports/b_video_raw.csv", { status: "processing", createdAt: t(3), progress: { processed_rows: 5, total_rows: 10, percentage: 25, videos_created: 0, videos_updated: 0, errors: 0, phase: "staging" } }],
  ] as const) {
    reports.push(...(await createReportRecords(tdb.db, [report(key, patch as Partial<NewReport>)])));
  }
}, 30_000);
afterAll(async () => {
  await tdb.drop();
  await s3.cleanup();
});

const get = async (handler: Parameters<typeof call>[0], path: string, params?: Record<string, string>) => call(handler, path, { user, params });

describe("GET /api/reports/history", () => {
  it("lists reports newest first with their status view, paginated", async () => {
    const { status, body } = await result(await get(history, "/api/reports/history?page=1&pageSize=2"));
    expect(status).toBe(200);
    expect(body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    const rows = body.reports as Record<string, unknown>[];
    expect(rows.map((r) => r.id)).toEqual([reports[2].id, reports[1].id]);
    expect(rows[0]).toEqual({
      id: reports[2].id, key: "reports/b_video_raw.csv", filename: "b_video_raw.csv", kind: null, status: "processing", size: 10,
      exclude_shorts: false, progress: expect.objectContaining({ processed_rows: 5, percentage: 25, phase: "staging" }), summary: null, error: null,
      error_line: null, triggered_by: "user", created_at: "2025-06-01T12:00:03.000Z", started_at: null, finished_at: null,
    });
    expect(rows[1]).toMatchObject({ status: "completed", summary: { rejected: 2 } });
    const second = await result(await get(history, "/api/reports/history?page=2&pageSize=2"));
    expect((second.body.reports as { id: number }[]).map((r) => r.id)).toEqual([reports[0].id]);
    expect((await result(await get(history, "/api/reports/history?page=9"))).body).toMatchObject({ reports: [], total: 3, page: 9, pageSize: 25 });
  });

  it.each(["page=0", "page=-1", "page=abc", "page=1.5", "pageSize=0", "pageSize=201", "page=%00", "pageSize=2%0A"])("refuses %s with 400", async (query) => {
    const { status, body } = await result(await get(history, `/api/reports/history?${query}`));
    expect([status, body.code]).toEqual([400, "bad_request"]);
  });
});

describe("GET /api/reports/s3-files", () => {
  it("lists the bucket's reports newest first, with each file's newest import", async () => {
    const { status, body } = await result(await get(s3Files, "/api/reports/s3-files"));
    expect(status).toBe(200);
    expect(body).toMatchObject({ count: 3, total: 3, page: 1, pageSize: 25 });
    expect(body.files).toEqual([
      { key: "reports/c_claim_raw.csv.gz", filename: "c_claim_raw.csv.gz", size: 18, last_modified: expect.any(String), import_status: "not_imported", report_id: null },
      { key: "reports/b_video_raw.csv", filename: "b_video_raw.csv", size: 15, last_modified: expect.any(String), import_status: "processing", report_id: reports[2].id },
      { key: "reports/a_claim_raw.csv", filename: "a_claim_raw.csv", size: 15, last_modified: expect.any(String), import_status: "completed", report_id: reports[1].id },
    ]);
  });

  it("searches file names case-insensitively and paginates the matches", async () => {
    const { body } = await result(await get(s3Files, "/api/reports/s3-files?search=CLAIM_RAW&pageSize=1&page=2"));
    expect(body).toMatchObject({ count: 2, total: 3, page: 2, pageSize: 1 });
    expect((body.files as { filename: string }[]).map((f) => f.filename)).toEqual(["a_claim_raw.csv"]);
    expect((await result(await get(s3Files, "/api/reports/s3-files?search=nothing"))).body).toMatchObject({ files: [], count: 0, total: 3 });
  });

  it.each([
    ["a NUL in the search", "search=claim%00raw"],
    ["a line break in the search", "search=claim%0A"],
    ["a 201-character search", `search=${"a".repeat(201)}`],
    ["pageSize above 500", "pageSize=501"],
    ["page 0", "page=0"],
    ["a page that is not a number", "page=two"],
  ])("refuses %s with 400", async (_what, query) => {
    const { status, body } = await result(await get(s3Files, `/api/reports/s3-files?${query}`));
    expect([status, body.code]).toEqual([400, "bad_request"]);
  });
});

describe("GET /api/reports/[id]/rejected", () => {
  it("streams the rejected rows as CSV, formula-safe, with the original row", async () => {
    const id = reports[1].id;
    await tdb.db.insert(reportRowsRejected).values([
      { reportId: id, line: 3, column: "views", value: "=HYPERLINK(1)", reason: "not a number", raw: JSON.stringify(["=HYPERLINK(1)", "vid1"]) },
      { reportId: id, line: 5, column: null, value: null, reason: "missing video_id", raw: null },
    ]);
    const response = await get(rejected, `/api/reports/${id}/rejected`, { id: String(id) });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="rejected_rows_report_${id}.csv"`);
    expect((await response.text()).split("\r\n")).toEqual([
      "line,column,value,reason,raw_row",
      `3,views,"'=HYPERLINK(1)",not a number,"'=HYPERLINK(1),vid1"`,
      "5,,,missing video_id,",
      "",
    ]);
  });

  it("answers only the header for a report without rejected rows, 404 for an unknown report", async () => {
    const empty = await get(rejected, `/api/reports/${reports[0].id}/rejected`, { id: String(reports[0].id) });
    expect(await empty.text()).toBe("line,column,value,reason,raw_row\r\n");
    const { status, body } = await result(await get(rejected, "/api/reports/999999/rejected", { id: "999999" }));
    expect([status, body.code]).toEqual([404, "not_found"]);
  });
});
