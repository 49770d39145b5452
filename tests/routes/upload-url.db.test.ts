import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST as uploadUrl } from "@/app/api/reports/upload-url/route";
import { resetEnvCache } from "@/lib/env";
import { headReportObject } from "@/lib/storage/get-object";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { putReport } from "../helpers/imports";
import { startTestS3 } from "../helpers/local-s3";
import { createTestUser, ensureAuthSecret, type TestUser } from "../helpers/session";
import { call, result } from "./route-calls";

// POST /api/reports/upload-url: a presigned PUT for one new file of a declared size, under the reports prefix.
// The bucket (here the stand-in, which checks signatures as S3 does) then refuses other sizes and overwrites.

let tdb: TestDatabase;
let s3: Awaited<ReturnType<typeof startTestS3>>;
let user: TestUser;
beforeAll(async () => {
  ensureAuthSecret();
  tdb = await createTestDatabase();
  s3 = await startTestS3();
  user = await createTestUser(tdb.db);
});
afterAll(async () => {
  await tdb.drop();
  await s3.cleanup();
});
afterEach(() => {
  delete process.env.UPLOAD_MAX_BYTES;
  resetEnvCache();
});

const sign = async (body: unknown) => result(await call(uploadUrl, "/api/reports/upload-url", { user, body }));
const put = (url: string, body: string, headers: Record<string, string>) => fetch(url, { method: "PUT", body, headers });

describe("POST /api/reports/upload-url", () => {
  it("answers a presigned PUT for the declared size that uploads the file once", async () => {
    const { status, body } = await sign({ filename: "May report.csv", size: 10 });
    expect(status).toBe(200);
    expect(body).toEqual({
      key: "reports/May report.csv",
      url: expect.stringContaining("X-Amz-SignedHeaders=content-length%3Bhost%3Bif-none-match"),
      method: "PUT",
      headers: { "If-None-Match": "*" },
      expires_in: 900,
      max_bytes: 5 * 1024 ** 3,
    });
    const { url, headers } = body as { url: string; headers: Record<string, string> };
    expect((await put(url, "0123456789-too-long", headers)).status).toBe(403);
    expect((await put(url, "short", headers)).status).toBe(403);
    expect((await put(url, "0123456789", {})).status).toBe(403);
    expect((await put(url, "0123456789", headers)).status).toBe(200);
    // The same URL cannot replace the file afterwards, e.g. while it is being imported.
    expect((await put(url, "abcdefghij", headers)).status).toBe(412);
    expect(await headReportObject("reports/May report.csv")).toMatchObject({ size: 10 });
  });

  it("refuses a name that already exists in the bucket with 409", async () => {
    await putReport("reports/taken.csv", "video_id\n");
    const { status, body } = await sign({ filename: "taken.csv", size: 9 });
    expect([status, body.code]).toEqual([409, "conflict"]);
    expect(body.message).toBe('A report named "taken.csv" already exists in the bucket; rename the file and upload it again.');
  });

  it("refuses files above the upload limit with 413, S3's 5 GiB or a lower UPLOAD_MAX_BYTES", async () => {
    const huge = await sign({ filename: "huge.csv", size: 5 * 1024 ** 3 + 1 });
    expect([huge.status, huge.body.code]).toEqual([413, "payload_too_large"]);
    expect(huge.body.message).toMatch(/up to 5 GB can be uploaded/);
    process.env.UPLOAD_MAX_BYTES = "1000";
    resetEnvCache();
    expect((await sign({ filename: "small.csv", size: 1001 })).status).toBe(413);
    expect(await sign({ filename: "small.csv", size: 1000 })).toMatchObject({ status: 200, body: { max_bytes: 1000 } });
  });

  it.each([
    ["a path", { filename: "../secrets.csv", size: 1 }, /plain file name/],
    ["a folder", { filename: "a/b.csv", size: 1 }, /plain file name/],
    ["a backslash", { filename: "a\\b.csv", size: 1 }, /plain file name/],
    ["another extension", { filename: "notes.exe", size: 1 }, /\.csv or \.csv\.gz/],
    ["a NUL", { filename: "a\u0000.csv", size: 1 }, /control characters/],
    ["a line break", { filename: "a.csv\n", size: 1 }, /control characters/],
    ["a DEL", { filename: "a\u007f.csv", size: 1 }, /control characters/],
    ["an empty name", { filename: "", size: 1 }, /filename/],
    ["a 301-character name", { filename: `${"a".repeat(297)}.csv`, size: 1 }, /filename/],
    ["no size", { filename: "x.csv" }, /size/],
    ["a size as text", { filename: "x.csv", size: "12" }, /size/],
    ["a fractional size", { filename: "x.csv", size: 1.5 }, /size/],
    ["a negative size", { filename: "x.csv", size: -1 }, /size/],
    ["an empty file", { filename: "x.csv", size: 0 }, /is empty/],
    ["no body fields", {}, /filename/],
  ])("refuses %s with 400", async (_what, input, message) => {
    const { status, body } = await sign(input);
    expect([status, body.code]).toEqual([400, "bad_request"]);
    expect(body.message).toMatch(message);
  });

  it("refuses a body that is not JSON with 400", async () => {
    const { status, body } = await result(await call(uploadUrl, "/api/reports/upload-url", { user, body: "{filename:" }));
    expect([status, body.message]).toEqual([400, "The request body must be JSON."]);
  });
});
