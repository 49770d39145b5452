// The least the benchmark's daily file (bench/generate-daily-file.ts: 5% of the videos changed, 1% new) must write
// into a catalog holding the first file's million videos with every index, timed on the app's own schema by
// `npm run bench:floor` after its first-import floor: the changed and new rows already picked out (no reading, no
// comparing, no steps), then one statement each for the updated videos, their audit records and the new videos.
// Claims and the enrichment backlog are left out, so it is a lower bound.
import { createReadStream } from "node:fs";
import { pipeline } from "node:stream/promises";
import { createGunzip } from "node:zlib";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { videosReportHeader } from "./generate-videos-report";

/** The columns a daily file changes (title, views, policy, claim) plus the row's time. */
const updateVideos = `UPDATE videos v SET title = c.video_title, views = c.views::bigint, effective_policy = c.effective_policy,
  asset_id = c.asset_id, claim_id = c.claim_id, updated_at = now() FROM daily_changed c WHERE v.video_id = c.video_id`;
const auditChanges = `INSERT INTO metadata_syncs (video_id, source_kind, source_id, changes)
  SELECT c.video_id, 'report', '2', jsonb_build_object('title', jsonb_build_array(c.old_title, c.video_title)) FROM daily_changed c`;
const insertNew = `INSERT INTO videos (video_id, title, channel_id, views, asset_id, claim_id, effective_policy, created_by_report_id, created_by_report_at)
  SELECT video_id, video_title, channel_id, views::bigint, asset_id, claim_id, effective_policy, 2, now() FROM daily_new`;

export type DailyFloor = { changed: number; created: number; seconds: { update: number; audit: number; insert: number; walMb: number } };

/** `client`'s catalog holds the first file's videos (as write-floor.ts loads them), with every index in place. */
export async function timeDailyFloor(client: pg.Client, dailyFile: string): Promise<DailyFloor> {
  await client.query(`CREATE UNLOGGED TABLE raw_daily (${videosReportHeader.map((c) => `${c} text`).join(", ")})`);
  await pipeline(createReadStream(dailyFile), createGunzip(), client.query(copyFrom("COPY raw_daily FROM STDIN (FORMAT csv, HEADER true)")));
  // Picked out beforehand (untimed): what a comparison would find.
  await client.query(`CREATE UNLOGGED TABLE daily_changed AS SELECT d.*, v.title AS old_title FROM raw_daily d JOIN videos v USING (video_id)
    WHERE (v.title, v.views, v.effective_policy, v.asset_id, v.claim_id) IS DISTINCT FROM (d.video_title, d.views::bigint, d.effective_policy, d.asset_id, d.claim_id)`);
  await client.query(`CREATE UNLOGGED TABLE daily_new AS SELECT d.* FROM raw_daily d WHERE NOT EXISTS (SELECT 1 FROM videos v WHERE v.video_id = d.video_id)`);
  await client.query("ANALYZE daily_changed; ANALYZE daily_new; CHECKPOINT");
  const walBefore = (await client.query("SELECT pg_current_wal_lsn() AS lsn")).rows[0].lsn as string;
  const timed = async (statement: string) => {
    const started = performance.now();
    const result = await client.query(statement);
    return { seconds: (performance.now() - started) / 1000, rows: result.rowCount ?? 0 };
  };
  const update = await timed(updateVideos);
  const audit = await timed(auditChanges);
  const insert = await timed(insertNew);
  const wal = await client.query("SELECT (pg_current_wal_lsn() - $1::pg_lsn)::float8 / 1048576 AS mb", [walBefore]);
  return {
    changed: update.rows,
    created: insert.rows,
    seconds: { update: update.seconds, audit: audit.seconds, insert: insert.seconds, walMb: Number(wal.rows[0].mb) },
  };
}
