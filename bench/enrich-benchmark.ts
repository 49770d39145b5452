// Benchmark of issue #11: enrich a catalog of 10,000 videos claimed by 2,000 assets and sync their metadata against
// the YouTube sandbox, through googleapis and our Content ID client, on real PostgreSQL. Then the same work with a
// budget of 100 requests: it must stop at 100, report the backlog left and the reset, and finish after a simulated
// quota-day change. Run: `npm run bench:enrich` (BENCH_ENRICH_VIDEOS / BENCH_ENRICH_ASSETS to change the size).
import { randomBytes } from "node:crypto";
import { writeFileSync, mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { migrateDatabase } from "./migrate-database";

const videoCount = Number(process.env.BENCH_ENRICH_VIDEOS ?? 10_000);
const assetCount = Number(process.env.BENCH_ENRICH_ASSETS ?? 2_000);
/** Monetization is one request per video (videoAdvertisingOptions.get): measured on one channel, reported apart. */
const channels = 20;
const server = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const workDir = path.resolve(".data/bench");

async function admin(statement: string) {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  await client.query(statement);
  await client.end();
}

async function freshDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `catalog_bench_enrich_${randomBytes(4).toString("hex")}`;
  await admin(`CREATE DATABASE ${name}`);
  const url = Object.assign(new URL(server), { pathname: `/${name}` }).toString();
  await migrateDatabase(url);
  return { url, drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** Videos with an asset each (videoCount / assetCount videos per asset), no UPC/ISRC/genre; assets in the backlog. */
async function seed(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`
INSERT INTO channels (channel_id, name) SELECT 'UC' || lpad(c::text, 22, '0'), 'Bench channel ' || c FROM generate_series(1, ${channels}) c`);
    await client.query(`
INSERT INTO assets (asset_id, enrichment_requested_at, enrichment_views)
SELECT 'A' || lpad(a::text, 15, '0'), now(), (a * 7919) % 1000003 FROM generate_series(1, ${assetCount}) a`);
    await client.query(`
INSERT INTO videos (video_id, title, channel_id, asset_id, views)
SELECT 'bv' || lpad(v::text, 9, '0'), 'Bench video ' || v, 'UC' || lpad((v % ${channels} + 1)::text, 22, '0'),
  'A' || lpad((v % ${assetCount} + 1)::text, 15, '0'), (v * 104729) % 5000011
FROM generate_series(1, ${videoCount}) v`);
  } finally {
    await client.end();
  }
}

type Phase = {
  seconds: number;
  byType: Record<string, { tasks: number; requests: number; videos: number; items: number; notFound: number }>;
  ledgerMax: number;
  outcomes: string[];
};

async function main() {
  mkdirSync(workDir, { recursive: true });
  const { startYouTubeSandbox } = await import("@/local/youtube/server");
  const sandbox = await startYouTubeSandbox();
  const lines: string[] = [];
  try {
    const full = await runFull(sandbox.url);
    const limited = await runLimited(sandbox.url);
    const perRequest = (t: string) => {
      const row = full.byType[t];
      return row && row.requests ? row.videos / row.requests : 0;
    };
    const fmt = (n: number) => n.toLocaleString("en", { maximumFractionDigits: 1 });
    lines.push(
      `### Enrichment benchmark — ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, PostgreSQL (local), YouTube sandbox`,
      "",
      `Catalog: ${fmt(videoCount)} videos claimed by ${fmt(assetCount)} assets; budget 9,500 requests/day, ≥ 100 ms between calls.`,
      "",
      "| task type | tasks | API requests | ids asked | not found | videos brought up to date | per request | target |",
      "| --- | --- | --- | --- | --- | --- | --- | --- |",
      ...Object.entries(full.byType).map(([type, row]) => {
        const target = type === "asset_enrichment" || type === "metadata_sync" ? "≥ 45" : type === "monetization_sync" ? "per video (API offers no batch)" : "—";
        return `| ${type} | ${fmt(row.tasks)} | ${fmt(row.requests)} | ${fmt(row.items)} | ${fmt(row.notFound)} | ${fmt(row.videos)} | ${fmt(row.requests ? row.videos / row.requests : 0)} | ${target} |`;
      }),
      `| **wall time** | ${full.seconds.toFixed(1)} s | | | | | | |`,
      `| ledger peak / budget | ${full.ledgerMax} / 9,500 | | | | | | never above |`,
      "",
      `Budget 100: stopped after ${limited.firstDay.used} requests (ledger ${limited.firstDay.ledger}), backlog left ${fmt(limited.firstDay.backlogRequests)} requests (${fmt(limited.firstDay.backlogItems)} ids), reset at ${limited.firstDay.resetAt} (planner: ${limited.firstDay.daysToClear} more quota day(s)); after the simulated day change it finished with ${limited.secondDay.used} more requests (${limited.secondDay.days} quota day(s) in all), ${limited.secondDay.pending} tasks pending, ${limited.secondDay.failed} failed.`,
    );
    const result = lines.join("\n");
    console.log(`\n${result}\n`);
    writeFileSync(path.join(workDir, "latest-enrich-result.md"), result + "\n");
    const failures: string[] = [];
    if (perRequest("asset_enrichment") < 45) failures.push("asset enrichment below 45 videos per request");
    if (perRequest("metadata_sync") < 45) failures.push("metadata sync below 45 videos per request");
    if (full.ledgerMax > 9500) failures.push("ledger exceeded the budget");
    if (limited.firstDay.ledger !== 100) failures.push(`budget 100 run stopped at ${limited.firstDay.ledger}`);
    if (limited.secondDay.pending !== 0) failures.push("budget 100 run did not finish after the day change");
    if (failures.length) {
      console.error(`targets missed: ${failures.join("; ")}`);
      process.exitCode = 1;
    }
  } finally {
    await sandbox.stop();
  }
}

