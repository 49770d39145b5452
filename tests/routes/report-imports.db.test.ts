import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as processReport } from "@/app/api/process-report/route";
import { GET as processStatus } from "@/app/api/process-status/[id]/route";
import { POST as cancel } from "@/app/api/reports/[id]/cancel/route";
import { count } from "drizzle-orm";
import { reports, type NewReport } from "@/lib/db/schema";
import { createReportRecords, getReport } from "@/lib/import/reports/report-queries";
import { headReportObject } from "@/lib/storage/get-object";
import { fixture, putReport, waitForReport } from "../helpers/imports";
import { startLocalStack, type LocalStack } from "../helpers/local-stack";
import { createTestUser, ensureAuthSecret, type TestUser } from "../helpers/session";
import { appOrigin, call, result } from "./route-calls";

// Contracts of the routes that start, follow and cancel imports, on the whole local stack (database, S3,
// Inngest executor, Pusher): success bodies and every refusal.

let stack: LocalStack;
let user: TestUser;
const db = () => stack.database.db;

beforeAll(async () => {
  ensureAuthSecret();
  stack = await startLocalStack();
  user = await createTestUser(db());
}, 60_000);
afterAll(() => stack?.stop());

const request = async (body: unknown) => result(await call(processReport, "/api/process-report", { user, body, headers: { origin: appOrigin() } }));
const status = async (id: string) => result(await call(processStatus, `/api/process-status/${id}`, { user, params: { id } }));
const cancelReport = async (id: number) => result(await call(cancel, `/api/reports/${id}/cancel`, { user, method: "POST", params: { id: String(id) } }));
const reportCount = async () => (await db().select({ n: count() }).from(reports))[0].n;
const stored = (patch: Partial<NewReport>) =>
  createReportRecords(db(), [{ key: "reports/stored.csv", filename: "stored.csv", triggeredBy: "user", ...patch }]).then(([r]) => r);

describe("POST /api/process-report", () => {
  it("accepts files with 202, records each with the object's ETag, and the imports complete", async () => {
    await putReport("reports/videos_report.csv", fixture("videos_report.csv"));
    await putReport("reports/claim_raw.csv", fixture("claim_raw.csv"));
    const { status: code, body } = await request({ files: ["reports/videos_report.csv", "reports/claim_raw.csv", "reports/videos_report.csv"], exclude_shorts: true });
    expect(code).toBe(202);
    const ids = body.report_ids as number[];
    expect(body).toEqual({
      status: "accepted",
      report_ids: [expect.any(Number), expect.any(Number)],
      reports: [
        { id: ids[0], key: "reports/videos_report.csv", status: "pending" },
        { id: ids[1], key: "reports/claim_raw.csv", status: "pending" },
      ],
    });
    const head = await headReportObject("reports/videos_report.csv");
    expect(await getReport(db(), ids[0])).toMatchObject({ etag: head!.etag, size: head!.size, excludeShorts: true, triggeredBy: "user", createdBy: user.id });
    for (const id of ids) expect(await waitForReport(db(), id)).toMatchObject({ status: "completed" });
  });

  it.each([
    ["no files", { files: [] }, /Choose at least one report file/],
    ["a key outside the prefix", { files: ["other/x.csv"] }, /Only files under "reports\/" can be imported; refused: other\/x.csv/],
    ["a key with ..", { files: ["reports/../secrets.csv"] }, /Only files under/],
    ["the prefix itself", { files: ["reports/"] }, /Only files under/],
    ["a file not in the bucket", { files: ["reports/missing.csv"] }, /not in the bucket \(refresh the list and pick again\): reports\/missing.csv/],
    ["a NUL in a key", { files: ["reports/a\u0000.csv"] }, /control characters/],
    ["a line break in a key", { files: ["reports/videos_report.csv\n"] }, /control characters/],
    ["files that is not a list", { files: "reports/videos_report.csv" }, /files/],
    ["an empty key", { files: [""] }, /files\.0/],
    ["a key longer than S3 allows", { files: [`reports/${"a".repeat(1020)}.csv`] }, /files\.0/],
    ["more than 500 files", { files: Array.from({ length: 501 }, (_, i) => `reports/${i}.csv`) }, /files/],
    ["exclude_shorts that is not a boolean", { files: ["reports/videos_report.csv"], exclude_shorts: "yes" }, /exclude_shorts/],
  ])("refuses %s with 400 and creates no report", async (_what, body, message) => {
    const before = await reportCount();
    const { status: code, body: error } = await request(body);
    expect([code, error.code]).toEqual([400, "bad_request"]);
    expect(error.message).toMatch(message);
    expect(await reportCount()).toBe(before);
  });

  it("names the refused keys in the details", async () => {
    const { body } = await request({ files: ["reports/missing-1.csv", "reports/videos_report.csv", "reports/missing-2.csv"] });
    expect(body.details).toEqual({ keys: ["reports/missing-1.csv", "reports/missing-2.csv"] });
  });
});

