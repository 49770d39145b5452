import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import type { ReportSummary } from "@/lib/db/schema";
import { getReport, updateReport } from "@/lib/import/reports/report-queries";
import { combineChangeSet } from "./change-set";
import { clearImportScratch, recordedResult, recordedResults } from "./import-steps";
import type { CatalogComparison } from "@/lib/import/fingerprint/compare-with-catalog";
import type { RangeResult } from "./merge-range-step";
import type { AssetLevelResult } from "./merge-asset-level";

/** Last step: totals from the recorded step results, the change set, enrichment hand-off, cleanup, `completed`. */
export async function finishReport(db: Database, params: { reportId: number; kind: string; totalRows: number }): Promise<ReportSummary> {
  const { reportId } = params;
  const report = await getReport(db, reportId);
  if (report.status === "completed" && report.summary) return report.summary;

  // Counted where they are stored: staging steps and a validation read that staged the rows itself both store them.
  const rejected = await db.execute(sql`SELECT count(*)::int AS n FROM report_rows_rejected WHERE report_id = ${reportId}`);
  const ranges = await recordedResults<RangeResult>(db, reportId, "merge-");
  const [assets] = await recordedResults<AssetLevelResult>(db, reportId, "assets");
  const comparison = await recordedResult<CatalogComparison>(db, reportId, "compare");
  const sum = (key: Exclude<keyof RangeResult, "changeSet">) => ranges.reduce((total, r) => total + r[key], 0);
  const summary: ReportSummary = {
    kind: params.kind,
    // Counted by the validation read; staging may skip rows (or the whole file) the catalog already holds.
    total_rows: params.totalRows,
    created: sum("created"),
    updated: sum("updated") + (assets?.videosUpdated ?? 0),
    unchanged: sum("unchanged") + (comparison?.unchanged ?? 0),
    skipped: sum("skipped"),
    rejected: Number((rejected.rows[0] as { n: number }).n),
    assets_created: assets?.created ?? 0,
    assets_updated: assets?.updated ?? 0,
    claims_created: sum("claimsCreated"),
    // Assets that joined the enrichment backlog (from the videos' claims, and from an asset-level report's assets).
    enrichment_queued: sum("enrichmentQueued") + (assets?.enrichmentQueued ?? 0),
    change_set: combineChangeSet(ranges.map((r) => r.changeSet)),
  };
  await db.transaction(async (tx) => {
    await clearImportScratch(tx, reportId);
    await updateReport(tx, reportId, {
      status: "completed",
      summary,
      finishedAt: new Date(),
      progress: {
        processed_rows: summary.total_rows,
        total_rows: summary.total_rows,
        percentage: 100,
        videos_created: summary.created,
        videos_updated: summary.updated,
        errors: summary.rejected,
        phase: "completed",
      },
    });
  });
  return summary;
}
