import type { Database } from "@/lib/db/client";
import type { RejectedRow, RowBatch } from "@/lib/import/parse";
import type { StagingSink, StagingWriter } from "@/lib/import/stage/staging-writer";
import { stagingColumnsFilled, stagingInputs } from "@/lib/import/stage/staging-columns";
import { reportRowsRejected } from "@/lib/db/schema";

/** Rejected rows are kept in batches of this many while a read goes on, so memory stays flat however many there are. */
const REJECTED_PER_INSERT = 1000;

/**
 * Where a read puts a report's mapped rows, batch by batch, for the staging steps and for a validation read that
 * stages them itself alike: good rows streamed into one COPY (opened on the first, naming the columns the report
 * fills), rejected rows (line, column, value, reason, raw cells) stored in batches. `finish` returns how many were
 * rejected once everything is stored; `abort` stops the COPY (what was stored is cleared by whoever retries).
 */
export function openStagedRows(db: Database, writer: StagingWriter, reportId: number) {
  let sink: StagingSink | null = null;
  let pending: RejectedRow[] = [];
  let rejected = 0;

  const flushRejected = async () => {
    const rows = pending;
    pending = [];
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
  };

  return {
    add: async (batch: RowBatch) => {
      if (batch.records.length) {
        sink ??= await writer.open(reportId, stagingColumnsFilled(batch.fills));
        await sink.add(stagingInputs(batch.records));
      }
      if (batch.rejected.length) {
        rejected += batch.rejected.length;
        pending.push(...batch.rejected);
        if (pending.length >= REJECTED_PER_INSERT) await flushRejected();
      }
    },
    finish: async (): Promise<number> => {
      await flushRejected();
      await sink?.finish();
      return rejected;
    },
    abort: async (error: Error) => {
      await sink?.abort(error);
      sink = null;
    },
  };
}
