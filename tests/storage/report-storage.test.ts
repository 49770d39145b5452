import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PutObjectCommand } from "@aws-sdk/client-s3";
import { startTestS3, TEST_BUCKET } from "@/tests/helpers/local-s3";
import { getS3Client } from "@/lib/storage/s3-client";
import { listReports } from "@/lib/storage/list-reports";
import { headReportObject, streamReportObject } from "@/lib/storage/get-object";
import { presignReportUpload } from "@/lib/storage/presign-upload";
import { reportKeyForFilename } from "@/lib/storage/report-keys";

let s3: Awaited<ReturnType<typeof startTestS3>>;

async function put(key: string, body: string) {
  await getS3Client().send(new PutObjectCommand({ Bucket: TEST_BUCKET, Key: key, Body: body }));
  // s3rver keeps second-resolution modification times; space the uploads so "newest first" is observable.
  await new Promise((r) => setTimeout(r, 1100));
}

beforeAll(async () => {
  s3 = await startTestS3();
  await put("reports/YouTube_Owner_M_20250501_claim_raw_v1-1.csv", "a");
  await put("reports/YouTube_Owner_M_20250601_claim_raw_v1-1.csv.gz", "bb");
  await put("reports/video_report_Owner_V_v1-3.csv", "ccc");
  await put("other/not-a-report.csv", "x");
}, 20_000);
afterAll(() => s3.cleanup());

describe("report storage", () => {
  it("lists files under the prefix, newest first, with case-insensitive search and pagination", async () => {
    const all = await listReports({ page: 1, pageSize: 25 });
    expect(all.files.map((f) => f.filename)).toEqual([
      "video_report_Owner_V_v1-3.csv",
      "YouTube_Owner_M_20250601_claim_raw_v1-1.csv.gz",
      "YouTube_Owner_M_20250501_claim_raw_v1-1.csv",
    ]);
    expect(all).toMatchObject({ count: 3, total: 3, page: 1, pageSize: 25 });
    expect(all.files[0]).toMatchObject({ key: "reports/video_report_Owner_V_v1-3.csv", size: 3 });

    const search = await listReports({ page: 1, pageSize: 1, search: "CLAIM_RAW" });
    expect(search).toMatchObject({ count: 2, total: 3 });
    expect(search.files.map((f) => f.filename)).toEqual(["YouTube_Owner_M_20250601_claim_raw_v1-1.csv.gz"]);
    const second = await listReports({ page: 2, pageSize: 1, search: "claim_raw" });
    expect(second.files.map((f) => f.filename)).toEqual(["YouTube_Owner_M_20250501_claim_raw_v1-1.csv"]);
    expect((await listReports({ page: 3, pageSize: 1, search: "claim_raw" })).files).toEqual([]);
  });

  it("heads and streams objects, and answers null for a missing key", async () => {
    expect(await headReportObject("reports/video_report_Owner_V_v1-3.csv")).toMatchObject({ size: 3 });
    expect(await headReportObject("reports/missing.csv")).toBeNull();
    const chunks: Uint8Array[] = [];
    for await (const chunk of await streamReportObject("reports/YouTube_Owner_M_20250601_claim_raw_v1-1.csv.gz", { fromByte: 1 })) chunks.push(chunk);
    expect(Buffer.concat(chunks).toString()).toBe("b");
  });

  it("presigns an upload under the prefix that a plain HTTP PUT can use", async () => {
    const { key, url, headers } = await presignReportUpload("My upload.csv", 9);
    expect(key).toBe("reports/My upload.csv");
    const put = await fetch(url, { method: "PUT", body: "video_id\n", headers });
    expect(put.status).toBe(200);
    expect(await headReportObject(key)).toMatchObject({ size: 9 });
  });

  it("refuses file names that would leave the prefix or are not reports", () => {
    expect(() => reportKeyForFilename("../secrets.csv")).toThrow(/plain file name/);
    expect(() => reportKeyForFilename("a/b.csv")).toThrow(/plain file name/);
    expect(() => reportKeyForFilename("notes.exe")).toThrow(/\.csv or \.csv\.gz/);
    expect(reportKeyForFilename("x.csv.gz")).toBe("reports/x.csv.gz");
  });
});
