// Benchmark of issue #4: a 1,000,000-row Videos report imported end to end through the local stack on real
// PostgreSQL, against a raw COPY of the same rows. Run: `npm run bench:import` (BENCH_ROWS to change the size).
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync, createReadStream } from "node:fs";
import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { generateVideosReport } from "./generate-videos-report";
import { timeRawCopy } from "./raw-copy";
import { migrateDatabase } from "./migrate-database";
import { peakMemoryMb, startNodeProcess, stopProcess, waitForUrl } from "./processes";
import { runClaimRawPart, takeOption } from "./claim-raw-part";

const rows = Number(process.env.BENCH_ROWS ?? 1_000_000);
const server = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const workDir = path.resolve(".data/bench");
const file = path.join(workDir, `videos-report-${rows}.csv.gz`);
const dbName = `catalog_bench_${randomBytes(4).toString("hex")}`;
const dbUrl = Object.assign(new URL(server), { pathname: `/${dbName}` }).toString();
const secrets = { signingKey: `signkey-test-${randomBytes(16).toString("hex")}`, eventKey: "bench-event-key" };
const heapMb = Number(process.env.BENCH_APP_HEAP_MB ?? 256);
const ports = { s3: 4669, inngest: 8388, app: 3388, pusher: 6101 };

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  await client.query(sql);
  await client.end();
}

function configureEnv() {
  Object.assign(process.env, {
    DATABASE_URL: dbUrl,
    DATA_DIR: path.join(workDir, "data"),
    // The app registers its functions at APP_URL (see inngest/serve-options.ts): the app server's own port.
    APP_URL: `http://127.0.0.1:${ports.app}`,
    S3_ENDPOINT: `http://127.0.0.1:${ports.s3}`, S3_BUCKET: "bench-reports", S3_ACCESS_KEY_ID: "S3RVER", S3_SECRET_ACCESS_KEY: "S3RVER",
    INNGEST_BASE_URL: `http://127.0.0.1:${ports.inngest}`, INNGEST_SIGNING_KEY: secrets.signingKey, INNGEST_EVENT_KEY: secrets.eventKey, INNGEST_DEV: "0",
    PUSHER_APP_ID: "bench", PUSHER_KEY: "bench-key", PUSHER_SECRET: "bench-secret", PUSHER_HOST: "127.0.0.1", PUSHER_PORT: String(ports.pusher), PUSHER_USE_TLS: "false",
  });
}

