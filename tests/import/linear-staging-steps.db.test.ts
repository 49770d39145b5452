import { gzipSync } from "node:zlib";
import { ListObjectsV2Command } from "@aws-sdk/client-s3";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { claimRawHeader, claimRawRow } from "@/bench/claim-raw-report";
import type { Report } from "@/lib/db/schema";
import { resetEnvCache, getEnv } from "@/lib/env";
import { openFingerprintSink } from "@/lib/import/fingerprint/fingerprint-writer";
import type { Checkpoint } from "@/lib/import/parse";
import { clearImportScratch } from "@/lib/import/pipeline/import-steps";
import { prepareReport } from "@/lib/import/pipeline/prepare-report";
import type { ReportSource } from "@/lib/import/pipeline/report-source";
import { s3ReportSource } from "@/lib/import/pipeline/s3-report-source";
import { stageChunk, type StagedChunk } from "@/lib/import/pipeline/stage-chunk";
import { readTextLayout, type TextLayout } from "@/lib/import/pipeline/text-layout";
import { SCRATCH_PREFIX, removeScratchObjects } from "@/lib/import/pipeline/text-scratch";
import { COPIED_FROM_CHUNK } from "@/lib/import/pipeline/keep-text";
import { createReportRecords, getReport, updateReport } from "@/lib/import/reports/report-queries";
import { stagingWriterFor } from "@/lib/import/stage/staging-writer";
import { headReportObject } from "@/lib/storage/get-object";
import { getS3Client } from "@/lib/storage/s3-client";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/db";
import { putReport, rows } from "@/tests/helpers/imports";
import { startTestS3 } from "@/tests/helpers/local-s3";
import { startS3RequestLog, type LoggedRequest, type S3RequestLog } from "./linear-staging/s3-request-log";

// Issue #12, "linear in the file's size": the validation read leaves the decompressed text (for a .csv.gz, scratch
// pieces of its header and of everything from chunk COPIED_FROM_CHUNK on; a .csv is its own text), and each later
// staging step fetches only its header and its own chunk, by byte range, instead of decompressing the file from
// its start. The steps are called here as the Inngest function calls them, with the S3 stand-in behind a proxy
// that logs every request and the bytes it returned.
const CHUNK_ROWS = 1000;
/** 13 chunks: the first COPIED_FROM_CHUNK read from the stored file as before, the rest from the copy. */
const ROWS = 12_500;
const PIECE_BYTES = 64 * 1024;
const videos = 400;

let database: TestDatabase;
let s3: Awaited<ReturnType<typeof startTestS3>>;
let log: S3RequestLog;
const db = () => database.db;

/**
 * A claim-raw file with a BOM, a rejected row every 250 rows and, every 97 rows, a quoted Custom ID holding a
 * line break and a comma, so records, characters and line counts cross piece boundaries.
 */
function claimRawFile(rowCount: number): string {
  const lines = [claimRawHeader.join(",")];
  for (let i = 0; i < rowCount; i++) {
    const cells = claimRawRow(i, videos).cells;
    if (i % 250 === 7) cells[claimRawHeader.indexOf("Owned Views")] = "many";
    if (i % 97 === 3) cells[claimRawHeader.indexOf("Custom ID")] = `"CUST-${i}, part\nsecond line ✓"`;
    lines.push(cells.join(","));
  }
  return "\uFEFF" + lines.join("\n") + "\n";
}

async function newReport(key: string): Promise<Report> {
  const head = (await headReportObject(key))!;
  const [report] = await createReportRecords(db(), [
    { key, filename: key.slice(key.lastIndexOf("/") + 1), size: head.size, etag: head.etag, versionId: head.versionId, triggeredBy: "user" },
  ]);
  return report;
}

const gets = (requests: LoggedRequest[]) => requests.filter((r) => r.method === "GET");
const bytesOf = (requests: LoggedRequest[]) => requests.reduce((n, r) => n + r.bytes, 0);

async function prepare(report: Report, source: ReportSource) {
  const handle = database;
  return prepareReport(db(), report.id, source, () => openFingerprintSink(handle, report.id), { chunkRows: CHUNK_ROWS });
}

