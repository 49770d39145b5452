import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DeleteObjectCommand } from "@aws-sdk/client-s3";
import { NonRetriableError } from "inngest";
import { openFingerprintSink } from "@/lib/import/fingerprint/fingerprint-writer";
import { prepareReport } from "@/lib/import/pipeline/prepare-report";
import { ReportFileChangedError, s3ReportSource } from "@/lib/import/pipeline/s3-report-source";
import { stageChunk } from "@/lib/import/pipeline/stage-chunk";
import { stagingWriterFor } from "@/lib/import/stage/staging-writer";
import { createReportRecords, getReport } from "@/lib/import/reports/report-queries";
import { headReportObject, ReportObjectChangedError, streamReportObject } from "@/lib/storage/get-object";
import { getS3Client } from "@/lib/storage/s3-client";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/db";
import { fixture, putReport } from "@/tests/helpers/imports";
import { startTestS3, TEST_BUCKET } from "@/tests/helpers/local-s3";

// An import reads the object it was requested for: its ETag is pinned on the report and every step's read is
// conditional on it, so a file replaced (or deleted) in between fails the import instead of mixing bytes.

let s3: Awaited<ReturnType<typeof startTestS3>>;
let tdb: TestDatabase;
beforeAll(async () => {
  s3 = await startTestS3();
  tdb = await createTestDatabase();
});
afterAll(async () => {
  await tdb.drop();
  await s3.cleanup();
});

const original = fixture("videos_report.csv");
const replacement = Buffer.from(original.toString().replace("Live in Lisbon", "Live in Porto"));

/** A report as requestImports records it: with the object's ETag and version at request time. */
async function requestedReport(key: string) {
  await putReport(key, original);
  const head = (await headReportObject(key))!;
  const [report] = await createReportRecords(tdb.db, [
    { key, filename: key.slice(key.lastIndexOf("/") + 1), size: head.size, etag: head.etag, versionId: head.versionId, triggeredBy: "user" },
  ]);
  return report;
}

const prepare = (reportId: number, source: ReturnType<typeof s3ReportSource>) =>
  prepareReport(tdb.db, reportId, source, () => openFingerprintSink(tdb, reportId));

async function readAll(stream: AsyncIterable<Uint8Array>) {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks).toString();
}

describe("pinned report reads", () => {
  it("read the pinned object (from an offset too) and refuse it once replaced or deleted", async () => {
    const key = "reports/pinned-read.csv";
    await putReport(key, "0123456789");
    const pin = { etag: (await headReportObject(key))!.etag, versionId: null };
    expect(pin.etag).toMatch(/^[0-9a-f]{32}$/);
    expect(await readAll(await streamReportObject(key, { pin, fromByte: 6 }))).toBe("6789");
    await putReport(key, "9876543210");
    await expect(streamReportObject(key, { pin })).rejects.toThrow(ReportObjectChangedError);
    await expect(streamReportObject(key, { pin })).rejects.toThrow(`The file ${key} changed in the bucket after the import was requested.`);
    expect(await readAll(await streamReportObject(key))).toBe("9876543210");
    await getS3Client().send(new DeleteObjectCommand({ Bucket: TEST_BUCKET, Key: key }));
    await expect(streamReportObject(key, { pin })).rejects.toThrow(`The file ${key} was deleted in the bucket after the import was requested.`);
  });

  it("fail the validation step at once, saying what happened and what to do, when the file was replaced after the request", async () => {
    const report = await requestedReport("reports/replaced-before-validation.csv");
    await putReport(report.key, replacement);
    const result = await prepare(report.id, s3ReportSource(report));
    const reason = `The file ${report.key} changed in the bucket after the import was requested. Import it again to read its new content.`;
    expect(result).toEqual({ ok: false, reportId: report.id, reason });
    expect(await getReport(tdb.db, report.id)).toMatchObject({ status: "error", error: reason, contentHash: null });
  });

  it("stop a staging step (without retries) when the file was replaced after validation", async () => {
    const report = await requestedReport("reports/replaced-before-staging.csv");
    const prepared = await prepare(report.id, s3ReportSource(report));
    expect(prepared).toMatchObject({ ok: true, totalRows: 3 });
    await putReport(report.key, replacement);
    const staging = stageChunk(tdb.db, { reportId: report.id, index: 0, checkpoint: null, maxRows: 1000 }, s3ReportSource(report), stagingWriterFor(tdb));
    const error = await staging.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReportFileChangedError);
    expect(error).toBeInstanceOf(NonRetriableError);
    expect((error as Error).message).toBe(`The file ${report.key} changed in the bucket after the import was requested`);
  });

  it("read the current object for reports recorded before ETags were pinned", async () => {
    const report = await requestedReport("reports/unpinned.csv");
    await putReport(report.key, replacement);
    expect(await readAll(await s3ReportSource({ ...report, etag: null, versionId: null }).openBytes())).toContain("Live in Porto");
  });
});