describe("GET /api/process-status/[id]", () => {
  it("answers the report's status view: zero progress while pending, summary once completed", async () => {
    const pending = await stored({});
    const { status: code, body } = await status(String(pending.id));
    expect(code).toBe(200);
    expect(body).toMatchObject({
      id: pending.id, key: "reports/stored.csv", filename: "stored.csv", status: "pending", summary: null, error: null,
      progress: { processed_rows: 0, total_rows: 0, percentage: 0, videos_created: 0, videos_updated: 0, errors: 0 },
    });
    await putReport("reports/video_raw.csv", fixture("video_raw.csv"));
    const { body: accepted } = await request({ files: ["reports/video_raw.csv"] });
    const id = (accepted.report_ids as number[])[0];
    await waitForReport(db(), id);
    const done = await status(String(id));
    expect(done.body).toMatchObject({ id, status: "completed", kind: "video_raw", error: null, summary: { kind: "video_raw", total_rows: expect.any(Number) } });
    expect(done.body.finished_at).toEqual(expect.any(String));
  });

  it("answers 404 for an unknown report", async () => {
    expect((await status("424242")).body).toMatchObject({ code: "not_found", message: "Report 424242 does not exist. Pick one from the Reports page." });
  });
});

describe("POST /api/reports/[id]/cancel", () => {
  it("cancels a pending or staging import and answers its cancelled status view", async () => {
    for (const patch of [{}, { status: "processing" as const, progress: { processed_rows: 1, total_rows: 9, percentage: 5, videos_created: 0, videos_updated: 0, errors: 0, phase: "staging" } }]) {
      const report = await stored(patch);
      const { status: code, body } = await cancelReport(report.id);
      expect(code).toBe(200);
      expect(body).toMatchObject({ id: report.id, status: "cancelled", error: "Cancelled by a user before the catalog was changed.", finished_at: expect.any(String) });
      expect(await getReport(db(), report.id)).toMatchObject({ status: "cancelled" });
    }
  });

  it.each(["completed", "error", "cancelled"] as const)("refuses a %s report with 409 and leaves it as it was", async (state) => {
    const report = await stored({ status: state, error: state === "error" ? "Bad header" : null });
    const { status: code, body } = await cancelReport(report.id);
    expect([code, body.code]).toEqual([409, "conflict"]);
    expect(body.message).toBe(`Report ${report.id} is ${state}; only pending or running imports can be cancelled.`);
    expect((await getReport(db(), report.id)).status).toBe(state);
  });

  it("refuses an import that is applying its rows to the catalog with 409", async () => {
    const progress = { processed_rows: 9, total_rows: 9, percentage: 60, videos_created: 0, videos_updated: 0, errors: 0, phase: "applying" };
    const report = await stored({ status: "processing", progress });
    const { status: code, body } = await cancelReport(report.id);
    expect([code, body.code]).toEqual([409, "conflict"]);
    expect(body.message).toMatch(/already applying its rows to the catalog .* can no longer be cancelled/);
    expect((await getReport(db(), report.id)).status).toBe("processing");
  });

  it("answers 404 for an unknown report", async () => {
    expect(await cancelReport(424242)).toMatchObject({ status: 404, body: { code: "not_found" } });
  });
});