async function main() {
  mkdirSync(workDir, { recursive: true });
  if (!existsSync(file)) {
    console.log(`generating ${rows.toLocaleString()} rows → ${file}`);
    await generateVideosReport(file, rows);
  }
  const fileMb = (statSync(file).size / 1e6).toFixed(1);
  // Fresh stand-in state each run: the executor would otherwise resume the runs of an earlier benchmark.
  for (const dir of ["data", "s3"]) rmSync(path.join(workDir, dir), { recursive: true, force: true });
  await admin(`CREATE DATABASE ${dbName}`);
  configureEnv();
  const children: ReturnType<typeof startNodeProcess>[] = [];
  const stops: (() => Promise<void>)[] = [];
  try {
    await migrateDatabase(dbUrl);

    console.log("timing a raw COPY of the same rows …");
    const copySeconds = await timeRawCopy(dbUrl, file);

    const { startLocalS3 } = await import("@/local/s3/server");
    const { startPusherServer } = await import("@/local/pusher/server");
    const s3 = await startLocalS3({ port: ports.s3, directory: path.join(workDir, "s3"), bucket: "bench-reports" });
    const pusher = await startPusherServer({ port: ports.pusher, appId: "bench", key: "bench-key", secret: "bench-secret" });
    stops.push(() => s3.stop(), () => pusher.stop());
    // The heap cap a deployment would set (NODE_OPTIONS): V8 otherwise grows the heap lazily on a 24 GiB machine.
    const app = startNodeProcess("app", "bench/app-server.ts", { ...process.env, PORT: String(ports.app) }, [`--max-old-space-size=${heapMb}`]);
    const executor = startNodeProcess("inngest", "local/inngest/main.ts", {
      ...process.env, PORT: String(ports.inngest), APP_INNGEST_URL: `http://127.0.0.1:${ports.app}/api/inngest`,
    });
    children.push(app, executor);
    await waitForUrl(`http://127.0.0.1:${ports.inngest}/health`);
    await waitForUrl(`http://127.0.0.1:${ports.app}/api/inngest`);
    await new Promise((r) => setTimeout(r, 1000));

    const { PutObjectCommand } = await import("@aws-sdk/client-s3");
    const { getS3Client } = await import("@/lib/storage/s3-client");
    const key = `reports/video_report_Bench_V_v1-3-${rows}.csv.gz`;
    await getS3Client().send(new PutObjectCommand({ Bucket: "bench-reports", Key: key, Body: createReadStream(file), ContentLength: statSync(file).size }));

    const { getDb } = await import("@/lib/db/client");
    const { requestImports } = await import("@/lib/import/reports/request-import");
    const { waitForReport } = await import("@/tests/helpers/imports");
    const { sql } = await import("drizzle-orm");
    const db = await getDb();
    const auditRows = async () => Number((await db.execute(sql`SELECT count(*)::int AS n FROM metadata_syncs`)).rows[0].n);

    const timeImport = async (label: string) => {
      console.log(`${label} …`);
      const started = performance.now();
      const [report] = await requestImports(db, { keys: [key], triggeredBy: "user" });
      const done = await waitForReport(db, report.id, 30 * 60_000);
      const seconds = (performance.now() - started) / 1000;
      if (done.status !== "completed") throw new Error(`${label} ended ${done.status}: ${done.error}`);
      return { seconds, report: done };
    };
    const first = await timeImport("importing");
    const auditAfterFirst = await auditRows();
    const second = await timeImport("re-importing the same file");
    const auditWrittenByReimport = (await auditRows()) - auditAfterFirst;
    const runs = (await (await fetch(`http://127.0.0.1:${ports.inngest}/v0/runs?limit=10`)).json()) as { id: string; stepsDone: number }[];
    const details = await Promise.all(runs.map(async (r) => (await fetch(`http://127.0.0.1:${ports.inngest}/v0/runs/${r.id}`)).text()));
    const maxSteps = Math.max(...runs.map((r) => r.stepsDone));
    const maxStateKb = Math.max(...details.map((d) => d.length)) / 1024;
    const maxStepKb = Math.max(...details.flatMap((d) => (JSON.parse(d).steps as unknown[]).map((s) => JSON.stringify(s).length))) / 1024;
    const memory = { app: peakMemoryMb(app.pid!), executor: peakMemoryMb(executor.pid!) };

    const ratio = (s: number) => (s / copySeconds).toFixed(2);
    const result = [
      `### Import benchmark — ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, PostgreSQL (local)`,
      "",
      `| measure | value | target |`,
      `| --- | --- | --- |`,
      `| rows (file size gz) | ${rows.toLocaleString("en")} (${fileMb} MB) | 1,000,000 |`,
      `| raw COPY into a keyed table | ${copySeconds.toFixed(1)} s | — |`,
      `| full import (request → completed) | ${first.seconds.toFixed(1)} s = ${ratio(first.seconds)}× COPY | ≤ 2.5× |`,
      `| re-import of the same file | ${second.seconds.toFixed(1)} s = ${ratio(second.seconds)}× COPY, ${auditWrittenByReimport} audit rows | ≤ 1.5×, 0 rows |`,
      `| peak memory app / executor | ${memory.app} MB / ${memory.executor} MB | ≤ 400 MB each |`,
      `| steps per run / largest step record / run state | ${maxSteps} / ${maxStepKb.toFixed(1)} KB / ${maxStateKb.toFixed(1)} KB | ≤ 1,000 / 4 MB / 32 MB |`,
      `| summary of the first import | created ${first.report.summary?.created}, updated ${first.report.summary?.updated}, rejected ${first.report.summary?.rejected} | |`,
    ].join("\n");
    console.log(`\n${result}\n`);
    writeFileSync(path.join(workDir, "latest-result.md"), result + "\n");
  } catch (error) {
    console.error("benchmark failed:", error);
    process.exitCode = 1;
  } finally {
    for (const child of children) await stopProcess(child);
    for (const stop of stops) await stop().catch(() => {});
    if (process.env.DATABASE_URL === dbUrl) await (await import("@/lib/db/client")).getDatabase().then((h) => h.close()).catch(() => {});
    await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => {});
  }
}

// `--only videos` runs the Videos-report part above, `--only claim-raw` the claim-raw scaling part (issue #12,
// bench/claim-raw-benchmark.ts, which takes `--runs N` and `--sizes a,b`); by default both, in that order.
async function allParts() {
  const { value: only, rest } = takeOption(process.argv.slice(2), "only");
  if (only && only !== "videos" && only !== "claim-raw") throw new Error(`--only takes videos or claim-raw, not ${only}`);
  if (only !== "claim-raw") await main();
  if (only !== "videos" && !process.exitCode) process.exitCode = await runClaimRawPart(rest);
}

allParts().then(
  () => process.exit(process.exitCode ?? 0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
