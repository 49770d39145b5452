import { pgErrorCode, UNIQUE_VIOLATION } from "@/lib/db/pg-error";
import type { Database } from "@/lib/db/client";
import { scanReport } from "@/lib/import/parse";
import { recordFingerprints } from "@/lib/import/fingerprint/record-fingerprints";
import type { FingerprintSink } from "@/lib/import/fingerprint/fingerprint-writer";
import { sql } from "drizzle-orm";
import { getReport, updateReport } from "@/lib/import/reports/report-queries";
import { hashingSource, periodFromFilename, type ReportSource } from "./report-source";
import { failReport } from "./fail-report";
import { ReportFileChangedError } from "./s3-report-source";
import { keepTextForStaging } from "./keep-text";
import { getEnv } from "@/lib/env";
import type { RecordsListener } from "@/lib/import/parse";
import type { StagingWriter } from "@/lib/import/stage/staging-writer";
import { stageWhileValidating, stagesWhileValidating, type StagedWhileValidating } from "./stage-while-validating";
import { likelyChangedRows } from "./likely-changed-rows";
import { dropStagingIndex, ensureStagingIndex } from "@/lib/import/stage/staging-index";

export type PreparedReport =
  | {
      ok: true;
      reportId: number;
      kind: string;
      level: "video" | "asset";
      totalRows: number;
      contentHash: string;
      defaultPeriod: string;
      excludeShorts: boolean;
      /** Set when this read staged every row itself (stage-while-validating.ts): there are no staging steps. */
      staged: StagedWhileValidating | null;
      /** This read staged the rows likely to change (likely-changed-rows.ts), for the comparison to keep or drop. */
      stagedAhead: boolean;
    }
  | { ok: false; reportId: number; reason: string };


/**
 * First step of an import: read the whole file once (gzip, UTF-8, header, row count, content hash) so that a
 * file-level failure is found before anything is written, and claim the content hash so the same content is
 * never imported twice at once. On the way it leaves the decompressed text where each staging step reads only
 * its own chunk (keep-text.ts; `chunkRows`: the staging chunk size, IMPORT_CHUNK_ROWS by default). Given a
 * `staging` writer and an empty catalog, it stages the rows itself instead (stage-while-validating.ts).
 */
export async function prepareReport(
  db: Database,
  reportId: number,
  source: ReportSource,
  openFingerprints: () => Promise<FingerprintSink>,
  options: { chunkRows?: number; copiedFromChunk?: number; staging?: StagingWriter } = {},
): Promise<PreparedReport> {
  const report = await getReport(db, reportId);
  if (report.status === "cancelled") return { ok: false, reportId, reason: "cancelled" };
  await updateReport(db, reportId, { status: "processing", startedAt: new Date(), error: null, errorLine: null,
    progress: { processed_rows: 0, total_rows: 0, percentage: 0, videos_created: 0, videos_updated: 0, errors: 0, phase: "validating" } });

  const hashing = hashingSource(source);
  // Fingerprints of a video-level report's records are written during this same read (an earlier, interrupted
  // attempt's are removed first); the compare step uses them to leave rows the catalog already holds unparsed.
  await db.execute(sql`DELETE FROM import_fingerprints WHERE report_id = ${reportId}`);
  const fingerprints = recordFingerprints(openFingerprints);
  // Into an empty catalog every row is staged by this read; otherwise the rows likely to change are (the comparison
  // keeps them if they cover everything that may change, else the staging steps read the rows as before).
  const stagesAll = Boolean(options.staging) && (await stagesWhileValidating(db));
  const stager = options.staging
    ? stageWhileValidating(db, options.staging, reportId, stagesAll ? undefined : likelyChangedRows(db, report))
    : null;
  // Staging the whole report, the read copies into the table without its index; otherwise the index is there (back
  // after an interrupted bulk read).
  if (stagesAll) await dropStagingIndex(db);
  else await ensureStagingIndex(db);
  await stager?.clear();
  // Staged here, the rows need no copy of the text for staging steps.
  const text =
    source.text && !stagesAll
      ? keepTextForStaging(db, reportId, source.text, options.chunkRows ?? getEnv().IMPORT_CHUNK_ROWS, { copiedFromChunk: options.copiedFromChunk })
      : null;
  const listeners = [text?.onRecords, fingerprints.onRecords, stager?.onRecords].filter((l): l is RecordsListener => Boolean(l));
  const onRecords: RecordsListener = async (header, records) => {
    for (const listener of listeners) await listener(header, records);
  };
  let scan: Awaited<ReturnType<typeof scanReport>>;
  let staged: StagedWhileValidating | null = null;
  try {
    scan = await scanReport(hashing.source.openBytes, { filename: report.filename, onRecords, onText: text?.onText });
    await fingerprints.finish();
    // A broken file's copy and rows are not needed: its report fails below, and that clears the import's scratch.
    if (scan.fileError) {
      await text?.abort();
      await stager?.discard(new Error(scan.fileError.message));
    } else {
      await text?.finish();
      const stagedHere = (await stager?.finish()) ?? null;
      staged = stagesAll ? stagedHere : null;
    }
  } catch (error) {
    await text?.abort();
    await fingerprints.abort(error as Error);
    await stager?.discard(error as Error);
    if (!(error instanceof ReportFileChangedError)) throw error;
    // The catalog is untouched: the report fails at once, saying what to do, without a step error's retries.
    const reason = `${error.message}. Import it again to read its new content.`;
    await failReport(db, reportId, reason, null);
    return { ok: false, reportId, reason };
  }
  if (scan.fileError) {
    // failReport clears the report's scratch rows, the fingerprints written so far included.
    await failReport(db, reportId, scan.fileError.message, scan.fileError.line ?? null);
    return { ok: false, reportId, reason: scan.fileError.message };
  }
  const contentHash = hashing.digest();
  try {
    await updateReport(db, reportId, { contentHash, kind: scan.header.kind.id });
  } catch (error) {
    if (pgErrorCode(error) !== UNIQUE_VIOLATION) throw error;
    const reason = "The same file content is already being imported by another report; wait for it to finish.";
    await failReport(db, reportId, reason, null);
    return { ok: false, reportId, reason };
  }
  const defaultPeriod = periodFromFilename(report.filename, report.createdAt);
  await updateReport(db, reportId, {
    progress: staged
      ? { processed_rows: staged.rowsRead, total_rows: scan.totalRows, percentage: 50, videos_created: 0, videos_updated: 0, errors: staged.rejected, phase: "applying" }
      : { processed_rows: 0, total_rows: scan.totalRows, percentage: 0, videos_created: 0, videos_updated: 0, errors: 0, phase: "staging" },
  });
  return {
    ok: true,
    reportId,
    kind: scan.header.kind.id,
    level: scan.header.kind.level,
    totalRows: scan.totalRows,
    contentHash,
    defaultPeriod,
    excludeShorts: report.excludeShorts,
    staged,
    stagedAhead: !stagesAll && Boolean(stager?.picking()),
  };
}
