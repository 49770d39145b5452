import { sql } from "drizzle-orm";
import type { DatabaseHandle } from "@/lib/db/client";
import { openCopySink } from "./copy-staging";
import { openInsertSink } from "./insert-staging";
import { stagingColumns, type StagingColumn, type StagingInput } from "./staging-columns";

/** Receives a chunk's rows as they are read; `finish` returns once every row is stored. */
export type StagingSink = {
  add: (rows: Iterable<StagingInput>) => Promise<void>;
  finish: () => Promise<void>;
  /** Gives up on the rows not yet stored (the step failed); what was stored is cleared by the retry. */
  abort: (error: Error) => Promise<void>;
};

export type StagingWriter = {
  /** Removes what an earlier, interrupted attempt of a chunk may have left: its lines from `fromLine` on. */
  clearFrom: (reportId: number, fromLine: number) => Promise<void>;
  /** `columns`: the staging columns the report can fill (the rest stay NULL). */
  open: (reportId: number, columns?: StagingColumn[]) => Promise<StagingSink>;
};

/** COPY where the driver has it (node-postgres), multi-row INSERT elsewhere (PGlite, Neon over WebSocket). */
export function stagingWriterFor(handle: DatabaseHandle): StagingWriter {
  const open = async (reportId: number, columns: StagingColumn[] = stagingColumns) =>
    handle.pgPool ? openCopySink(handle.pgPool, reportId, columns) : openInsertSink(handle.db, reportId);
  return {
    clearFrom: async (reportId, fromLine) => {
      await handle.db.execute(sql`DELETE FROM import_staging WHERE report_id = ${reportId} AND line >= ${fromLine}`);
    },
    open,
  };
}
