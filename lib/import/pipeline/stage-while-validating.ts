import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import type { RawRecord, RecordsListener, ReportHeader, RowBatch } from "@/lib/import/parse";
import { createRowMapper, type RowMapper } from "@/lib/import/parse/row-mapping";
import type { StagingWriter } from "@/lib/import/stage/staging-writer";
import { openStagedRows } from "./staged-rows";

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
 * Decides, once the read has the header, which records the validation read stages (see likely-changed-rows.ts);
 * null: none.
 */
export type RecordPick = (header: ReportHeader) => Promise<((record: RawRecord) => boolean) | null>;

/**
 * Listeners for the validation read that map, validate and stage every data row as it is read (or those `pickRecords`
 * picks), exactly as the staging steps would (good rows into import_staging, bad ones with line, column and reason
 * into report_rows_rejected). The read is one step: a retried attempt starts with `clear`, so nothing is staged
 * twice; a file that turns out broken is `discard`ed, leaving neither staged nor rejected rows.
 */
export function stageWhileValidating(db: Database, writer: StagingWriter, reportId: number, pickRecords?: RecordPick) {
  let mapRow: RowMapper | null = null;
  const rows = openStagedRows(db, writer, reportId);
  let rowsRead = 0;
  let pick: ((record: RawRecord) => boolean) | null | undefined;

  const onRecords: RecordsListener = async (header, records) => {
    if (pick === undefined) pick = pickRecords ? await pickRecords(header) : () => true;
    rowsRead += records.length;
    if (!pick) return;
    mapRow ??= createRowMapper(header);
    const batch: RowBatch = { records: [], rejected: [], fills: mapRow.fills };
    for (const raw of records) {
      if (!pick(raw)) continue;
      const mapped = mapRow(raw.fields, raw.line);
      if (mapped.record) batch.records.push(mapped.record);
      else batch.rejected.push(mapped.rejected);
    }
    await rows.add(batch);
  };

  async function removeRows() {
    await writer.clearFrom(reportId, 0);
    await db.execute(sql`DELETE FROM report_rows_rejected WHERE report_id = ${reportId}`);
  }

  return {
    onRecords,
    /** Before the read: what an interrupted earlier attempt staged or rejected goes. */
    clear: removeRows,
    finish: async (): Promise<StagedWhileValidating> => ({ rowsRead, rejected: await rows.finish() }),
    /** Whether this read staged rows (all, or those a picker chose): false when the picker declined to guess. */
    picking: () => Boolean(pick),
    /** The read failed or the file is broken: stop the COPY and remove what was stored. */
    discard: async (error: Error) => {
      await rows.abort(error);
      await removeRows();
    },
  };
}
