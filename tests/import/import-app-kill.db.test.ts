import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { benchRow, videosReportHeader } from "@/bench/generate-videos-report";
import { startExecutor, type ExecutorHandle } from "@/local/inngest/executor";
import { createTestDatabase, testServerUrl, type TestDatabase } from "@/tests/helpers/db";
import { putReport } from "@/tests/helpers/imports";
import { startTestS3 } from "@/tests/helpers/local-s3";
import { appProcesses, type AppProcesses } from "./app-kill/app-processes";
import type { MidStaging } from "./app-kill/hold-mid-staging";
import { startThrottlingProxy, type ThrottlingProxy } from "./app-kill/throttling-proxy";

// Resume after the APP process (not the executor) is killed with SIGKILL in the middle of a staging step. The app
// runs in a child process of its own with the real /api/inngest route; on PGlite it owns the database files (as
// under `npm start`), so its restart also recovers the embedded database from an unclean stop.
const CHUNK_ROWS = 3000;
const CHUNKS = 4;
const signingKey = `signkey-test-${"a99c".repeat(16)}`;
let s3: Awaited<ReturnType<typeof startTestS3>>;
/** The app reaches the bucket through this proxy, which the test slows down during the interrupted import. */
let s3Proxy: ThrottlingProxy;
let executor: ExecutorHandle;
let database: TestDatabase | undefined;
let workDir: string;
let app: AppProcesses;

