import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { createIfMissingStatement, missingIndexes, type IndexDefinition } from "@/lib/db/secondary-indexes";

// The way back from a bulk load (bulk-load.ts), kept apart from it: clearing an import's scratch rows
// (import-steps.ts) restores the indexes first, and bulk-load.ts itself records its plan through import-steps.ts.

/** The step record of a report's bulk load (in import_steps). */
export const BULK_LOAD_STEP = "bulk-load";

/** Recorded with the step that dropped them, so every later path (build, fail, cancel, finish) can restore them. */
export type BulkLoadPlan = { indexes: IndexDefinition[]; newVideos: number };

/**
 * Brings back every index the report's bulk load dropped and has not built yet: the failure, cancel and finish paths
 * call it before the report's step records (which hold the definitions) are removed, so an import that ends in any
 * way leaves the catalog with all its indexes.
 */
export async function restoreBulkLoadIndexes(db: Pick<Database, "execute">, reportId: number): Promise<number> {
  const result = await db.execute(sql`SELECT result FROM import_steps WHERE report_id = ${reportId} AND step_key = ${BULK_LOAD_STEP}`);
  const row = result.rows[0] as { result: string } | undefined;
  if (!row) return 0;
  return restoreIndexes(db, (JSON.parse(row.result) as BulkLoadPlan).indexes);
}

/**
 * The same for imports other than this one whose runs ended without reaching any of those paths (their executor
 * state was lost). Imports run one at a time, so when a report starts merging no other one is mid-merge.
 */
export async function restoreIndexesLeftByOtherImports(db: Pick<Database, "execute">, reportId: number): Promise<number> {
  const result = await db.execute(sql`SELECT result FROM import_steps WHERE step_key = ${BULK_LOAD_STEP} AND report_id <> ${reportId}`);
  const indexes = (result.rows as { result: string }[]).flatMap((r) => (JSON.parse(r.result) as BulkLoadPlan).indexes);
  return restoreIndexes(db, indexes);
}

async function restoreIndexes(db: Pick<Database, "execute">, indexes: IndexDefinition[]): Promise<number> {
  const missing = await missingIndexes(db, indexes);
  for (const index of missing) await db.execute(sql.raw(createIfMissingStatement(index)));
  return missing.length;
}