async function withDatabase<T>(fn: (db: import("@/lib/db/client").Database) => Promise<T>): Promise<T> {
  const { url, drop } = await freshDatabase();
  await seed(url);
  const { createDatabase } = await import("@/lib/db/client");
  const handle = await createDatabase({ url });
  try {
    return await fn(handle.db);
  } finally {
    await handle.close();
    await drop();
  }
}

async function queueWork(db: import("@/lib/db/client").Database, budget: number) {
  const { requestBulkSync } = await import("@/lib/enrichment/bulk-sync");
  // Asset enrichment comes from the backlog the seed marked (as an import does); the video task types from an
  // admin's bulk sync; monetization for one channel only, since it costs a request per video.
  await requestBulkSync(db, { channels: "all", priority: 10, forceRefresh: false, userId: "bench", types: ["metadata_sync", "ownership_update"], budget });
  await requestBulkSync(db, { channels: ["UC" + "1".padStart(22, "0")], priority: 10, forceRefresh: false, userId: "bench", types: ["monetization_sync"], budget });
}

async function clientsFor(url: string) {
  const { youtubeClients } = await import("@/lib/youtube/clients");
  return youtubeClients({ apiRootUrl: url, partnerRootUrl: url, tokenUrl: `${url}/token` });
}

async function drainAll(deps: import("@/lib/enrichment/drain").DrainDeps, stopOnWait: boolean, ledger: () => Promise<number>) {
  const { drainOne } = await import("@/lib/enrichment/drain");
  const outcomes: string[] = [];
  let ledgerMax = 0;
  for (;;) {
    const outcome = await drainOne(deps);
    ledgerMax = Math.max(ledgerMax, await ledger());
    if (outcome.kind === "ran") continue;
    outcomes.push(outcome.kind === "stopped" ? `stopped: ${outcome.reason}` : outcome.kind);
    if (outcome.kind === "idle" && outcome.nextRunAfter) {
      // Backoff after an injected or real rate limit: wait it out like the Inngest function's sleepUntil.
      await new Promise((r) => setTimeout(r, Math.max(0, outcome.nextRunAfter!.getTime() - deps.clock.now().getTime())));
      continue;
    }
    if (outcome.kind === "wait" && !stopOnWait) throw new Error("quota wait in the full-budget run");
    return { outcomes, ledgerMax, last: outcome };
  }
}

