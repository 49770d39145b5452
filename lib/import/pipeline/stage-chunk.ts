import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { reportRowsRejected } from "@/lib/db/schema";
import { readReportChunk, type Checkpoint } from "@/lib/import/parse";
import type { StagingWriter } from "@/lib/import/stage/staging-writer";
import { stagingInputs } from "@/lib/import/stage/staging-columns";
import { recordedResult, runOnce } from "./import-steps";
import type { ReportSource } from "./report-source";

export type StagedChunk = { next: Checkpoint | null; rowsRead: number; rejected: number };

/**
 * Reads up to `maxRows` rows from a checkpoint, validates them and stores the good ones in the staging table and
 * the bad ones (line, column, reason) in report_rows_rejected. The step result is only the next checkpoint and
 * two counts, far below Inngest's step-size limit however large the chunk.
 */
export async function stageChunk(
  db: Database,
  params: { reportId: number; index: number; checkpoint: Checkpoint | null; maxRows: number },
  source: ReportSource,
  writer: StagingWriter,
): Promise<StagedChunk> {
  const { reportId, index } = params;
  const stepKey = `stage-${String(index).padStart(5, "0")}`;
  const done = await recordedResult<StagedChunk>(db, reportId, stepKey);
  if (done) return done;
  // Read before opening the transaction: on the embedded database one long transaction blocks every request.
  const chunk = await readReportChunk(source.openBytes, { checkpoint: params.checkpoint, maxRows: params.maxRows });
  // Staged rows are written outside the step's transaction (COPY needs its own connection); clearing the chunk's
  // lines first makes a repeated attempt replace, not duplicate, what an interrupted one wrote.
  await writer.clearLines(reportId, params.checkpoint?.line ?? 0, chunk.next?.line ?? null);
  await writer.write(reportId, [...stagingInputs(chunk.records)]);
  return runOnce(db, reportId, stepKey, async (tx) => {
    if (chunk.rejected.length > 0) {
      for (let i = 0; i < chunk.rejected.length; i += 1000) {
        await tx
          .insert(reportRowsRejected)
          .values(
            chunk.rejected.slice(i, i + 1000).map((r) => ({
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
    return { next: chunk.next, rowsRead: chunk.rowsRead, rejected: chunk.rejected.length };
  });
}

/** Video-id boundaries that split the staged videos into ranges of about `perRange` videos each. */
export async function planVideoRanges(db: Database, reportId: number, perRange: number): Promise<string[]> {
  const result = await db.execute(sql`
SELECT video_id FROM (
  SELECT video_id, row_number() OVER (ORDER BY video_id) AS rn
  FROM (SELECT DISTINCT video_id FROM import_staging WHERE report_id = ${reportId} AND video_id IS NOT NULL) d
) x WHERE (rn - 1) % ${perRange} = 0 ORDER BY video_id`);
  return result.rows.map((r) => (r as { video_id: string }).video_id);
}
