import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";

export type MidStaging = { index: number; fromLine: number; rejected: { id: number; line: number }[]; staged: number };

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

/**
 * Waits until a staging step of the report (index >= minIndex) has started, written its first batch of rejected
 * rows and not yet recorded its result, then freezes it there: a transaction holding EXCLUSIVE locks on
 * import_steps and report_rows_rejected stays open, so the step can neither write more nor finish (on PGlite,
 * whose one connection the transaction holds, it cannot run any query at all). It answers with what the
 * interrupted attempt has written so far and never releases the locks: the test kills this process next.
 */
export function holdMidStaging(db: Database, reportId: number, minIndex: number, timeoutMs: number): Promise<MidStaging | null> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = async (): Promise<void> => {
      let found: MidStaging | null = null;
      await db.transaction(async (tx) => {
        await tx.execute(sql`LOCK TABLE import_steps, report_rows_rejected IN EXCLUSIVE MODE`);
        found = await midStaging(tx, reportId, minIndex);
        if (!found) return;
        resolve(found);
        await new Promise<never>(() => {});
      });
      if (Date.now() > deadline) return resolve(null);
      setTimeout(() => attempt().catch(reject), 5);
    };
    attempt().catch(reject);
  });
}

async function midStaging(tx: Tx, reportId: number, minIndex: number): Promise<MidStaging | null> {
  const open = await tx.execute(sql`
    SELECT substr(s.step_key, 15)::int AS index FROM import_steps s
    WHERE s.report_id = ${reportId} AND s.step_key LIKE 'started:stage-%'
      AND NOT EXISTS (SELECT 1 FROM import_steps d WHERE d.report_id = s.report_id AND d.step_key = substr(s.step_key, 9))`);
  const index = open.rows.map((r) => Number(r.index)).find((i) => i >= minIndex);
  if (index === undefined) return null;
  const previous = await tx.execute(sql`
    SELECT result FROM import_steps WHERE report_id = ${reportId} AND step_key = ${`stage-${String(index - 1).padStart(5, "0")}`}`);
  const fromLine = index === 0 ? 0 : (JSON.parse(String(previous.rows[0].result)) as { next: { line: number } }).next.line;
  const rejected = await tx.execute(sql`
    SELECT id, line FROM report_rows_rejected WHERE report_id = ${reportId} AND line >= ${fromLine} ORDER BY id`);
  if (rejected.rows.length === 0) return null;
  const staged = await tx.execute(sql`SELECT count(*)::int AS n FROM import_staging WHERE report_id = ${reportId} AND line >= ${fromLine}`);
  return { index, fromLine, rejected: rejected.rows.map((r) => ({ id: Number(r.id), line: Number(r.line) })), staged: Number(staged.rows[0].n) };
}
