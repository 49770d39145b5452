import type { Database } from "@/lib/db/client";
import { mergeAssetMetrics, type MetricsContext } from "@/lib/import/merge/merge-metrics";
import { mergeAssets, propagateAssetsToVideos } from "@/lib/import/merge/merge-assets";
import { lockCatalogMerges } from "@/lib/import/merge/catalog-merge-lock";
import { runOnce } from "./import-steps";
import { enqueueReportAssetsEnrichment } from "./enqueue-enrichment";

export type AssetLevelResult = { created: number; updated: number; videosUpdated: number; metricRows: number; enrichmentQueued?: number };

/** Assets described by the report, their metadata carried to the videos they claim, and asset-level metrics. */
export async function mergeAssetLevel(db: Database, metrics: MetricsContext): Promise<AssetLevelResult> {
  return runOnce(db, metrics.reportId, "assets", async (tx) => {
    await lockCatalogMerges(tx);
    const assets = await mergeAssets(tx, metrics.reportId);
    const videosUpdated = await propagateAssetsToVideos(tx, metrics.reportId);
    const metricRows = await mergeAssetMetrics(tx, metrics);
    const enrichmentQueued = await enqueueReportAssetsEnrichment(tx, metrics.reportId);
    return { ...assets, videosUpdated, metricRows, enrichmentQueued };
  });
}
