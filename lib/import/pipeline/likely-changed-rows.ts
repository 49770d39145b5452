import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import type { Report } from "@/lib/db/schema";
import { fingerprintPrefix } from "@/lib/import/fingerprint/compare-with-catalog";
import { kindSpec } from "@/lib/import/parse/report-kinds";
import { loadKnownRowHashes } from "@/lib/import/fingerprint/known-row-hashes";
import type { RecordPick } from "./stage-while-validating";

/**
 * Past this many picked rows, picking stops once they are more than this share of the rows read: the guess is then
 * not paying (a report with several rows per video, whose rows the known hashes cannot recognise), and staging what
 * may change is left to the staging steps. A daily file changes ~6% of its rows.
 */
const GIVE_UP_AFTER_ROWS = 20_000;
const GIVE_UP_SHARE = 0.2;

/**
 * Picks, for a validation read into a catalog that holds videos, the rows the catalog does not hold as they are:
 * those whose hash is not the one a single-row video was last merged from (known-row-hashes.ts; none picked when the
 * catalog holds none such, or too many to keep in memory). Staged in the same
 * read, a daily file needs no second read when the comparison finds they cover everything that may change
 * (rows-staged-ahead.ts); when they do not, they are dropped and the staging steps read as before. Period-metrics
 * reports are not guessed at: their fingerprints hold the file's content hash, known only at the end of the read.
 */
export function likelyChangedRows(db: Pick<Database, "execute">, report: Pick<Report, "id" | "etag" | "size" | "excludeShorts">): RecordPick {
  const { excludeShorts } = report;
  return async (header) => {
    if (header.kind.level !== "video" || kindSpec(header.kind.id).metrics) return null;
    // The same stored object imported again: its rows were merged before, so there is nothing to guess (reading the
    // catalog's hashes would cost more than the few rows edited since, which the staging steps pick up).
    if (await importedBefore(db, report)) return null;
    const known = await loadKnownRowHashes(db, fingerprintPrefix({ kind: header.kind.id, excludeShorts }));
    if (!known || known.size === 0) return null;
    let read = 0;
    let picked = 0;
    let givenUp = false;
    return (record) => {
      read++;
      if (givenUp || known.has(record.hash)) return false;
      picked++;
      givenUp = picked > GIVE_UP_AFTER_ROWS && picked > read * GIVE_UP_SHARE;
      return !givenUp;
    };
  };
}

/** Whether an earlier import of the same stored object (same ETag and size) completed. */
async function importedBefore(db: Pick<Database, "execute">, report: Pick<Report, "id" | "etag" | "size">): Promise<boolean> {
  if (!report.etag) return false;
  const found = await db.execute(sql`
SELECT 1 FROM reports WHERE etag = ${report.etag} AND size IS NOT DISTINCT FROM ${report.size} AND status = 'completed' AND id <> ${report.id} LIMIT 1`);
  return found.rows.length > 0;
}
