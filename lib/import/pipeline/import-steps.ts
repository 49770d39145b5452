import { LOCK_NOT_AVAILABLE, pgErrorCode } from "@/lib/db/pg-error";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { importSteps } from "@/lib/db/schema";
import { removeScratchText } from "./text-scratch";
import { restoreBulkLoadIndexes } from "./bulk-load-restore";
import { ensureStagingIndex } from "@/lib/import/stage/staging-index";

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

/**
 * Runs a step's database effect at most once per report: the effect and the record of its result commit together,
 * so when the executor retries a step whose first attempt committed (the process died before answering), the
 * recorded result is returned and nothing is applied or counted twice.
 */
export async function runOnce<T>(db: Database, reportId: number, stepKey: string, effect: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    const [done] = await tx
      .select({ result: importSteps.result })
      .from(importSteps)
      .where(and(eq(importSteps.reportId, reportId), eq(importSteps.stepKey, stepKey)));
    if (done) return JSON.parse(done.result) as T;
    const result = await effect(tx);
    await tx.insert(importSteps).values({ reportId, stepKey, result: JSON.stringify(result ?? null) });
    return result;
  });
}

export async function recordedResult<T>(db: Database, reportId: number, stepKey: string): Promise<T | undefined> {
  const [done] = await db
    .select({ result: importSteps.result })
    .from(importSteps)
    .where(and(eq(importSteps.reportId, reportId), eq(importSteps.stepKey, stepKey)));
  return done ? (JSON.parse(done.result) as T) : undefined;
}

export async function recordedResults<T>(db: Database, reportId: number, prefix: string): Promise<T[]> {
  const rows = await db
    .select({ result: importSteps.result })
    .from(importSteps)
    .where(and(eq(importSteps.reportId, reportId), sql`${importSteps.stepKey} like ${prefix + "%"}`));
  return rows.map((r) => JSON.parse(r.result) as T);
}

/** Per-report scratch rows of an import; unlogged tables cleared when the import ends. */
const SCRATCH_TABLES = ["import_staging", "import_fingerprints", "import_video_fingerprints"];

/**
 * Removes a report's staged rows, fingerprints and step records. When no other report has rows staged, the staging table is
 * truncated instead: deleting a million rows one by one costs seconds, truncating costs nothing.
 */
export async function clearImportScratch(db: Pick<Database, "transaction" | "execute">, reportId: number): Promise<void> {
  // Before the step records go: they hold the definitions of the indexes a bulk load dropped (bulk-load.ts).
  await restoreBulkLoadIndexes(db, reportId);
  // First: the record that says scratch copies of the text exist is one of the step rows deleted below.
  await removeScratchText(db, reportId);
  const truncated = await truncateStagingIfAlone(db, reportId);
  await db.transaction(async (tx) => {
    if (!truncated) {
      for (const table of SCRATCH_TABLES) await tx.execute(sql`DELETE FROM ${sql.identifier(table)} WHERE report_id = ${reportId}`);
    }
    await tx.execute(sql`DELETE FROM import_steps WHERE report_id = ${reportId}`);
  });
  // Back if this import's read dropped it: on the emptied table it costs nothing.
  await ensureStagingIndex(db, { lockTimeoutMs: 200 });
}

/**
 * The exclusive lock is the transaction's first lock and taken with NOWAIT: two cleanups (a cancel and the
 * step it interrupts) can then never deadlock, and a busy table just falls back to DELETE.
 */
async function truncateStagingIfAlone(db: Pick<Database, "transaction">, reportId: number): Promise<boolean> {
  try {
    return await db.transaction(async (tx) => {
      await tx.execute(sql.raw(`LOCK TABLE ${SCRATCH_TABLES.join(", ")} IN ACCESS EXCLUSIVE MODE NOWAIT`));
      for (const table of SCRATCH_TABLES) {
        const others = await tx.execute(sql`SELECT 1 FROM ${sql.identifier(table)} WHERE report_id <> ${reportId} LIMIT 1`);
        if (others.rows.length > 0) return false;
      }
      await tx.execute(sql.raw(`TRUNCATE ${SCRATCH_TABLES.join(", ")}`));
      return true;
    });
  } catch (error) {
    if (pgErrorCode(error) === LOCK_NOT_AVAILABLE) return false;
    throw error;
  }
}
