import type { Database } from "@/lib/db/client";
import { lockCatalogExclusive } from "@/lib/import/merge/catalog-merge-lock";
import type { Tx } from "@/lib/videos/edit-transaction";

// A merge step of a large import holds the catalog for up to ~20 s. Enrichment runs in the background, so it
// waits longer than a person's edit does; past this the transaction fails with lock_not_available and the drain
// handles it like any other failed run.
const ENRICHMENT_LOCK_WAIT_MS = 120_000;

/**
 * All writes of one task in one transaction that no import merge interleaves with: a merge reads catalog rows and
 * writes back values computed from them, so a write landing in between would be overwritten and its audit
 * record would describe a change that no longer holds. Call the API before this, never inside it.
 */
export async function inCatalogTransaction<T>(db: Database, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await lockCatalogExclusive(tx, ENRICHMENT_LOCK_WAIT_MS);
    return work(tx);
  });
}