// The first 1,100 rows of every chunk have a bad view count: a chunk writes a batch of 1,000 rejected rows while
// it is still reading, which the interrupted attempt leaves behind for the retry to clear.
function report(): string {
  const rows = Array.from({ length: CHUNK_ROWS * CHUNKS }, (_, i) => {
    const row = benchRow(i);
    if (i % CHUNK_ROWS < 1100) row[videosReportHeader.indexOf("views")] = "many";
    return row.join(",");
  });
  return [videosReportHeader.join(","), ...rows].join("\n") + "\n";
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
    const [report] = await query<{ status: string; summary: { created: number; rejected: number } | null; error: string | null }>(
      `SELECT status, summary, error FROM reports WHERE id = ${id}`);
    if (["completed", "error", "cancelled"].includes(report.status)) return report;
    if (Date.now() > deadline) {
      const run = executor.executor.store.all().at(-1);
      throw new Error(`report ${id} still ${report.status}; run ${JSON.stringify({ status: run?.status, attempt: run?.attempt, error: run?.error, stack: run?.stack.map((s) => run.stepNames[s]) })}\n${app.output().slice(-3000)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The catalog, audit trail and rejected rows without ids and times, which legitimately differ between runs. */
async function snapshot() {
  return {
    videos: await query("SELECT video_id, title, channel_id, views, effective_policy, asset_id, is_short, short_rule FROM videos ORDER BY video_id"),
    claims: await query("SELECT video_id, asset_id, claim_id, policy FROM claims ORDER BY video_id, asset_id"),
    audit: await query("SELECT video_id, changes FROM metadata_syncs ORDER BY video_id, sync_time"),
    backlog: await query("SELECT asset_id, enrichment_views::int FROM assets WHERE enrichment_requested_at IS NOT NULL ORDER BY asset_id"),
    rejected: await query("SELECT line, \"column\", value, reason FROM report_rows_rejected ORDER BY line, \"column\""),
  };
}

const truncateCatalog = () =>
  query("TRUNCATE videos, claims, assets, metadata_syncs, video_metrics, asset_metrics, processing_queue, channels, reports, report_rows_rejected, import_staging, import_steps RESTART IDENTITY CASCADE");

async function freePort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

beforeAll(async () => {
  s3 = await startTestS3();
  s3Proxy = await startThrottlingProxy({ host: "127.0.0.1", port: s3.port });
  workDir = mkdtempSync(path.join(tmpdir(), "catalog-app-kill-"));
  if (testServerUrl()) database = await createTestDatabase({ install: false });
  const port = await freePort();
  const appUrl = `http://127.0.0.1:${port}`;
  executor = await startExecutor({ port: 0, appUrl: `${appUrl}/api/inngest`, signingKey, eventKey: "app-kill-event-key", dataDir: workDir, pollMs: 50, resyncMs: 600_000, log: () => {} });
  app = appProcesses(appUrl, {
    ...process.env,
    PORT: String(port), APP_URL: appUrl, NODE_ENV: "test", DATA_DIR: workDir, S3_ENDPOINT: s3Proxy.url,
    DATABASE_URL: database?.url ?? `file://${path.join(workDir, "pglite")}`,
    INNGEST_BASE_URL: executor.url, INNGEST_SIGNING_KEY: signingKey, INNGEST_EVENT_KEY: "app-kill-event-key", INNGEST_DEV: "0",
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
  await s3?.cleanup();
  rmSync(workDir, { recursive: true, force: true });
});

it("resumes after the app is killed mid-staging, clears what the killed attempt wrote and ends identical to an uninterrupted run", async () => {
  const key = "reports/video_report_AppKill_V_v1-3.csv";
  await putReport(key, report());
  const first = await waitForReport((await app.call<{ id: number }>("import", { key })).id);
  expect(first).toMatchObject({ status: "completed", summary: { created: CHUNKS * (CHUNK_ROWS - 1100), rejected: CHUNKS * 1100 } });
  const uninterrupted = await snapshot();

  // The report is completed inside the run's last step: let the run end before its id is given to the next one.
  await until(async () => executor.executor.activeRuns().length === 0);
  await truncateCatalog();
  const { id } = await app.call<{ id: number }>("import", { key });
  // Once staging has begun, the report arrives at ~150 KB/s: a chunk (~750 KB) takes seconds to read, so the
  // step is caught between its first batch of rejected rows and its end.
  await until(async () => (await query(`SELECT 1 FROM import_steps WHERE report_id = ${id} AND step_key LIKE 'started:stage-%'`)).length > 0);
  s3Proxy.setRate(150_000);
  const frozen = await app.call<MidStaging | null>("hold-mid-staging", { reportId: id, minIndex: 1, timeoutMs: 60_000 });
  expect(frozen, "a staging step caught between its first rejected batch and its end").not.toBeNull();
  const interrupted = frozen!;
  expect(interrupted.rejected.length).toBeGreaterThanOrEqual(1000);
  expect(interrupted.rejected.length).toBeLessThanOrEqual(1100);
  const replacement = await app.load();
  await app.kill();
  s3Proxy.setRate(null);
  await app.start(replacement);

  const resumed = await waitForReport(id);
  expect(resumed).toMatchObject({ status: "completed", error: null, summary: { created: CHUNKS * (CHUNK_ROWS - 1100), rejected: CHUNKS * 1100 } });
  expect(await snapshot()).toEqual(uninterrupted);
  // The retried chunk deleted the killed attempt's rows and wrote its own (new ids), rather than keeping them.
  const killedIds = interrupted.rejected.map((r) => r.id);
  const survivors = await query<{ n: number }>(`SELECT count(*)::int AS n FROM report_rows_rejected WHERE id IN (${killedIds.join(",")})`);
  expect(survivors).toEqual([{ n: 0 }]);
  const rewritten = await query<{ n: number }>(
    `SELECT count(*)::int AS n FROM report_rows_rejected WHERE report_id = ${id} AND line IN (${interrupted.rejected.map((r) => r.line).join(",")})`);
  expect(rewritten).toEqual([{ n: interrupted.rejected.length }]);
  // The restarted app ran the killed step again and nothing before it: earlier steps were not read again.
  const ranAfterRestart = app.stepsRun();
  expect(ranAfterRestart[0]).toBe(`stage-rows-${interrupted.index}`);
  expect(ranAfterRestart).not.toContain("validate-file");
  expect(ranAfterRestart.filter((step) => /^stage-rows-\d+$/.test(step) && Number(step.slice(11)) < interrupted.index)).toEqual([]);
}, 300_000);
