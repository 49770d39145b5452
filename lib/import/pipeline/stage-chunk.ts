import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { importSteps } from "@/lib/db/schema";
import { streamReportChunk, type ChunkEnd, type Checkpoint } from "@/lib/import/parse";
import type { StagingWriter } from "@/lib/import/stage/staging-writer";
import { recordedResult, runOnce } from "./import-steps";
import type { ReportSource } from "./report-source";
import { changedLinesFrom } from "@/lib/import/fingerprint/compare-with-catalog";
import { nextChunkStart, readTextLayout } from "./text-layout";
import { openStagedRows } from "./staged-rows";
import { textOpener } from "./text-reader";

export type StagedChunk = { next: Checkpoint | null; rowsRead: number; rejected: number };

/**
 * Reads up to `maxRows` rows from a checkpoint, validates them and streams the good ones into the staging table
 * and the bad ones (line, column, reason) into report_rows_rejected while reading, so memory stays flat however
 * large the chunk. The step result is only the next checkpoint and two counts, far below Inngest's step-size limit.
 * The rows come from byte ranges of the text the validation left (text-layout.ts): a step costs its own chunk,
 * whatever its place in the file, so staging is linear in the file's length.
 */
export async function stageChunk(
  db: Database,
  params: { reportId: number; index: number; checkpoint: Checkpoint | null; maxRows: number; onlyChanged?: boolean },
  source: ReportSource,
  writer: StagingWriter,
): Promise<StagedChunk> {
  const { reportId, index } = params;
  const stepKey = `stage-${String(index).padStart(5, "0")}`;
  const done = await recordedResult<StagedChunk>(db, reportId, stepKey);
  if (done) return done;
  // Staged rows are written outside the step's transaction (COPY streams on its own connection). An attempt that
  // finds its own start marker follows an interrupted one: it clears that attempt's rows first, so rows are
  // replaced, not duplicated. Chunks run in order, so everything from this chunk's first line on is its own.
  const fromLine = params.checkpoint?.line ?? 0;
  if (await markStarted(db, reportId, stepKey)) await clearFrom(db, writer, reportId, fromLine);

  let end: ChunkEnd;
  const onlyLines = params.onlyChanged ? await changedLinesFrom(db, reportId, fromLine, params.maxRows) : undefined;
  // Staging only the rows that may change, a step reads on until it has `maxRows` of them (or to the end), however
  // many unchanged rows lie between: a daily file's few changed rows are then read in one pass over the text rather
  // than one step per chunk of the file, each decompressing a .csv.gz from its start.
  const fileRows = onlyLines ? await fileRowsCovering(db, reportId, fromLine, onlyLines, params.maxRows) : params.maxRows;
  // The text the validation read left: the step reads its header and its own chunk, nothing before it (but for the
  // first few chunks of a .csv.gz, see keep-text.ts). Without one (a source that has none, or a run validated
  // before there were any) the file is read from its start.
  const layout = source.text ? await readTextLayout(db, reportId) : undefined;
  const openText = layout && source.text ? textOpener(layout, source.text, source.openBytes) : undefined;
  const nextStart = layout ? nextChunkStart(layout, params.checkpoint, fileRows) : undefined;
  const stream = streamReportChunk(source.openBytes, { checkpoint: params.checkpoint, maxRows: fileRows, onlyLines, openText, nextStart });
  const rows = openStagedRows(db, writer, reportId);
  let rejected: number;
  try {
    for (;;) {
      const step = await stream.next();
      if (step.done) {
        end = step.value;
        break;
      }
      await rows.add(step.value);
    }
    rejected = await rows.finish();
  } catch (error) {
    await rows.abort(error as Error);
    // Stops the download and decompression the failed chunk was in the middle of.
    await stream.return(undefined as unknown as ChunkEnd);
    throw error;
  }
  const result: StagedChunk = { next: end.next, rowsRead: end.rowsRead, rejected };
  return runOnce(db, reportId, stepKey, async () => result);
}

/**
 * How many of the file's rows from `fromLine` on a step reads to stage `lines` (the next changed rows, at most
 * `limit`): all the rest when fewer than `limit` are left, else up to the last of them (rows counted by their
 * fingerprints, one per data row).
 */
async function fileRowsCovering(db: Database, reportId: number, fromLine: number, lines: ReadonlySet<number>, limit: number): Promise<number> {
  if (lines.size < limit) return Infinity;
  let last = fromLine;
  for (const line of lines) if (line > last) last = line;
  const result = await db.execute(
    sql`SELECT count(*)::int AS n FROM import_fingerprints WHERE report_id = ${reportId} AND line >= ${fromLine} AND line <= ${last}`,
  );
  return Number((result.rows[0] as { n: number }).n);
}

/** Records that an attempt of this chunk started; true when an earlier attempt had already started it. */
async function markStarted(db: Database, reportId: number, stepKey: string): Promise<boolean> {
  const inserted = await db
    .insert(importSteps)
    .values({ reportId, stepKey: `started:${stepKey}`, result: "null" })
    .onConflictDoNothing()
    .returning({ reportId: importSteps.reportId });
  return inserted.length === 0;
}

async function clearFrom(db: Database, writer: StagingWriter, reportId: number, fromLine: number): Promise<void> {
  await writer.clearFrom(reportId, fromLine);
  await db.execute(sql`DELETE FROM report_rows_rejected WHERE report_id = ${reportId} AND line >= ${fromLine}`);
}
