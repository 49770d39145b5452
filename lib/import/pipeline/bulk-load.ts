import { sql } from "drizzle-orm";
import type { Database, DatabaseHandle } from "@/lib/db/client";
import { LOCK_NOT_AVAILABLE, pgErrorCode } from "@/lib/db/pg-error";
import { buildWeight, createIfMissingStatement, dropIndexes, missingIndexes, secondaryIndexes, type IndexDefinition } from "@/lib/db/secondary-indexes";
import { lockCatalogMerges } from "@/lib/import/merge/catalog-merge-lock";
import type { CatalogComparison } from "@/lib/import/fingerprint/compare-with-catalog";
import { recordedResult, runOnce } from "./import-steps";
import { BULK_LOAD_STEP as STEP_KEY, type BulkLoadPlan } from "./bulk-load-restore";

// A bulk load: when an import adds many videos relative to the catalog (a first import above all), the catalog's
// secondary indexes are dropped before its rows are merged and built again afterwards, as bulk loaders do. Keeping
// a dozen random-key indexes up to date row by row cost more than everything else a first import writes; building
// one from the finished table is a sort and a sequential write. Unique indexes and primary keys stay (they are
// constraints and the arbiters of the merges' upserts). Searches keep working meanwhile, without those indexes.

/** The tables a report's merge fills row by row. */
export const BULK_LOAD_TABLES = ["videos", "claims", "assets"] as const;

/**
 * Indexes led by updated_at stay: an import gives all its rows one updated_at (its start) and merges them in id
 * order, so their new keys arrive in index order and appending them costs no more than building the index after,
 * and the catalog's default order (newest first) stays indexed while the load runs.
 */
const KEPT_LEADING_COLUMN = "updated_at";

/** How long dropping the indexes may wait for running searches before the import merges with the indexes instead. */
const DROP_LOCK_TIMEOUT_MS = 3000;


/**
 * Decides, once per report, whether its merge is a bulk load: at least `minNewVideos` new videos and no fewer than
 * the catalog already holds. If so, records every secondary index's definition and drops them, in one transaction:
 * a retried step finds the record and does nothing again, and no index is ever gone without its record.
 */
export async function startBulkLoadIfLarge(db: Database, reportId: number, minNewVideos: number): Promise<BulkLoadPlan> {
  return runOnce(db, reportId, STEP_KEY, async (tx) => {
    const comparison = await recordedResult<CatalogComparison>(tx, reportId, "compare");
    const newVideos = comparison?.newVideos ?? 0;
    const none: BulkLoadPlan = { indexes: [], newVideos };
    if (newVideos === 0 || newVideos < minNewVideos) return none;
    // Counted only up to the report's new videos: the question is "fewer than that?", not the exact size.
    const held = await tx.execute(sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM videos LIMIT ${newVideos + 1}) held`);
    if (Number((held.rows[0] as { n: number }).n) > newVideos) return none;
    try {
      // A savepoint: when searches hold the tables past the timeout, only the drop is undone and the import merges
      // with the indexes in place (slower, never blocking searches for long).
      return await tx.transaction(async (drop) => {
        await drop.execute(sql.raw(`SET LOCAL lock_timeout = '${DROP_LOCK_TIMEOUT_MS}ms'`));
        const indexes = await indexesDroppedForBulkLoad(drop);
        await dropIndexes(drop, indexes);
        await drop.execute(sql`SET LOCAL lock_timeout = 0`);
        return { indexes, newVideos };
      });
    } catch (error) {
      if (pgErrorCode(error) !== LOCK_NOT_AVAILABLE) throw error;
      return none;
    }
  });
}

/** The indexes a bulk load drops (and builds again after). */
export async function indexesDroppedForBulkLoad(db: Pick<Database, "execute">): Promise<IndexDefinition[]> {
  return (await secondaryIndexes(db, BULK_LOAD_TABLES)).filter((i) => i.firstColumn !== KEPT_LEADING_COLUMN);
}

/**
 * Builds the indexes a bulk load dropped, once its rows are merged, and refreshes the tables' statistics (the
 * planner would otherwise still see the catalog as it was before). On node-postgres two connections build side by
 * side, the longest builds first, so both cores work; elsewhere one after the other. Idempotent: what exists is skipped.
 */
export async function finishBulkLoad(handle: DatabaseHandle, reportId: number): Promise<{ built: number }> {
  const plan = await recordedResult<BulkLoadPlan>(handle.db, reportId, STEP_KEY);
  if (!plan || plan.indexes.length === 0) return { built: 0 };
  const missing = await missingIndexes(handle.db, plan.indexes);
  const lanes = handle.pgPool ? 2 : 1;
  const queue = [...missing].sort((a, b) => buildWeight(b) - buildWeight(a));
  const lane = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) await buildIndex(handle.db, next, lanes);
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  const tables = [...new Set(plan.indexes.map((i) => i.table))];
  const analyzing = [...tables];
  const analyze = async () => {
    for (let table = analyzing.shift(); table; table = analyzing.shift()) await handle.db.execute(sql`ANALYZE ${sql.identifier(table)}`);
  };
  await Promise.all(Array.from({ length: lanes }, analyze));
  return { built: missing.length };
}

async function buildIndex(db: Database, index: IndexDefinition, lanes: number): Promise<void> {
  await db.transaction(async (tx) => {
    // Held like a merge: a person's edit then waits for (or times out on) the build the same way it does for a merge.
    await lockCatalogMerges(tx);
    await useIndexBuildSettings(tx);
    // The lanes already keep the cores busy; helper processes per build would only take turns with them.
    if (lanes > 1) await tx.execute(sql`SET LOCAL max_parallel_maintenance_workers = 0`);
    await tx.execute(sql.raw(createIfMissingStatement(index)));
  });
}

/** Sorting a million keys in memory instead of in temporary files; the build is recorded as done by existing. */
async function useIndexBuildSettings(tx: Pick<Database, "execute">): Promise<void> {
  await tx.execute(sql`SET LOCAL maintenance_work_mem = '256MB'`);
  await tx.execute(sql`SET LOCAL synchronous_commit = off`);
}
