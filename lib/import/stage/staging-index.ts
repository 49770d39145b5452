import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { LOCK_NOT_AVAILABLE, pgErrorCode } from "@/lib/db/pg-error";
import { createIfMissingStatement, dropIndexes, missingIndexes, type IndexDefinition } from "@/lib/db/secondary-indexes";

// The staging table's index (report, video, line; lib/db/schema/staging.ts) serves the merges' range reads and the
// CLUSTER that sorts a long report's rows by video. Kept up to date while a million rows are copied in, in random
// video order, it cost PostgreSQL 3.2 s of a first import's single read (the COPY itself 1.5 s): that read drops it,
// and it comes back when it is needed (before a CLUSTER) or when the import's scratch rows are cleared, where the
// table is empty and building it costs nothing. The merges read without it (a range's rows are spread over the whole
// table in file order, so its bitmap scan read most pages anyway).

/** As the migration creates it (pg_get_indexdef; tests/import/stage-while-validating.db.test.ts compares them). */
const STAGING_INDEX: IndexDefinition = {
  table: "import_staging",
  name: "import_staging_report_video_idx",
  definition: "CREATE INDEX import_staging_report_video_idx ON public.import_staging USING btree (report_id, video_id, line)",
  firstColumn: "report_id",
};

/** Before a read that stages a whole report (stage-while-validating.ts). */
export async function dropStagingIndex(db: Pick<Database, "execute">): Promise<void> {
  await dropIndexes(db, [STAGING_INDEX]);
}

/**
 * Builds the index if a bulk read dropped it; nothing (and no lock taken) when it exists. With `lockTimeoutMs` it
 * gives up rather than wait for a read still copying into the table (a cancel's cleanup): the next import's
 * validation builds it then.
 */
export async function ensureStagingIndex(db: Pick<Database, "execute" | "transaction">, options: { lockTimeoutMs?: number } = {}): Promise<void> {
  const [missing] = await missingIndexes(db, [STAGING_INDEX]);
  if (!missing) return;
  const create = sql.raw(createIfMissingStatement(missing));
  const { lockTimeoutMs } = options;
  if (lockTimeoutMs === undefined) {
    await db.execute(create);
    return;
  }
  try {
    await db.transaction(async (tx) => {
      await tx.execute(sql.raw(`SET LOCAL lock_timeout = '${Math.round(lockTimeoutMs)}ms'`));
      await tx.execute(create);
    });
  } catch (error) {
    if (pgErrorCode(error) !== LOCK_NOT_AVAILABLE) throw error;
  }
}
