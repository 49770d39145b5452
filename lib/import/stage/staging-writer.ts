import { sql } from "drizzle-orm";
import type { DatabaseHandle } from "@/lib/db/client";
import { copyStagingRows } from "./copy-staging";
import { insertStagingRows } from "./insert-staging";
import type { StagingInput } from "./staging-columns";

export type StagingWriter = {
  /** Removes what an earlier, interrupted attempt of the same chunk may have left: lines [fromLine, toLine). */
  clearLines: (reportId: number, fromLine: number, toLine: number | null) => Promise<void>;
  write: (reportId: number, rows: StagingInput[]) => Promise<void>;
};

/** COPY where the driver has it (node-postgres), multi-row INSERT elsewhere (PGlite, Neon over WebSocket). */
export function stagingWriterFor(handle: DatabaseHandle): StagingWriter {
  return {
    clearLines: async (reportId, fromLine, toLine) => {
      const upper = toLine === null ? sql`` : sql` AND line < ${toLine}`;
      await handle.db.execute(sql`DELETE FROM import_staging WHERE report_id = ${reportId} AND line >= ${fromLine}${upper}`);
    },
    write: (reportId, rows) => (handle.pgPool ? copyStagingRows(handle.pgPool, reportId, rows) : insertStagingRows(handle.db, reportId, rows)),
  };
}
