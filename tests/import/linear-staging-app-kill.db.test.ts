import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { ListObjectsV2Command } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, expect, it } from "vitest";
import { claimRawHeader, claimRawRow } from "@/bench/claim-raw-report";
import { getEnv } from "@/lib/env";
import { SCRATCH_PREFIX } from "@/lib/import/pipeline/text-scratch";
import { COPIED_FROM_CHUNK } from "@/lib/import/pipeline/keep-text";
import { getS3Client } from "@/lib/storage/s3-client";
import { startExecutor, type ExecutorHandle } from "@/local/inngest/executor";
import { createTestDatabase, testServerUrl, type TestDatabase } from "@/tests/helpers/db";
import { putReport } from "@/tests/helpers/imports";
import { startTestS3 } from "@/tests/helpers/local-s3";
import { appProcesses, type AppProcesses } from "./app-kill/app-processes";
import type { MidStaging } from "./app-kill/hold-mid-staging";
import { startThrottlingProxy, type ThrottlingProxy } from "./app-kill/throttling-proxy";
import { startS3RequestLog, type S3RequestLog } from "./linear-staging/s3-request-log";

// Resume after the app process is killed (SIGKILL) in the middle of staging a .csv.gz: the retried step reads its
// chunk from the scratch copy the validation left (the validation is not run again), and the import ends with
// the same catalog, metrics and rejected rows as an uninterrupted one, its scratch copy removed. The pattern is
// that of import-app-kill.db.test.ts: app → throttling proxy → request log → S3 stand-in.
const CHUNK_ROWS = 2000;
/** The last two chunks are read from the validation's copy (COPIED_FROM_CHUNK = 4); the test kills one of them. */
const CHUNKS = 6;
const BAD_PER_CHUNK = 1100;
const signingKey = `signkey-test-${"b77d".repeat(16)}`;
let s3: Awaited<ReturnType<typeof startTestS3>>;
let log: S3RequestLog;
let s3Proxy: ThrottlingProxy;
let executor: ExecutorHandle;
let database: TestDatabase | undefined;
let workDir: string;
let app: AppProcesses;

// The first 1,100 rows of every chunk have a bad view count: a chunk writes a batch of 1,000 rejected rows while
// it is still reading, which is where the test catches it.
function report(): Buffer {
  const lines = [claimRawHeader.join(",")];
  for (let i = 0; i < CHUNK_ROWS * CHUNKS; i++) {
    const cells = claimRawRow(i, 700).cells;
    if (i % CHUNK_ROWS < BAD_PER_CHUNK) cells[claimRawHeader.indexOf("Owned Views")] = "many";
    lines.push(cells.join(","));
  }
  return gzipSync(lines.join("\n") + "\n");
}

const query = <T = Record<string, unknown>>(text: string) => app.query<T>(text);

