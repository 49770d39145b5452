import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";

const CATALOG_MERGE_LOCK = 7_301_001;

/**
 * Steps that rewrite catalog rows from a staged report hold this lock for their transaction instead of writing
 * a row lock into every existing video. Imports run one at a time (the import function's concurrency), so the
 * ranges of one report take it shared and run side by side on their disjoint videos; any other catalog writer
 * takes it exclusively and so never interleaves with a report's diff.
 */
export async function lockCatalogMerges(tx: Pick<Database, "execute">): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock_shared(${CATALOG_MERGE_LOCK})`);
  await useBulkJoins(tx);
}

/**
 * A person's edit, flag change or delete of a video takes the lock exclusively: landing between a merge's read of
 * the catalog and its write, the merge would write the values it read back over the edit. It waits for the running
 * merge step at most `timeoutMs`, then fails with lock_not_available (55P03).
 */
export async function lockCatalogExclusive(tx: Pick<Database, "execute">, timeoutMs: number): Promise<void> {
  await tx.execute(sql.raw(`SET LOCAL lock_timeout = '${Math.max(1, Math.round(timeoutMs))}ms'`));
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${CATALOG_MERGE_LOCK})`);
}

/** Settings for the rest of a transaction whose statements join whole reports or ranges of them. */
export async function useBulkJoins(tx: Pick<Database, "execute">): Promise<void> {
  // Such statements sort and hash hundreds of thousands of rows; the 4 MB default sends those sorts to disk.
  await tx.execute(sql`SET LOCAL work_mem = '64MB'`);
  // Hash joins are right for them, but right after a first import the catalog's statistics still say "empty",
  // and the planner then picks a nested loop with one index probe per row, several times slower.
  await tx.execute(sql`SET LOCAL enable_nestloop = off`);
  // Compiling these statements (dozens of CASE expressions) took longer than running them: a range's merge used
  // 5.3 s of CPU with JIT and 3.2 s without.
  await tx.execute(sql`SET LOCAL jit = off`);
}
