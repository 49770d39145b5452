import { gzipSync } from "node:zlib";
import { ListObjectsV2Command } from "@aws-sdk/client-s3";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { claimRawText, decimalToUnits, unitsToDecimal } from "@/bench/claim-raw-report";
import { getEnv, resetEnvCache } from "@/lib/env";
import { SCRATCH_PREFIX } from "@/lib/import/pipeline/text-scratch";
import { COPIED_FROM_CHUNK } from "@/lib/import/pipeline/keep-text";
import { cancelImport } from "@/lib/import/reports/cancel-import";
import { requestImports } from "@/lib/import/reports/request-import";
import { getS3Client } from "@/lib/storage/s3-client";
import { putReport, rows, waitForReport } from "@/tests/helpers/imports";
import { startLocalStack, type LocalStack } from "@/tests/helpers/local-stack";
import { startS3RequestLog, type S3RequestLog } from "./linear-staging/s3-request-log";

// A multi-chunk claim-raw .csv.gz end to end (S3 stand-in → Inngest executor → the app's /api/inngest handler →
// database): staging reads each chunk once from the text the validation left, the catalog ends as a single-chunk
// import leaves it, the revenue ties out to the file, and the scratch copies go when the import ends or is cancelled.
let stack: LocalStack;
let log: S3RequestLog;
const db = () => stack.database.db;
/** 9 chunks: COPIED_FROM_CHUNK of them read from the stored file, the rest from the validation's copy. */
const ROWS = 8500;
const CHUNK_ROWS = 1000;
const key = "reports/YouTube_Linear_M_20250601_claim_raw_v1-1.csv.gz";
const file = claimRawText(ROWS, 300);

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** `singleRead`: as a first import runs by default, the validation read staging every row (no staging steps). */
async function importFile(body: Uint8Array, chunkRows: number, rangeRows = 1_000_000, singleRead = false) {
  process.env.IMPORT_CHUNK_ROWS = String(chunkRows);
  process.env.IMPORT_MERGE_RANGE_VIDEOS = String(rangeRows);
  process.env.IMPORT_STAGING_STEPS_ONLY = singleRead ? "" : "1";
  resetEnvCache();
  await putReport(key, body);
  log.clear();
  const [report] = await requestImports(db(), { keys: [key], triggeredBy: "user" });
  return waitForReport(db(), report.id, 120_000);
}

async function catalogSnapshot() {
  return {
    videos: await rows(db(), sql`SELECT video_id, channel_id, asset_id, custom_id, effective_policy, is_short, short_rule FROM videos ORDER BY video_id`),
    claims: await rows(db(), sql`SELECT video_id, asset_id, claim_type, claim_origin, policy FROM claims ORDER BY video_id, asset_id`),
    metrics: await rows(db(), sql`SELECT video_id, period::text, report_kind, owned_views, partner_revenue::text FROM video_metrics ORDER BY video_id, period`),
    audit: await rows(db(), sql`SELECT video_id, changes FROM metadata_syncs ORDER BY video_id, sync_time`),
  };
}

async function scratchKeys(): Promise<string[]> {
  const listed = await getS3Client().send(new ListObjectsV2Command({ Bucket: getEnv().S3_BUCKET, Prefix: SCRATCH_PREFIX }));
  return (listed.Contents ?? []).map((o) => o.Key!);
}

const truncateCatalog = () =>
  db().execute(sql`TRUNCATE videos, claims, assets, metadata_syncs, video_metrics, asset_metrics, processing_queue, channels, reports, report_rows_rejected, import_staging, import_steps RESTART IDENTITY CASCADE`);

beforeAll(async () => {
  stack = await startLocalStack();
  log = await startS3RequestLog({ host: "127.0.0.1", port: stack.s3.port });
  process.env.S3_ENDPOINT = log.url;
  resetEnvCache();
}, 60_000);
afterAll(async () => {
  await stack?.stop();
  await log?.stop();
});
beforeEach(async () => {
  await until(async () => stack.executor.executor.activeRuns().length === 0, "the previous import's run to end");
  await truncateCatalog();
});