async function until(check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function waitForReport(id: number, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await query<{ status: string; summary: { created: number; rejected: number } | null; error: string | null }>(
      `SELECT status, summary, error FROM reports WHERE id = ${id}`);
    if (["completed", "error", "cancelled"].includes(row.status)) return row;
    if (Date.now() > deadline) throw new Error(`report ${id} still ${row.status}\n${app.output().slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function snapshot() {
  return {
    videos: await query("SELECT video_id, channel_id, asset_id, custom_id, effective_policy FROM videos ORDER BY video_id"),
    claims: await query("SELECT video_id, asset_id, policy FROM claims ORDER BY video_id, asset_id"),
    metrics: await query("SELECT video_id, period::text, owned_views, partner_revenue::text FROM video_metrics ORDER BY video_id, period"),
    rejected: await query("SELECT line, \"column\", value, reason FROM report_rows_rejected ORDER BY line, \"column\""),
  };
}

const truncateCatalog = () =>
  query("TRUNCATE videos, claims, assets, metadata_syncs, video_metrics, asset_metrics, processing_queue, channels, reports, report_rows_rejected, import_staging, import_steps RESTART IDENTITY CASCADE");

/** The scratch objects in the bucket (this process's S3 client talks to the stand-in directly). */
async function scratchObjects(): Promise<string[]> {
  const listed = await getS3Client().send(new ListObjectsV2Command({ Bucket: getEnv().S3_BUCKET, Prefix: SCRATCH_PREFIX }));
  return (listed.Contents ?? []).map((o) => o.Key!);
}

async function freePort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

beforeAll(async () => {
  s3 = await startTestS3();
  log = await startS3RequestLog({ host: "127.0.0.1", port: s3.port });
  s3Proxy = await startThrottlingProxy({ host: "127.0.0.1", port: Number(new URL(log.url).port) });
  workDir = mkdtempSync(path.join(tmpdir(), "catalog-linear-kill-"));
  if (testServerUrl()) database = await createTestDatabase({ install: false });
  const port = await freePort();
  const appUrl = `http://127.0.0.1:${port}`;
  executor = await startExecutor({ port: 0, appUrl: `${appUrl}/api/inngest`, signingKey, eventKey: "linear-kill-event-key", dataDir: workDir, pollMs: 50, resyncMs: 600_000, log: () => {} });
  app = appProcesses(appUrl, {
    ...process.env,
    PORT: String(port), APP_URL: appUrl, NODE_ENV: "test", DATA_DIR: workDir, S3_ENDPOINT: s3Proxy.url,
    DATABASE_URL: database?.url ?? `file://${path.join(workDir, "pglite")}`,
    INNGEST_BASE_URL: executor.url, INNGEST_SIGNING_KEY: signingKey, INNGEST_EVENT_KEY: "linear-kill-event-key", INNGEST_DEV: "0",
    IMPORT_CHUNK_ROWS: String(CHUNK_ROWS), IMPORT_MERGE_RANGE_VIDEOS: "2000",
    // Staged by the staging steps even into the empty catalog: a step of those is what gets killed.
    IMPORT_STAGING_STEPS_ONLY: "1",
    PUSHER_APP_ID: "", PUSHER_KEY: "", PUSHER_SECRET: "",
  });
  await app.start(await app.load());
  expect(await executor.sync()).toMatchObject({ ok: true });
}, 120_000);
afterAll(async () => {
  await app?.kill();
  await executor?.stop();
  await database?.drop();
  await s3Proxy?.stop();
  await log?.stop();
  await s3?.cleanup();
  rmSync(workDir, { recursive: true, force: true });
});

it("resumes a .csv.gz import killed mid-staging from the scratch copy and ends identical to an uninterrupted run", async () => {
  const key = "reports/YouTube_Kill_M_20250601_claim_raw_v1-1.csv.gz";
  await putReport(key, report());
  const expectedSummary = { created: 700, rejected: CHUNKS * BAD_PER_CHUNK };
  const first = await waitForReport((await app.call<{ id: number }>("import", { key })).id);
  expect(first).toMatchObject({ status: "completed", summary: expectedSummary });
  const uninterrupted = await snapshot();
  expect(await scratchObjects()).toEqual([]);

  await until(async () => executor.executor.activeRuns().length === 0);
  await truncateCatalog();
  const { id } = await app.call<{ id: number }>("import", { key });
  await until(async () => (await query(`SELECT 1 FROM import_steps WHERE report_id = ${id} AND step_key LIKE 'started:stage-%'`)).length > 0);
  // From here the bucket answers at ~150 KB/s: a chunk (~450 KB) takes seconds, and the step is caught in it.
  s3Proxy.setRate(150_000);
  const frozen = await app.call<MidStaging | null>("hold-mid-staging", { reportId: id, minIndex: COPIED_FROM_CHUNK, timeoutMs: 90_000 });
  expect(frozen, "a staging step caught between its first rejected batch and its end").not.toBeNull();
  expect((await scratchObjects()).length).toBeGreaterThan(0);
  const replacement = await app.load();
  await app.kill();
  s3Proxy.setRate(null);
  log.clear();
  await app.start(replacement);

  const resumed = await waitForReport(id);
  expect(resumed).toMatchObject({ status: "completed", error: null, summary: expectedSummary });
  expect(await snapshot()).toEqual(uninterrupted);
  // The restarted app resumed at the killed step, without validating (and copying) the file again, and read
  // scratch pieces only: the stored .csv.gz was not opened again.
  const ranAfterRestart = app.stepsRun();
  expect(ranAfterRestart[0]).toBe(`stage-rows-${frozen!.index}`);
  expect(ranAfterRestart).not.toContain("validate-file");
  const reads = log.requests.filter((r) => r.method === "GET");
  expect(reads.filter((r) => r.key === key)).toEqual([]);
  expect(reads.filter((r) => r.key.startsWith(`${SCRATCH_PREFIX}${id}/`)).length).toBeGreaterThan(0);
  expect(await scratchObjects()).toEqual([]);
}, 300_000);
