import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import type { RecordsListener, RejectedRow } from "@/lib/import/parse";
import { createRowMapper, type RowMapper } from "@/lib/import/parse/row-mapping";
import type { StagingSink, StagingWriter } from "@/lib/import/stage/staging-writer";
import { stagingColumnsFilled, stagingInputs } from "@/lib/import/stage/staging-columns";
import type { ReportRecord } from "@/lib/import/parse";
import { REJECTED_PER_INSERT, storeRejected } from "./store-rejected";

/** What the validation read staged: the same counts a staging step returns. */
export type StagedWhileValidating = { rowsRead: number; rejected: number };

/**
 * Whether the validation read should stage the rows too (one read of the file instead of two): when the catalog holds
 * no video, every row of the report is new, the comparison would send them all to staging anyway, and a first import
 * then reads, splits and decompresses its file once. Otherwise the staging steps read only the rows that may change.
 */
export async function stagesWhileValidating(db: Pick<Database, "execute">): Promise<boolean> {
  const any = await db.execute(sql`SELECT 1 FROM videos LIMIT 1`);
  return any.rows.length === 0;
}

/**
 * Listeners for the validation read that map, validate and stage every data row as it is read, exactly as the
 * staging steps would (good rows into import_staging, bad ones with line, column and reason into
 * report_rows_rejected). The read is one step: a retried attempt starts with `clear`, so nothing is staged twice; a
 * file that turns out broken is `discard`ed, leaving neither staged nor rejected rows.
 */
export function stageWhileValidating(db: Database, writer: StagingWriter, reportId: number) {
  let mapRow: RowMapper | null = null;
  let sink: StagingSink | null = null;
  let pending: RejectedRow[] = [];
  let rowsRead = 0;
  let rejected = 0;

  const onRecords: RecordsListener = async (header, records) => {
    mapRow ??= createRowMapper(header);
    const good: ReportRecord[] = [];
    for (const raw of records) {
      const mapped = mapRow(raw.fields, raw.line);
      if (mapped.record) good.push(mapped.record);
      else pending.push(mapped.rejected);
    }
    rowsRead += records.length;
    if (good.length) {
      sink ??= await writer.open(reportId, stagingColumnsFilled(mapRow.fills));
      await sink.add(stagingInputs(good));
    }
    if (pending.length >= REJECTED_PER_INSERT) await flushRejected();
  };

  async function flushRejected() {
    rejected += pending.length;
    const rows = pending;
    pending = [];
    await storeRejected(db, reportId, rows);
  }

  async function removeRows() {
    await writer.clearFrom(reportId, 0);
    await db.execute(sql`DELETE FROM report_rows_rejected WHERE report_id = ${reportId}`);
  }

  return {
    onRecords,
    /** Before the read: what an interrupted earlier attempt staged or rejected goes. */
    clear: removeRows,
    finish: async (): Promise<StagedWhileValidating> => {
      await flushRejected();
      await sink?.finish();
      return { rowsRead, rejected };
    },
    /** The read failed or the file is broken: stop the COPY and remove what was stored. */
    discard: async (error: Error) => {
      await sink?.abort(error);
      sink = null;
      await removeRows();
    },
  };
}
