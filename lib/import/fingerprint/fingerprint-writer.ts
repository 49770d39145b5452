import { sql } from "drizzle-orm";
import type { DatabaseHandle } from "@/lib/db/client";
import { copyText, openCopyLines } from "@/lib/db/copy-lines";
import { toPgArrayLiteral } from "@/lib/import/stage/pg-array-literal";

export type FingerprintSink = {
  /** `hash`: the record's hash (lib/import/parse/record-hash.ts). */
  add: (line: number, videoKey: string, hash: number) => Promise<void> | void;
  finish: () => Promise<void>;
  abort: (error: Error) => Promise<void>;
};

const ROWS_PER_INSERT = 10_000;

/** Stores one fingerprint row per record: COPY on node-postgres, batched unnest() inserts elsewhere. */
export async function openFingerprintSink(handle: DatabaseHandle, reportId: number): Promise<FingerprintSink> {
  if (handle.pgPool) {
    const writer = await openCopyLines(handle.pgPool, "COPY import_fingerprints (report_id, line, video_key, row_hash) FROM STDIN");
    const prefix = `${reportId}\t`;
    return {
      add: (line, videoKey, hash) => writer.push(`${prefix}${line}\t${videoKey === "" ? "\\N" : copyText(videoKey)}\t${hash}`),
      finish: writer.finish,
      abort: writer.abort,
    };
  }
  let lines: number[] = [];
  let keys: (string | null)[] = [];
  let hashes: number[] = [];
  const insert = async () => {
    if (lines.length === 0) return;
    const batch = { lines, keys, hashes };
    lines = [];
    keys = [];
    hashes = [];
    await handle.db.execute(sql`
INSERT INTO import_fingerprints (report_id, line, video_key, row_hash)
SELECT ${reportId}::int, u.line, u.video_key, u.row_hash
FROM unnest(${toPgArrayLiteral(batch.lines)}::int4[], ${toPgArrayLiteral(batch.keys)}::text[], ${toPgArrayLiteral(batch.hashes)}::int8[])
  AS u(line, video_key, row_hash)`);
  };
  return {
    add: (line, videoKey, hash) => {
      lines.push(line);
      keys.push(videoKey === "" ? null : videoKey);
      hashes.push(hash);
      if (lines.length >= ROWS_PER_INSERT) return insert();
    },
    finish: insert,
    abort: async () => {
      lines = [];
    },
  };
}
