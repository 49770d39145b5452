// Times every step of an import in this process, without the executor (diagnostics for the import benchmark): the
// same step functions the Inngest function runs, in its order, against the S3 stand-in and real PostgreSQL, next to
// a raw COPY of the same file measured in the same run. Besides wall-clock seconds it reports the CPU seconds each
// step used in this process and in the database's server processes: on a busy machine those move far less than
// the wall clock, so they show what a change saves. Run: `node --conditions=react-server --import tsx bench/profile-merge.ts`
// (PROFILE_ROWS, default 1,000,000; PROFILE_DAILY=0 skips the daily file; PROFILE_KEEP=1 keeps the database;
// PROFILE_EXPLAIN=<ms> logs the plans of slower statements with auto_explain into the server's log; PROFILE_CPU=node or
// db counts only this process or only the server's).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
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

/** CPU seconds used so far by this process and by the server processes connected to the benchmark's database. */
async function cpuSeconds(monitor: pg.Client): Promise<number> {
  const { rows: backends } = await monitor.query("SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [dbName]);
  let ticks = 0;
  for (const { pid } of backends) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // ended meanwhile
    }
  }
  const own = process.cpuUsage();
  return (process.env.PROFILE_CPU === "node" ? 0 : ticks / 100) + (process.env.PROFILE_CPU === "db" ? 0 : (own.user + own.system) / 1e6);
}

function table(label: string, result: { seconds: number; steps: Record<string, number>; cpu: Record<string, number> }, copySeconds: number) {
  const names = Object.keys(result.steps);
  const sum = (values: Record<string, number>) => Object.values(values).reduce((a, b) => a + b, 0);
  console.log(`\n${label}: ${result.seconds.toFixed(1)} s = ${(result.seconds / copySeconds).toFixed(2)}× COPY; CPU ${sum(result.cpu).toFixed(1)} s`);
  for (const name of names) console.log(`  ${name.padEnd(10)} ${result.steps[name].toFixed(2).padStart(7)} s  cpu ${(result.cpu[name] ?? 0).toFixed(2).padStart(6)} s`);
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
const monitor = new pg.Client({ connectionString: server });
await monitor.connect();
const cpu = () => cpuSeconds(monitor);
try {
  await migrateDatabase(dbUrl);
  const copySeconds = await timeRawCopy(dbUrl, file);
  console.log(`raw COPY ${copySeconds.toFixed(1)} s`);
  const { runImportInProcess } = await import("./import-in-process");
  const key = `reports/video_report_Prof_V_v1-3-${rows}.csv.gz`;
  table("first import", await runImportInProcess(file, key, { cpuSeconds: cpu }), copySeconds);
  table("re-import", await runImportInProcess(file, key, { cpuSeconds: cpu }), copySeconds);
  if (process.env.PROFILE_DAILY !== "0") {
    const db = await (await import("@/lib/db/client")).getDb();
    let run: Parameters<typeof table>[1] | undefined;
    const daily = await runDailyFileCase({
      db, workDir, rows,
      importFile: async (daily) => (run = await runImportInProcess(daily, `reports/video_report_Prof_V_v1-3-${rows}-daily.csv.gz`, { cpuSeconds: cpu })),
    });
    table("daily file", run!, copySeconds);
    console.log(`daily audit: ${daily.auditRows} rows (expected ${daily.expectedAuditRows}), exact: ${daily.auditExact}`, daily.problems);
  }
} finally {
  await monitor.end();
  await (await import("@/lib/db/client")).getDatabase().then((h) => h.close()).catch(() => {});
  await s3.stop();
  rmSync(s3Dir, { recursive: true, force: true });
  if (process.env.PROFILE_KEEP !== "1") await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  else console.log(`kept database ${dbName}`);
}
process.exit(0);
