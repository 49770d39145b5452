import { sql } from "drizzle-orm";
import type { Report } from "@/lib/db/schema";
import { getDatabase, getDb } from "@/lib/db/client";
import { stagingWriterFor } from "@/lib/import/stage/staging-writer";
import { getEnv } from "@/lib/env";
import type { Checkpoint } from "@/lib/import/parse";
import { getReport, updateReport } from "@/lib/import/reports/report-queries";
import { publishReportStatus } from "@/lib/import/reports/publish-report-status";
import { s3ReportSource } from "./s3-report-source";
import { prepareReport } from "./prepare-report";
import { stageChunk } from "./stage-chunk";
import { planVideoRanges } from "./plan-ranges";
import { mergeRangeStep, type RangeResult } from "./merge-range-step";
import { mergeAssetLevel } from "./merge-asset-level";
import { finishReport } from "./finish-report";
import { failReport } from "./fail-report";
import { clearImportScratch, recordedResult, runOnce } from "./import-steps";
import { finishBulkLoad, startBulkLoadIfLarge } from "./bulk-load";
import { restoreIndexesLeftByOtherImports } from "./bulk-load-restore";
import { upsertReportChannels } from "@/lib/import/merge/merge-channels";
import { openFingerprintSink } from "@/lib/import/fingerprint/fingerprint-writer";
import {
  compareRange,
  compareWithCatalog,
  finishComparison,
  forgetFingerprintsOfRejected,
  planComparison,
  type CatalogComparison,
  type CompareParams,
  type StagingScope,
} from "@/lib/import/fingerprint/compare-with-catalog";
import { NonRetriableError } from "inngest";
import type { MetricsContext } from "@/lib/import/merge/merge-metrics";

// The import's steps as plain functions of serialisable arguments; the Inngest function only sequences them.
// Each one publishes the report's status afterwards so progress bars move between steps.

async function withStatus<T>(reportId: number, step: string, work: () => Promise<T>): Promise<T> {
  await stopIfCancelled(reportId);
  const started = performance.now();
  const result = await work();
  // One line per step: where an import spends its time is the first question when one is slow.
  console.log(`[import] report ${reportId} ${step} ${Math.round(performance.now() - started)} ms`);
  // Checked again after the work: a cancel that arrived while this step was writing must not leave its rows.
  await publishReportStatus(await stopIfCancelled(reportId));
  return result;
}

/** A cancelled report's run ends at its next step, leaving no scratch rows behind; otherwise the report. */
async function stopIfCancelled(reportId: number): Promise<Report> {
  const db = await getDb();
  const report = await getReport(db, reportId);
  if (report.status !== "cancelled") return report;
  await clearImportScratch(db, reportId);
  throw new NonRetriableError(`Report ${reportId} was cancelled.`);
}

export async function prepareStep(reportId: number) {
  const db = await getDb();
  const handle = await getDatabase();
  return withStatus(reportId, "validate-file", async () =>
    prepareReport(db, reportId, s3ReportSource(await getReport(db, reportId)), () => openFingerprintSink(handle, reportId), {
      staging: getEnv().IMPORT_STAGING_STEPS_ONLY ? undefined : stagingWriterFor(handle),
    }),
  );
}

/**
 * Which rows staging has to read: the videos whose rows the catalog already holds as they are are left out. On
 * node-postgres the videos are compared in two id ranges side by side, each in its own transaction and connection
 * and recorded once (the split first, so a retry compares the same ranges); single-connection drivers compare them
 * in one transaction. The comparison's result is recorded last, from its ranges'.
 */
export async function compareStep(params: CompareParams) {
  const db = await getDb();
  const { reportId } = params;
  return withStatus(reportId, "compare-with-catalog", async () => {
    if (!(await getDatabase()).pgPool) return runOnce(db, reportId, "compare", (tx) => compareWithCatalog(tx, params));
    const done = await recordedResult<CatalogComparison>(db, reportId, "compare");
    if (done) return done;
    const boundaries = await runOnce(db, reportId, "compare-split", (tx) => planComparison(tx, reportId, RANGES_PER_APPLY_STEP));
    const ranges = await Promise.all(
      boundaries.map((from, i) =>
        runOnce(db, reportId, `compare-range-${i}`, (tx) => compareRange(tx, params, { from, to: boundaries[i + 1] ?? null })),
      ),
    );
    return runOnce(db, reportId, "compare", (tx) => finishComparison(tx, params, ranges));
  });
}

/** Whether staging steps have rows left to read after the validation read and the comparison. */
export function needsStagingSteps(prepared: { staged: unknown }, comparison: { scope: StagingScope }): boolean {
  return !prepared.staged && comparison.scope !== "none" && comparison.scope !== "staged";
}

