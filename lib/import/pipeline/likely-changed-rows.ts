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
    // The same stored object imported again right after itself: its rows are what the catalog was last merged from,
    // so there is nothing to guess (reading the catalog's hashes would cost more than the few rows edited since,
    // which the staging steps pick up).
    if (await lastImportOfKindWasThisObject(db, report, header.kind.id)) return null;
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

/** Whether the last completed import of this report kind read the same stored object (same ETag and size). */
async function lastImportOfKindWasThisObject(db: Pick<Database, "execute">, report: Pick<Report, "id" | "etag" | "size">, kind: string): Promise<boolean> {
  if (!report.etag) return false;
  const last = await db.execute(sql`
SELECT etag, size FROM reports WHERE status = 'completed' AND kind = ${kind} AND id <> ${report.id}
ORDER BY finished_at DESC NULLS LAST, id DESC LIMIT 1`);
  const row = last.rows[0] as { etag: string | null; size: number | string | null } | undefined;
  return Boolean(row) && row!.etag === report.etag && Number(row!.size) === Number(report.size);
}
