import { createReadStream } from "node:fs";
import { pipeline } from "node:stream/promises";
import { createGunzip } from "node:zlib";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { videosReportHeader } from "./generate-videos-report";

/** The yardstick: a plain COPY of the same file into a table with the same primary key (video_id). */
export async function timeRawCopy(url: string, file: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const columns = videosReportHeader.map((c) => `${c} text${c === "video_id" ? " PRIMARY KEY" : ""}`).join(", ");
    await client.query(`DROP TABLE IF EXISTS bench_raw_copy; CREATE TABLE bench_raw_copy (${columns})`);
    const started = performance.now();
    await pipeline(createReadStream(file), createGunzip(), client.query(copyFrom(`COPY bench_raw_copy FROM STDIN (FORMAT csv, HEADER true)`)));
    const seconds = (performance.now() - started) / 1000;
    await client.query("DROP TABLE bench_raw_copy");
    return seconds;
  } finally {
    await client.end();
  }
}