async function tally(db: import("@/lib/db/client").Database): Promise<Phase["byType"]> {
  const { sql } = await import("drizzle-orm");
  const result = await db.execute(sql`
SELECT task_type, count(*)::int AS tasks, coalesce(sum((result->>'requests')::int), 0)::int AS requests,
  coalesce(sum((result->>'videos_touched')::int), 0)::int AS videos, coalesce(sum(cardinality(item_ids)), 0)::int AS items,
  coalesce(sum((SELECT count(*) FROM jsonb_each(result->'items') e WHERE e.value->>'status' = 'not_found')), 0)::int AS not_found
FROM processing_queue GROUP BY task_type ORDER BY task_type`);
  return Object.fromEntries(
    (result.rows as Array<Record<string, number | string>>).map((r) => [
      String(r.task_type),
      { tasks: Number(r.tasks), requests: Number(r.requests), videos: Number(r.videos), items: Number(r.items), notFound: Number(r.not_found) },
    ]),
  );
}

async function ledgerTotal(db: import("@/lib/db/client").Database): Promise<number> {
  const { sql } = await import("drizzle-orm");
  const result = await db.execute(sql`SELECT coalesce(max(units_used), 0)::int AS n FROM quota_ledger WHERE api = 'total'`);
  return Number((result.rows[0] as { n: number }).n);
}

async function runFull(sandboxUrl: string): Promise<Phase> {
  console.log(`full budget: ${videoCount.toLocaleString()} videos, ${assetCount.toLocaleString()} assets …`);
  return withDatabase(async (db) => {
    const budget = 9500;
    await queueWork(db, budget);
    const { systemClock } = await import("@/lib/enrichment/clock");
    const started = performance.now();
    const run = await drainAll({ db, clients: await clientsFor(sandboxUrl), clock: systemClock, budget }, false, () => ledgerTotal(db));
    const seconds = (performance.now() - started) / 1000;
    return { seconds, byType: await tally(db), ledgerMax: run.ledgerMax, outcomes: run.outcomes };
  });
}

async function runLimited(sandboxUrl: string) {
  console.log("budget of 100 requests …");
  return withDatabase(async (db) => {
    const budget = 100;
    await queueWork(db, budget);
    const { planQueue } = await import("@/lib/enrichment/planner");
    const { sql } = await import("drizzle-orm");
    let offsetMs = 0;
    const clock = { now: () => new Date(Date.now() + offsetMs) };
    const clients = await clientsFor(sandboxUrl);
    const day1 = await drainAll({ db, clients, clock, budget }, true, () => ledgerTotal(db));
    if (day1.last.kind !== "wait") throw new Error(`expected a quota wait, got ${day1.last.kind}`);
    const plan = await planQueue(db, { now: clock.now(), budget });
    const firstDay = {
      used: await ledgerTotal(db),
      ledger: await ledgerTotal(db),
      backlogRequests: plan.requests_needed.total,
      backlogItems: plan.backlog.total_items,
      daysToClear: plan.days_to_clear,
      resetAt: day1.last.until.toISOString(),
    };
    console.log(`stopped at ${firstDay.used}; backlog ${firstDay.backlogRequests} requests; reset ${firstDay.resetAt}`);
    // The simulated quota-day change: the drain's clock jumps past the reset, as the Inngest function's
    // sleepUntil(reset) would after real hours. The budget is per day, so the work takes several simulated days.
    let days = 1;
    let used = 0;
    let wait: import("@/lib/enrichment/drain").DrainOutcome = day1.last;
    while (wait.kind === "wait" && days < 60) {
      offsetMs = wait.until.getTime() - Date.now() + 1000;
      days += 1;
      const next = await drainAll({ db, clients, clock, budget }, true, () => ledgerTotal(db));
      const today = await db.execute(sql`SELECT units_used FROM quota_ledger WHERE api = 'total' ORDER BY day DESC LIMIT 1`);
      used += Number((today.rows[0] as { units_used: number }).units_used);
      wait = next.last;
    }
    const counts = await db.execute(sql`SELECT count(*) FILTER (WHERE status = 'pending')::int AS pending, count(*) FILTER (WHERE status = 'failed')::int AS failed FROM processing_queue`);
    const row = counts.rows[0] as { pending: number; failed: number };
    const backlog = await db.execute(sql`SELECT count(*)::int AS n FROM assets WHERE enrichment_requested_at IS NOT NULL`);
    return {
      firstDay,
      secondDay: { used, days, pending: Number(row.pending) + Number((backlog.rows[0] as { n: number }).n), failed: Number(row.failed) },
    };
  });
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