/** Runs one staging step as the import function does and returns its result with the requests it made. */
async function stageStep(report: Report, source: ReportSource, index: number, checkpoint: Checkpoint | null) {
  log.clear();
  const result = await stageChunk(db(), { reportId: report.id, index, checkpoint, maxRows: CHUNK_ROWS }, source, stagingWriterFor(database));
  return { result, requests: [...log.requests] };
}

async function stageAll(report: Report, source: ReportSource) {
  const steps: { result: StagedChunk; requests: LoggedRequest[]; checkpoint: Checkpoint | null }[] = [];
  let checkpoint: Checkpoint | null = null;
  for (let index = 0; ; index++) {
    const step = await stageStep(report, source, index, checkpoint);
    steps.push({ ...step, checkpoint });
    if (!step.result.next) return steps;
    checkpoint = step.result.next;
  }
}

/** What staging wrote for a report, without the report id. */
async function staged(reportId: number) {
  return {
    rows: await rows(db(), sql`SELECT to_jsonb(s) - 'report_id' AS row FROM import_staging s WHERE report_id = ${reportId} ORDER BY line, part`),
    rejected: await rows(db(), sql`SELECT line, "column", value, reason FROM report_rows_rejected WHERE report_id = ${reportId} ORDER BY line, "column"`),
  };
}

async function scratchKeys(reportId?: number): Promise<string[]> {
  const listed = await getS3Client().send(
    new ListObjectsV2Command({ Bucket: getEnv().S3_BUCKET, Prefix: reportId === undefined ? SCRATCH_PREFIX : `${SCRATCH_PREFIX}${reportId}/` }),
  );
  return (listed.Contents ?? []).map((o) => o.Key!);
}

/** Bytes [from, to) of the text as the layout cuts it: the bytes step k must fetch, besides the header. */
function chunkSpan(layout: TextLayout, index: number): number {
  const starts = [layout.headerEnd, ...layout.chunkStarts.map((c) => c.byteOffset), layout.totalBytes];
  return starts[index + 1] - starts[index];
}

beforeAll(async () => {
  database = await createTestDatabase({ install: true });
  s3 = await startTestS3();
  log = await startS3RequestLog({ host: "127.0.0.1", port: s3.port });
  process.env.S3_ENDPOINT = log.url;
  resetEnvCache();
}, 60_000);
afterAll(async () => {
  await log?.stop();
  await s3?.cleanup();
  await database?.drop();
});
beforeEach(async () => {
  await db().execute(sql`TRUNCATE reports, report_rows_rejected, import_staging, import_steps, import_fingerprints RESTART IDENTITY`);
});

