// Benchmark of issue #9: GET /api/videos and GET /api/export through HTTP on a 1,000,000-video catalog in real
// PostgreSQL, against the reference design's plain `ILIKE '%term%'` title search without a trigram index.
// Run: `npm run bench:catalog` (BENCH_VIDEOS to change the size; the seeded database is kept between runs,
// BENCH_RESEED=1 seeds it again).
import os from "node:os";
import { readFileSync } from "node:fs";
import pg from "pg";
import { migrateDatabase } from "./migrate-database";
import { seedCatalog } from "./catalog-seed";
import { startNodeProcess, stopProcess, waitForUrl } from "./processes";
import { caseRequests, referenceTerms } from "./catalog-cases";

const videos = Number(process.env.BENCH_VIDEOS ?? 1_000_000);
const server = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const dbName = `catalog_bench_catalog_${videos}`;
const dbUrl = Object.assign(new URL(server), { pathname: `/${dbName}` }).toString();
const port = 3489;
const ROUNDS = 3;
const TARGET_P95_MS = 150;

async function query<T = Record<string, unknown>>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

async function prepareDatabase(): Promise<void> {
  const exists = (await query(server, "SELECT 1 FROM pg_database WHERE datname = $1", [dbName])).length > 0;
  if (exists && process.env.BENCH_RESEED !== "1") {
    await migrateDatabase(dbUrl);
    const [{ n }] = await query<{ n: number }>(dbUrl, "SELECT count(*)::int AS n FROM videos");
    if (n === videos) return console.log(`reusing ${dbName} (${n.toLocaleString("en")} videos)`);
  }
  await query(server, `DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await query(server, `CREATE DATABASE ${dbName}`);
  await migrateDatabase(dbUrl);
  console.log(`seeding ${videos.toLocaleString("en")} videos …`);
  const started = performance.now();
  await seedCatalog(dbUrl, { videos, channels: Math.max(50, Math.round(videos / 200)) });
  console.log(`seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const median = (values: number[]) => percentile(values, 50);

async function timeRequests(base: string, cookie: string, paths: string[]): Promise<{ p50: number; p95: number; total: number }> {
  const times: number[] = [];
  let total = 0;
  for (const p of paths) {
    const started = performance.now();
    const response = await fetch(`${base}${p}`, { headers: { cookie } });
    const body = (await response.json()) as { total?: number; message?: string };
    times.push(performance.now() - started);
    if (!response.ok) throw new Error(`${p} → ${response.status} ${body.message}`);
    total = body.total ?? 0;
  }
  return { p50: median(times), p95: percentile(times, 95), total };
}

/** The reference design: count + first page with `title ILIKE '%term%'` and no trigram index (bitmap scans off). */
async function timeReference(term: string): Promise<number> {
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    await client.query("SET enable_bitmapscan = off");
    const started = performance.now();
    await client.query("SELECT count(*) FROM videos WHERE title ILIKE $1", [`%${term}%`]);
    await client.query("SELECT * FROM videos WHERE title ILIKE $1 ORDER BY updated_at DESC LIMIT 20", [`%${term}%`]);
    return performance.now() - started;
  } finally {
    await client.end();
  }
}

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;

async function timeExport(base: string, cookie: string, pid: number): Promise<{ rows: number; seconds: number; growthMb: number }> {
  const baseline = rssMb(pid);
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 50);
  const started = performance.now();
  const response = await fetch(`${base}/api/export?hidden=all`, { headers: { cookie } });
  if (!response.ok || !response.body) throw new Error(`export → ${response.status}`);
  let lines = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    for (let at = bytes.indexOf(10); at !== -1; at = bytes.indexOf(10, at + 1)) lines++;
  }
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  return { rows: lines - 1, seconds, growthMb: peak - baseline };
}

async function main() {
  await prepareDatabase();
  process.env.DATABASE_URL = dbUrl;
  process.env.AUTH_SECRET ??= "bench-auth-secret-0123456789abcdef";
  const { createTestUser, sessionCookie } = await import("@/tests/helpers/session");
  const { getDb } = await import("@/lib/db/client");
  const admin = await createTestUser(await getDb(), { role: "admin" });
  const cookie = await sessionCookie(admin);
  const app = startNodeProcess("catalog", "bench/catalog-server.ts", { ...process.env, PORT: String(port) });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitForUrl(`${base}/api/videos`);
    const cases = caseRequests(videos);
    const rounds: Record<string, { p50: number; p95: number; total: number }[]> = {};
    const ratios: number[] = [];
    const exports: { rows: number; seconds: number; growthMb: number }[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      console.log(`round ${round} of ${ROUNDS} …`);
      for (const [name, paths] of Object.entries(cases)) (rounds[name] ??= []).push(await timeRequests(base, cookie, paths));
      const ours: number[] = [];
      const reference: number[] = [];
      for (const term of referenceTerms) {
        ours.push((await timeRequests(base, cookie, [`/api/videos?search=${encodeURIComponent(term)}`])).p50);
        reference.push(await timeReference(term));
      }
      ratios.push(median(reference) / median(ours));
      exports.push(await timeExport(base, cookie, app.pid!));
    }
    const row = (name: string) => {
      const r = rounds[name];
      const p95 = median(r.map((x) => x.p95));
      return `| ${name} | ${r[0].total.toLocaleString("en")} | ${median(r.map((x) => x.p50)).toFixed(1)} | ${p95.toFixed(1)} | ${p95 <= TARGET_P95_MS ? "met" : "missed"} |`;
    };
    const exp = { seconds: median(exports.map((e) => e.seconds)), growth: median(exports.map((e) => e.growthMb)), rows: exports[0].rows };
    const result = [
      `### Catalog benchmark — ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, PostgreSQL (local)`,
      "",
      `${videos.toLocaleString("en")} videos; each figure is the median of ${ROUNDS} rounds, each round ≥ 50 requests per case through HTTP.`,
      "",
      "| case | matches (total) | p50 ms | p95 ms | target p95 ≤ 150 ms |",
      "| --- | --- | --- | --- | --- |",
      ...Object.keys(cases).map(row),
      "",
      `| measure | value | target |`,
      `| --- | --- | --- |`,
      `| plain ILIKE without trigram index vs our title search (${referenceTerms.length} terms) | ${median(ratios).toFixed(1)}× faster (rounds: ${ratios.map((r) => r.toFixed(1)).join(", ")}) | ≥ 10× |`,
      `| export of all rows through the route | ${exp.rows.toLocaleString("en")} rows in ${exp.seconds.toFixed(1)} s = ${Math.round(exp.rows / exp.seconds).toLocaleString("en")} rows/s | ≥ 100,000 rows/s |`,
      `| export: peak server memory growth | ${exp.growth.toFixed(0)} MB | ≤ 150 MB |`,
    ].join("\n");
    console.log(`\n${result}\n`);
  } finally {
    await stopProcess(app);
    await (await import("@/lib/db/client")).getDatabase().then((h) => h.close()).catch(() => {});
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
