import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";

const CATALOG_MERGE_LOCK = 7_301_001;

/**
 * Two imports may run at once; steps that rewrite catalog rows from staged reports take turns (for the rest of
 * the transaction) so each diff sees the other's result, without writing a row lock into every existing video.
 */
export async function lockCatalogMerges(tx: Pick<Database, "execute">): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${CATALOG_MERGE_LOCK})`);
  // A merge sorts and hashes a whole range of staged rows; the 4 MB default sends those sorts to disk.
  await tx.execute(sql`SET LOCAL work_mem = '64MB'`);
}