describe("staging a .csv.gz", () => {
  const text = claimRawFile(ROWS);
  const key = "reports/YouTube_Linear_M_20250601_claim_raw_v1-1.csv.gz";

  it("reads each later chunk's bytes once, from the copy the validation left, and stages what reading from the start stages", async () => {
    await putReport(key, gzipSync(text));
    const report = await newReport(key);
    const source = s3ReportSource(report, { pieceBytes: PIECE_BYTES });

    log.clear();
    const prepared = await prepare(report, source);
    expect(prepared).toMatchObject({ ok: true, totalRows: ROWS, kind: "claim_raw" });
    // The validation read the stored file once and wrote pieces of its text under the scratch prefix: the header,
    // then everything from the first copied chunk on.
    const textBytes = Buffer.byteLength(text);
    expect(gets(log.requests).map((r) => [r.key, r.range])).toEqual([[key, null]]);
    const layout = (await readTextLayout(db(), report.id))!;
    expect(layout).toMatchObject({ totalBytes: textBytes, chunkRows: CHUNK_ROWS, scratch: true });
    expect(layout.chunkStarts).toHaveLength(Math.ceil(ROWS / CHUNK_ROWS) - 1);
    const copiedFrom = layout.chunkStarts[COPIED_FROM_CHUNK - 1].byteOffset;
    const [headerPiece, ...pieces] = layout.objects;
    expect(headerPiece).toMatchObject({ start: 0, end: layout.headerEnd });
    expect(pieces[0].start).toBe(copiedFrom);
    expect(pieces.at(-1)!.end).toBe(textBytes);
    expect(pieces).toHaveLength(Math.ceil((textBytes - copiedFrom) / PIECE_BYTES));
    const puts = log.requests.filter((r) => r.method === "PUT");
    expect(puts.map((r) => r.key).sort()).toEqual(layout.objects.map((o) => o.key));

    const steps = await stageAll(report, source);
    expect(steps).toHaveLength(Math.ceil(ROWS / CHUNK_ROWS));
    for (const [index, step] of steps.entries()) {
      const fetched = gets(step.requests);
      const original = fetched.filter((r) => r.key === key);
      const scratch = fetched.filter((r) => r.key !== key);
      // Every step reads its header from the header piece, pinned to the ETag it was written with.
      expect(scratch[0]).toMatchObject({ key: headerPiece.key, range: `bytes=0-${layout.headerEnd - 1}`, status: 206, ifMatch: `"${headerPiece.etag}"` });
      if (index < COPIED_FROM_CHUNK) {
        // The first chunks come from the stored file, as before the change.
        expect(original.map((r) => r.range)).toEqual([null]);
        expect(scratch).toHaveLength(1);
      } else {
        // A later step fetches its own chunk from the pieces, and not one byte more; the .csv.gz is not opened.
        expect(original).toEqual([]);
        expect(scratch.every((r) => r.key.startsWith(`${SCRATCH_PREFIX}${report.id}/`) && r.status === 206 && r.ifMatch)).toBe(true);
        expect(bytesOf(scratch), `bytes fetched by stage step ${index}`).toBe(layout.headerEnd + chunkSpan(layout, index));
      }
    }
    const fromCopy = await staged(report.id);
    expect(fromCopy.rows).toHaveLength(ROWS - Math.ceil((ROWS - 7) / 250));
    expect(fromCopy.rejected).toHaveLength(Math.ceil((ROWS - 7) / 250));

    // The same file read as before the change (a source with no text store: every step from the start).
    await updateReport(db(), report.id, { status: "completed" });
    const before = await newReport(key);
    const fromStart: ReportSource = { openBytes: s3ReportSource(before).openBytes };
    await prepare(before, fromStart);
    const stepsFromStart = await stageAll(before, fromStart);
    expect(stepsFromStart.map((s) => s.result)).toEqual(steps.map((s) => s.result));
    expect(await staged(before.id)).toEqual(fromCopy);
    // That path fetched the stored file from its start in every step: the last one read (nearly) all of it.
    expect(gets(stepsFromStart.at(-1)!.requests).map((r) => [r.key, r.range])).toEqual([[key, null], [key, null]]);

    await clearImportScratch(db(), report.id);
    expect(await scratchKeys(report.id)).toEqual([]);
    expect(await readTextLayout(db(), report.id)).toBeUndefined();
  }, 60_000);

  it("copies nothing of a .csv.gz short enough to be staged from the stored file", async () => {
    const short = "reports/YouTube_Short_M_20250601_claim_raw_v1-1.csv.gz";
    await putReport(short, gzipSync(claimRawFile(CHUNK_ROWS * COPIED_FROM_CHUNK)));
    const report = await newReport(short);
    const source = s3ReportSource(report, { pieceBytes: PIECE_BYTES });
    log.clear();
    await prepare(report, source);
    expect(log.requests.filter((r) => r.method === "PUT")).toEqual([]);
    expect(await readTextLayout(db(), report.id)).toMatchObject({ scratch: false, objects: [] });
    const steps = await stageAll(report, source);
    expect(steps).toHaveLength(COPIED_FROM_CHUNK);
    expect(steps.flatMap((s) => gets(s.requests)).every((r) => r.key === short && r.range === null)).toBe(true);
  }, 60_000);

  it("gives a retried step the identical result, and reads the stored file instead when the copy is gone", async () => {
    await putReport(key, gzipSync(text));
    const report = await newReport(key);
    const source = s3ReportSource(report, { pieceBytes: PIECE_BYTES });
    await prepare(report, source);
    const steps = await stageAll(report, source);
    const complete = await staged(report.id);

    // Back to the moment an attempt of a copied step had staged its rows and died before recording its result.
    const retriedIndex = COPIED_FROM_CHUNK + 1;
    const stepKey = (i: number) => `stage-${String(i).padStart(5, "0")}`;
    const kept = Array.from({ length: retriedIndex }, (_, i) => stepKey(i));
    await db().execute(sql`DELETE FROM import_steps WHERE report_id = ${report.id} AND step_key LIKE '%stage-%'
      AND step_key NOT IN (${sql.join([...kept, ...kept.map((k) => `started:${k}`), `started:${stepKey(retriedIndex)}`], sql`, `)})`);
    const after = steps[retriedIndex + 1].checkpoint!.line;
    await db().execute(sql`DELETE FROM import_staging WHERE report_id = ${report.id} AND line >= ${after}`);
    await db().execute(sql`DELETE FROM report_rows_rejected WHERE report_id = ${report.id} AND line >= ${after}`);
    // The retry clears what the attempt wrote, reads the same bytes and records the same result.
    const retried = await stageStep(report, source, retriedIndex, steps[retriedIndex].checkpoint);
    expect(retried.result).toEqual(steps[retriedIndex].result);
    expect(retried.requests.map((r) => [r.key, r.range, r.bytes])).toEqual(steps[retriedIndex].requests.map((r) => [r.key, r.range, r.bytes]));

    // Scratch removed under the running import (a cancel's cleanup, say): the rest comes from the stored file.
    expect(await removeScratchObjects(report.id)).toBeGreaterThan(0);
    for (let index = retriedIndex + 1; index < steps.length; index++) {
      const step = await stageStep(report, source, index, steps[index].checkpoint);
      expect(step.result).toEqual(steps[index].result);
      expect(gets(step.requests).some((r) => r.key === key)).toBe(true);
    }
    expect(await staged(report.id)).toEqual(complete);
  }, 60_000);

  it("removes the scratch copy of a file that fails validation half-way", async () => {
    const broken = "reports/YouTube_Broken_M_20250601_claim_raw_v1-1.csv.gz";
    const gz = gzipSync(text);
    await putReport(broken, gz.subarray(0, Math.floor(gz.length * 0.8)));
    const report = await newReport(broken);
    log.clear();
    const prepared = await prepare(report, s3ReportSource(report, { pieceBytes: PIECE_BYTES }));
    expect(prepared).toMatchObject({ ok: false, reason: expect.stringMatching(/truncated/) });
    expect(log.requests.filter((r) => r.method === "PUT").length).toBeGreaterThan(3);
    expect(await scratchKeys()).toEqual([]);
    expect((await getReport(db(), report.id)).status).toBe("error");
    expect(await rows(db(), sql`SELECT step_key FROM import_steps WHERE report_id = ${report.id}`)).toEqual([]);
  }, 60_000);
});

describe("staging a plain .csv", () => {
  it("reads byte ranges of the stored object itself, pinned to its ETag, and writes no copy", async () => {
    const text = claimRawFile(ROWS);
    const key = "reports/YouTube_Plain_M_20250601_claim_raw_v1-1.csv";
    await putReport(key, text);
    const report = await newReport(key);
    const source = s3ReportSource(report, { pieceBytes: PIECE_BYTES });
    log.clear();
    await prepare(report, source);
    expect(log.requests.filter((r) => r.method === "PUT")).toEqual([]);
    const layout = (await readTextLayout(db(), report.id))!;
    expect(layout).toMatchObject({ scratch: false, objects: [{ key, etag: report.etag, start: 0, end: Buffer.byteLength(text) }] });

    const steps = await stageAll(report, source);
    for (const [index, step] of steps.entries()) {
      const fetched = gets(step.requests);
      expect(fetched.every((r) => r.key === key && r.range && r.ifMatch === `"${report.etag}"`)).toBe(true);
      expect(bytesOf(fetched), `bytes fetched by stage step ${index}`).toBe(layout.headerEnd + chunkSpan(layout, index));
    }
    await clearImportScratch(db(), report.id);
    expect(await scratchKeys()).toEqual([]);
  }, 60_000);
});