export async function stageStep(params: {
  reportId: number;
  index: number;
  checkpoint: Checkpoint | null;
  totalRows: number;
  readSoFar: number;
  onlyChanged: boolean;
}) {
  const db = await getDb();
  return withStatus(params.reportId, `stage-rows-${params.index}`, async () => {
    const report = await getReport(db, params.reportId);
    const writer = stagingWriterFor(await getDatabase());
    const staged = await stageChunk(db, { ...params, maxRows: getEnv().IMPORT_CHUNK_ROWS }, s3ReportSource(report), writer);
    const processed = params.readSoFar + staged.rowsRead;
    await updateReport(db, params.reportId, {
      progress: {
        ...report.progress!,
        processed_rows: processed,
        total_rows: params.totalRows,
        // Reading is the first half of the work; applying to the catalog is the second.
        percentage: params.totalRows ? Math.min(50, Math.round((processed / params.totalRows) * 50)) : 50,
        errors: (report.progress?.errors ?? 0) + staged.rejected,
        phase: staged.next ? "staging" : "applying",
      },
    });
    return staged;
  });
}

export async function planStep(reportId: number): Promise<string[]> {
  const db = await getDb();
  // Fresh statistics first: the staging table's still describe the previous import's rows, among which this report
  // has none, and the channel upsert then walked every staged row through the index in video-id order (12 s for 2M
  // rows after an earlier import, against 0.4 s). The ranges are planned from the same statistics.
  await db.execute(sql`ANALYZE import_staging`);
  await forgetFingerprintsOfRejected(db, reportId);
  await upsertReportChannels(db, reportId);
  await restoreIndexesLeftByOtherImports(db, reportId);
  await startBulkLoadIfLarge(db, reportId, getEnv().IMPORT_BULK_LOAD_MIN_VIDEOS);
  // The videos staging holds: those the comparison found may change (asset-level reports have none to count).
  const comparison = await recordedResult<CatalogComparison>(db, reportId, "compare");
  const stagedVideos = comparison && comparison.videos > 0 ? comparison.videos - comparison.unchanged : null;
  return planVideoRanges(db, reportId, getEnv().IMPORT_MERGE_RANGE_VIDEOS, { minRanges: RANGES_PER_APPLY_STEP, stagedVideos, analyzed: true });
}

/** How many id ranges one apply step merges side by side (each in its own transaction and connection). */
export const RANGES_PER_APPLY_STEP = 2;

/**
 * Applies ranges [index × 2, index × 2 + 1] of the plan. On node-postgres they run concurrently on two pooled
 * connections (the ranges hold disjoint videos, and PostgreSQL then uses both cores); on single-connection
 * drivers one after the other.
 */
export async function mergeStep(params: { index: number; boundaries: string[]; excludeShorts: boolean; metrics: MetricsContext }) {
  const db = await getDb();
  const { index, boundaries } = params;
  const first = index * RANGES_PER_APPLY_STEP;
  const rangeIndexes = Array.from({ length: RANGES_PER_APPLY_STEP }, (_, i) => first + i).filter((i) => i < boundaries.length);
  const mergeOne = (i: number) =>
    mergeRangeStep(db, {
      index: i,
      range: { from: boundaries[i], to: boundaries[i + 1] ?? null },
      excludeShorts: params.excludeShorts,
      metrics: params.metrics,
    });
  return withStatus(params.metrics.reportId, `apply-videos-${index}`, async () => {
    const parallel = Boolean((await getDatabase()).pgPool);
    const results: RangeResult[] = [];
    if (parallel) results.push(...(await Promise.all(rangeIndexes.map(mergeOne))));
    else for (const i of rangeIndexes) results.push(await mergeOne(i));
    const created = results.reduce((n, r) => n + r.created, 0);
    const updated = results.reduce((n, r) => n + r.updated, 0);
    const report = await getReport(db, params.metrics.reportId);
    const progress = report.progress!;
    await updateReport(db, report.id, {
      progress: {
        ...progress,
        percentage: 50 + Math.round(((rangeIndexes.at(-1)! + 1) / boundaries.length) * 49),
        videos_created: progress.videos_created + created,
        videos_updated: progress.videos_updated + updated,
        phase: "applying",
      },
    });
    return { ranges: rangeIndexes.length, created, updated };
  });
}

export async function assetStep(metrics: MetricsContext) {
  const db = await getDb();
  return withStatus(metrics.reportId, "apply-assets", () => mergeAssetLevel(db, metrics));
}

/** After a bulk load (bulk-load.ts): the catalog's secondary indexes, built from the merged tables. */
export async function indexStep(reportId: number) {
  return withStatus(reportId, "build-indexes", async () => finishBulkLoad(await getDatabase(), reportId));
}

export async function finishStep(params: { reportId: number; kind: string; totalRows: number }) {
  const db = await getDb();
  return withStatus(params.reportId, "finish-report", () => finishReport(db, params));
}

export async function failStep(reportId: number, reason: string) {
  const db = await getDb();
  const report = await getReport(db, reportId);
  if (report.status === "cancelled" || report.status === "completed") return;
  await failReport(db, reportId, reason, null);
  await publishReportStatus(await getReport(db, reportId));
}
