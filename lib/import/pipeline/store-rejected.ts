import type { Database } from "@/lib/db/client";
import { reportRowsRejected } from "@/lib/db/schema";
import type { RejectedRow } from "@/lib/import/parse";

/** Rejected rows are kept in batches of this many while a read goes on, so memory stays flat however many there are. */
export const REJECTED_PER_INSERT = 1000;

/** Stores a report's rejected rows (line, column, value, reason, raw cells); a row already stored is left as it is. */
export async function storeRejected(db: Database, reportId: number, rows: RejectedRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += REJECTED_PER_INSERT) {
    await db
      .insert(reportRowsRejected)
      .values(
        rows.slice(i, i + REJECTED_PER_INSERT).map((r) => ({
          reportId,
          line: r.line,
          column: r.column ?? null,
          value: r.value ?? null,
          reason: r.reason,
          raw: r.raw ? JSON.stringify(r.raw) : null,
        })),
      )
      .onConflictDoNothing();
  }
}