it("stages a multi-chunk .csv.gz reading each chunk once, ends as a single-chunk import does and removes its copy", async () => {
  const gz = gzipSync(file.text);
  // Nine merge ranges: the staged rows are sorted by video before they are merged (plan-ranges.ts).
  const report = await importFile(gz, CHUNK_ROWS, 1000);
  expect(report).toMatchObject({ status: "completed", summary: { total_rows: ROWS, rejected: 0 } });
  const chunked = await catalogSnapshot();
  // Revenue to the last of its 12 decimals, against the file's own exact sum.
  const [total] = await rows<{ revenue: string }>(db(), sql`SELECT sum(partner_revenue)::text AS revenue FROM video_metrics`);
  expect(decimalToUnits(total.revenue)).toBe(file.revenueUnits);
  expect(unitsToDecimal(decimalToUnits(total.revenue))).toBe(unitsToDecimal(file.revenueUnits));

  // The stored .csv.gz was read by the validation and by the first chunks' steps only; every step read its header
  // from the header piece, and the later steps their chunks from the copy by range: that text exactly once.
  const getsOf = (prefix: string) => log.requests.filter((r) => r.method === "GET" && r.key.startsWith(prefix));
  const steps = Math.ceil(ROWS / CHUNK_ROWS);
  expect(getsOf(key).map((r) => r.range)).toEqual(Array(1 + COPIED_FROM_CHUNK).fill(null));
  const lines = file.text.split("\n");
  const headerBytes = Buffer.byteLength(lines[0]) + 1;
  const copiedFrom = Buffer.byteLength(lines.slice(0, 1 + COPIED_FROM_CHUNK * CHUNK_ROWS).join("\n")) + 1;
  const pieceReads = getsOf(`${SCRATCH_PREFIX}${report.id}/`);
  expect(pieceReads.every((r) => r.range && r.ifMatch && r.status === 206)).toBe(true);
  expect(pieceReads.filter((r) => r.range === `bytes=0-${headerBytes - 1}`)).toHaveLength(steps);
  expect(pieceReads.reduce((n, r) => n + r.bytes, 0)).toBe(steps * headerBytes + Buffer.byteLength(file.text) - copiedFrom);
  expect(await scratchKeys()).toEqual([]);
  expect(await rows(db(), sql`SELECT step_key FROM import_steps`)).toEqual([]);

  await until(async () => stack.executor.executor.activeRuns().length === 0, "the run to end");
  await truncateCatalog();
  // One chunk and one merge range (nothing sorted): the catalog must come out the same.
  const single = await importFile(gz, 100_000);
  expect(single).toMatchObject({ status: "completed", summary: report.summary! });
  expect(await catalogSnapshot()).toEqual(chunked);

  await until(async () => stack.executor.executor.activeRuns().length === 0, "the run to end");
  await truncateCatalog();
  // The default for an empty catalog: the validation read stages every row itself. The stored file is read once,
  // no copy of its text is written, and the catalog comes out the same.
  const once = await importFile(gz, CHUNK_ROWS, 1000, true);
  expect(once).toMatchObject({ status: "completed", summary: report.summary! });
  expect(await catalogSnapshot()).toEqual(chunked);
  expect(getsOf(key).map((r) => r.range)).toEqual([null]);
  expect(log.requests.filter((r) => r.key.startsWith(SCRATCH_PREFIX))).toEqual([]);
  expect(await rows(db(), sql`SELECT count(*)::int AS n FROM import_staging`)).toEqual([{ n: 0 }]);
}, 180_000);

it("removes the scratch copy when the import is cancelled during staging", async () => {
  const big = claimRawText(20_000, 2000);
  process.env.IMPORT_CHUNK_ROWS = "400";
  process.env.IMPORT_STAGING_STEPS_ONLY = "1";
  resetEnvCache();
  const bigKey = "reports/YouTube_Cancel_M_20250601_claim_raw_v1-1.csv.gz";
  await putReport(bigKey, gzipSync(big.text));
  const [report] = await requestImports(db(), { keys: [bigKey], triggeredBy: "user" });
  await until(async () => (await rows(db(), sql`SELECT 1 FROM import_steps WHERE report_id = ${report.id} AND step_key = 'started:stage-00001'`)).length > 0, "staging");
  expect((await scratchKeys()).length).toBeGreaterThan(0);
  expect((await cancelImport(db(), report.id)).status).toBe("cancelled");
  await until(async () => stack.executor.executor.activeRuns().length === 0, "the run to end");
  expect((await waitForReport(db(), report.id)).status).toBe("cancelled");
  expect(await scratchKeys()).toEqual([]);
  expect(await rows(db(), sql`SELECT count(*)::int AS n FROM import_staging`)).toEqual([{ n: 0 }]);
  expect(await rows(db(), sql`SELECT count(*)::int AS n FROM videos`)).toEqual([{ n: 0 }]);
}, 120_000);
