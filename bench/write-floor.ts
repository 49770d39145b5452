// The least any first import of the benchmark file must write, timed on the app's own schema: the report's rows
// already loaded into an unlogged table (no parsing, no diffing, no steps), then one INSERT … SELECT each into
// the tables a first import requires (videos with the catalog's search indexes and the report that created them,
// every claim, the enrichment backlog on the assets). Since issue #9 a created video carries its creating
// report instead of a per-field audit record, so the floor has no audit write. Twice: with every index kept up to date
// row by row, and as a bulk load (issue #12, lib/import/pipeline/bulk-load.ts): the same writes with the secondary
// indexes dropped, then built on two connections side by side. Then the daily file's floor (bench/daily-floor.ts) on
// the catalog that leaves. Run: `npm run bench:floor` (BENCH_ROWS).
import { createReadStream, existsSync, mkdirSync } from "node:fs";
import { pipeline } from "node:stream/promises";
import { createGunzip } from "node:zlib";
import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { generateVideosReport, videosReportHeader } from "./generate-videos-report";
import { timeRawCopy } from "./raw-copy";
import { migrateDatabase } from "./migrate-database";
import { drizzle } from "drizzle-orm/node-postgres";
import { buildWeight, createIfMissingStatement, dropIndexes } from "@/lib/db/secondary-indexes";
import { indexesDroppedForBulkLoad } from "@/lib/import/pipeline/bulk-load";
import { dailyFilePath, ensureDailyFile } from "./daily-file-case";
import { timeDailyFloor } from "./daily-floor";

const rows = Number(process.env.BENCH_ROWS ?? 1_000_000);
const server = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const file = path.resolve(".data/bench", `videos-report-${rows}.csv.gz`);
const dbName = `catalog_floor_${randomBytes(4).toString("hex")}`;
const dbUrl = Object.assign(new URL(server), { pathname: `/${dbName}` }).toString();

const writes: [string, string][] = [
  [
    "videos (catalog indexes)",
    `INSERT INTO videos (video_id, title, channel_id, time_uploaded, time_published, video_length, views, privacy_status,
       claim_id, asset_id, custom_id, isrc, upload_source, claimed_by_this_owner, claimed_by_another_owner,
       other_owners_claiming, embedding_allowed, ratings_allowed, comments_allowed, category, effective_policy, claimed_status,
       created_by_report_id, created_by_report_at)
     SELECT video_id, video_title, channel_id, time_uploaded::timestamptz, time_published::timestamptz, video_length::int,
       views::bigint, privacy_status, claim_id, asset_id, custom_id, isrc, upload_source, claimed_by_this_owner = 'Yes',
       claimed_by_another_owner = 'Yes', nullif(other_owners_claiming, ''), embedding_allowed = 'Yes', ratings_allowed = 'Yes',
       comments_allowed = 'Yes', category, effective_policy, 'claimed', 1, now() FROM raw`,
  ],
  ["claims", `INSERT INTO claims (video_id, asset_id, claim_id) SELECT video_id, asset_id, claim_id FROM raw`],
  [
    // Since issue #11 the enrichment backlog lives on the asset (one row per asset, not a queue row per video); the
    // benchmark file gives every video its own asset, so this is the most it can cost.
    "enrichment backlog (asset rows)",
    `INSERT INTO assets (asset_id, enrichment_requested_at, enrichment_views)
     SELECT asset_id, now(), max(views::bigint) FROM raw WHERE asset_id <> '' GROUP BY asset_id`,
  ],
];

/** Runs each write once; seconds per write. */
async function timeWrites(client: pg.Client): Promise<number[]> {
  const seconds: number[] = [];
  for (const [, statement] of writes) {
    const started = performance.now();
    await client.query(statement);
    seconds.push((performance.now() - started) / 1000);
  }
  return seconds;
}

async function main() {
  mkdirSync(path.dirname(file), { recursive: true });
  if (!existsSync(file)) await generateVideosReport(file, rows);
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  try {
    await migrateDatabase(dbUrl);
    const copySeconds = await timeRawCopy(dbUrl, file);
    const client = new pg.Client({ connectionString: dbUrl });
    await client.connect();
    await client.query(`CREATE UNLOGGED TABLE raw (${videosReportHeader.map((c) => `${c} text`).join(", ")})`);
    await pipeline(createReadStream(file), createGunzip(), client.query(copyFrom("COPY raw FROM STDIN (FORMAT csv, HEADER true)")));
    await client.query("SET work_mem = '64MB'");
    const rowByRow = await timeWrites(client);
    await client.query("TRUNCATE videos, claims, assets");
    const db = drizzle(client) as never;
    const dropped = await indexesDroppedForBulkLoad(db);
    await dropIndexes(db, dropped);
    const bulk = await timeWrites(client);
    const lanes = [client, new pg.Client({ connectionString: dbUrl })];
    await lanes[1].connect();
    const queue = [...dropped].sort((a, b) => buildWeight(b) - buildWeight(a));
    const started = performance.now();
    await Promise.all(lanes.map(async (lane) => {
      await lane.query("SET maintenance_work_mem = '256MB'; SET max_parallel_maintenance_workers = 0");
      for (let next = queue.shift(); next; next = queue.shift()) await lane.query(createIfMissingStatement(next));
    }));
    const buildSeconds = (performance.now() - started) / 1000;
    await lanes[1].end();
    const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
    const total = { rowByRow: sum(rowByRow), bulk: sum(bulk) + buildSeconds };
    console.log(`| write (${rows.toLocaleString("en")} rows) | indexes kept up to date row by row | bulk load: ${dropped.length} indexes built after |`);
    console.log(`| --- | --- | --- |`);
    console.log(`| raw COPY into a keyed table (the yardstick) | ${copySeconds.toFixed(1)} | ${copySeconds.toFixed(1)} |`);
    writes.forEach(([label], i) => console.log(`| ${label} | ${rowByRow[i].toFixed(1)} | ${bulk[i].toFixed(1)} |`));
    console.log(`| building the dropped indexes (two connections) | — | ${buildSeconds.toFixed(1)} |`);
    console.log(`| **sum of the required writes** | **${total.rowByRow.toFixed(1)} = ${(total.rowByRow / copySeconds).toFixed(2)}× COPY** | **${total.bulk.toFixed(1)} = ${(total.bulk / copySeconds).toFixed(2)}× COPY** |`);

    const dailyFile = dailyFilePath(path.dirname(file), rows);
    await ensureDailyFile(dailyFile, rows);
    const daily = await timeDailyFloor(client, dailyFile);
    const dailyTotal = daily.seconds.update + daily.seconds.audit + daily.seconds.insert;
    console.log(`\n| daily file's writes into that catalog (every index in place) | seconds |`);
    console.log(`| --- | --- |`);
    console.log(`| update the ${daily.changed.toLocaleString("en")} changed videos | ${daily.seconds.update.toFixed(1)} |`);
    console.log(`| their audit records | ${daily.seconds.audit.toFixed(1)} |`);
    console.log(`| insert the ${daily.created.toLocaleString("en")} new videos | ${daily.seconds.insert.toFixed(1)} |`);
    console.log(`| **sum** (WAL written: ${Math.round(daily.seconds.walMb)} MB) | **${dailyTotal.toFixed(1)} = ${(dailyTotal / copySeconds).toFixed(2)}× COPY** |`);
    await client.end();
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
