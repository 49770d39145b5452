// Times every step of an import in this process, without the executor (diagnostics for the import benchmark): the
// same step functions the Inngest function runs, in its order, against the S3 stand-in and real PostgreSQL, next to
// a raw COPY of the same file measured in the same run. Run: `npx tsx bench/profile-merge.ts`
// (PROFILE_ROWS, default 1,000,000; PROFILE_DAILY=0 skips the daily file; PROFILE_KEEP=1 keeps the database;
// PROFILE_EXPLAIN=<ms> logs the plans of slower statements with auto_explain into the server's log).
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { generateVideosReport } from "./generate-videos-report";
import { timeRawCopy } from "./raw-copy";
import { migrateDatabase } from "./migrate-database";
import { runDailyFileCase } from "./daily-file-case";

const rows = Number(process.env.PROFILE_ROWS ?? 1_000_000);
const server = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const workDir = path.resolve(".data/bench");
const file = path.join(workDir, `videos-report-${rows}.csv.gz`);
const dbName = `catalog_prof_${randomBytes(3).toString("hex")}`;
const dbUrl = Object.assign(new URL(server), { pathname: `/${dbName}` }).toString();

async function admin(statement: string) {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  await client.query(statement);
  await client.end();
}

mkdirSync(workDir, { recursive: true });
if (!existsSync(file)) await generateVideosReport(file, rows);
await admin(`CREATE DATABASE ${dbName}`);
if (process.env.PROFILE_EXPLAIN) {
  // Plans of every statement slower than PROFILE_EXPLAIN ms, with actual times, into the server's log.
  for (const setting of ["session_preload_libraries = 'auto_explain'", `auto_explain.log_min_duration = ${Number(process.env.PROFILE_EXPLAIN)}`,
    "auto_explain.log_analyze = on", "auto_explain.log_timing = on", "auto_explain.log_nested_statements = on"]) {
    await admin(`ALTER DATABASE ${dbName} SET ${setting}`);
  }
  console.log(`plans of slow statements go to the server log (database ${dbName})`);
}
const s3Dir = mkdtempSync(path.join(tmpdir(), "catalog-prof-s3-"));
Object.assign(process.env, {
  DATABASE_URL: dbUrl, S3_BUCKET: "prof-reports", S3_ACCESS_KEY_ID: "S3RVER", S3_SECRET_ACCESS_KEY: "S3RVER",
  PUSHER_APP_ID: "", PUSHER_KEY: "", PUSHER_SECRET: "",
});
const { startLocalS3 } = await import("@/local/s3/server");
const s3 = await startLocalS3({ port: 0, directory: s3Dir, bucket: "prof-reports" });
process.env.S3_ENDPOINT = s3.url;
try {
  await migrateDatabase(dbUrl);
  const copySeconds = await timeRawCopy(dbUrl, file);
  console.log(`raw COPY ${copySeconds.toFixed(1)} s`);
  const { runImportInProcess } = await import("./import-in-process");
  const first = await runImportInProcess(file, `reports/video_report_Prof_V_v1-3-${rows}.csv.gz`);
  console.log(`first import ${first.seconds.toFixed(1)} s = ${(first.seconds / copySeconds).toFixed(2)}× COPY`, first.steps);
  const again = await runImportInProcess(file, `reports/video_report_Prof_V_v1-3-${rows}.csv.gz`);
  console.log(`re-import ${again.seconds.toFixed(1)} s = ${(again.seconds / copySeconds).toFixed(2)}× COPY`, again.steps);
  if (process.env.PROFILE_DAILY !== "0") {
    const db = await (await import("@/lib/db/client")).getDb();
    let steps = {};
    const daily = await runDailyFileCase({
      db, workDir, rows,
      importFile: async (path) => {
        const result = await runImportInProcess(path, `reports/video_report_Prof_V_v1-3-${rows}-daily.csv.gz`);
        steps = result.steps;
        return result;
      },
    });
    console.log(`daily file ${daily.seconds.toFixed(1)} s = ${(daily.seconds / copySeconds).toFixed(2)}× COPY`, steps);
    console.log(`daily audit: ${daily.auditRows} rows (expected ${daily.expectedAuditRows}), exact: ${daily.auditExact}`, daily.problems);
  }
} finally {
  await (await import("@/lib/db/client")).getDatabase().then((h) => h.close()).catch(() => {});
  await s3.stop();
  rmSync(s3Dir, { recursive: true, force: true });
  if (process.env.PROFILE_KEEP !== "1") await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  else console.log(`kept database ${dbName}`);
}
process.exit(0);
