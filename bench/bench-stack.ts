import { createReadStream, rmSync, statSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import type { ChildProcess } from "node:child_process";
import pg from "pg";
import { migrateDatabase } from "./migrate-database";
import { peakMemoryMb, startNodeProcess, stopProcess, waitForUrl } from "./processes";

/**
 * The local stack an import benchmark runs on, in one call: a throwaway database on the real PostgreSQL server,
 * the S3 and Pusher stand-ins in this process, the app's /api/inngest handler and the Inngest executor in
 * processes of their own (so their memory can be measured). This process's env is pointed at it, and the app's
 * modules are imported only afterwards: start one stack per process.
 */
export async function startBenchStack(options: { server: string; workDir: string; heapMb: number; ports: { s3: number; inngest: number; app: number; pusher: number } }) {
  const { server, workDir, heapMb, ports } = options;
  const dbName = `catalog_bench_${randomBytes(4).toString("hex")}`;
  const dbUrl = Object.assign(new URL(server), { pathname: `/${dbName}` }).toString();
  const bucket = "bench-reports";
  const admin = async (text: string) => {
    const client = new pg.Client({ connectionString: server });
    await client.connect();
    await client.query(text).finally(() => client.end());
  };
  // Fresh stand-in state each run: the executor would otherwise resume the runs of an earlier benchmark.
  for (const dir of ["data", "s3"]) rmSync(path.join(workDir, dir), { recursive: true, force: true });
  await admin(`CREATE DATABASE ${dbName}`);
  const secrets = { signingKey: `signkey-test-${randomBytes(16).toString("hex")}`, eventKey: "bench-event-key" };
  Object.assign(process.env, {
    DATABASE_URL: dbUrl,
    DATA_DIR: path.join(workDir, "data"),
    APP_URL: `http://127.0.0.1:${ports.app}`,
    S3_ENDPOINT: `http://127.0.0.1:${ports.s3}`, S3_BUCKET: bucket, S3_ACCESS_KEY_ID: "S3RVER", S3_SECRET_ACCESS_KEY: "S3RVER",
    INNGEST_BASE_URL: `http://127.0.0.1:${ports.inngest}`, INNGEST_SIGNING_KEY: secrets.signingKey, INNGEST_EVENT_KEY: secrets.eventKey, INNGEST_DEV: "0",
    PUSHER_APP_ID: "bench", PUSHER_KEY: "bench-key", PUSHER_SECRET: "bench-secret", PUSHER_HOST: "127.0.0.1", PUSHER_PORT: String(ports.pusher), PUSHER_USE_TLS: "false",
  });
  const children: ChildProcess[] = [];
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const child of children) await stopProcess(child);
    for (const s of stops) await s().catch(() => {});
    await (await import("@/lib/db/client")).getDatabase().then((h) => h.close()).catch(() => {});
    await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => {});
  };
  try {
    await migrateDatabase(dbUrl);
    const { startLocalS3 } = await import("@/local/s3/server");
    const { startPusherServer } = await import("@/local/pusher/server");
    const s3 = await startLocalS3({ port: ports.s3, directory: path.join(workDir, "s3"), bucket });
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
    // An event sent before the executor has the app's functions starts no run.
    await waitForFunctions(`http://127.0.0.1:${ports.inngest}/health`);

    const { PutObjectCommand } = await import("@aws-sdk/client-s3");
    const { getS3Client } = await import("@/lib/storage/s3-client");
    const { getDb } = await import("@/lib/db/client");
    const { requestImports } = await import("@/lib/import/reports/request-import");
    const { waitForReport } = await import("@/tests/helpers/imports");
    const db = await getDb();
    /** Step timings the app prints (`[import] report <id> <step> <ms> ms`), per report. */
    const stepLines: { line: string; at: number }[] = [];
    let partial = "";
    app.stdout!.on("data", (c: Buffer) => {
      const lines = (partial + c.toString()).split("\n");
      partial = lines.pop() ?? "";
      const at = performance.now();
      stepLines.push(...lines.filter((l) => l.startsWith("[import]")).map((line) => ({ line, at })));
    });

    return {
      db,
      app,
      executor,
      async putFile(key: string, file: string) {
        await getS3Client().send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: createReadStream(file), ContentLength: statSync(file).size }));
      },
      /** Requests the import of `key` and waits for it to complete; the time is request → completed. */
      async importKey(key: string) {
        const started = performance.now();
        const [report] = await requestImports(db, { keys: [key], triggeredBy: "user" });
        const done = await waitForReport(db, report.id, 60 * 60_000);
        const seconds = (performance.now() - started) / 1000;
        if (done.status !== "completed") throw new Error(`the import of ${key} ended ${done.status}: ${done.error}`);
        // The last step's line may come a moment after the report says completed.
        await new Promise((r) => setTimeout(r, 500));
        let previousEnd = started;
        const steps = stepLines
          .map((l) => ({ parts: l.line.split(" "), at: l.at }))
          .filter((l) => l.parts[2] === String(report.id))
          .map((l) => {
            const ms = Number(l.parts[4]);
            // Time between the previous logged step's end and this one's start: unlogged steps, the executor.
            const gapMs = Math.max(0, l.at - ms - previousEnd);
            previousEnd = l.at;
            return { step: l.parts[3], ms, gapMs };
          });
        return { seconds, report: done, steps };
      },
      /**
       * Waits until the executor runs nothing (an import's enrichment hand-off starts a run that would otherwise
       * compete with the next import); resolves with the functions still running after `timeoutMs`, if any.
       */
      async idle(timeoutMs = 5 * 60_000): Promise<string[]> {
        const deadline = Date.now() + timeoutMs;
        for (;;) {
          const runs = (await (await fetch(`http://127.0.0.1:${ports.inngest}/v0/runs?limit=100`)).json()) as { function: string; status: string }[];
          const active = runs.filter((r) => !["completed", "failed", "cancelled"].includes(r.status)).map((r) => r.function);
          if (active.length === 0 || Date.now() > deadline) return active;
          await new Promise((r) => setTimeout(r, 500));
        }
      },
      memory: () => ({ app: peakMemoryMb(app.pid!), executor: peakMemoryMb(executor.pid!) }),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

export type BenchStack = Awaited<ReturnType<typeof startBenchStack>>;

async function waitForFunctions(healthUrl: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const health = (await (await fetch(healthUrl)).json().catch(() => ({}))) as { functions?: number };
    if ((health.functions ?? 0) > 0) return;
    if (Date.now() > deadline) throw new Error("the Inngest executor did not register the app's functions");
    await new Promise((r) => setTimeout(r, 200));
  }
}
