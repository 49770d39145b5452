import type { Database } from "@/lib/db/client";
import type { VideoRange } from "@/lib/import/merge/batch-range";
import { mergeClaimRange } from "@/lib/import/merge/merge-claims";
import { mergeVideoMetricsRange, type MetricsContext } from "@/lib/import/merge/merge-metrics";
import { mergeVideoRange, type VideoMergeCounts } from "@/lib/import/merge/merge-videos";
import { lockCatalogMerges } from "@/lib/import/merge/catalog-merge-lock";
import { runOnce } from "./import-steps";

export type RangeResult = VideoMergeCounts & { claimsCreated: number; claimsUpdated: number; metricRows: number };

/** Applies one video-id range of a staged report to the catalog, atomically and at most once. */
export async function mergeRangeStep(
  db: Database,
  params: { index: number; range: VideoRange; excludeShorts: boolean; metrics: MetricsContext },
): Promise<RangeResult> {
  const { reportId } = params.metrics;
  return runOnce(db, reportId, `merge-${String(params.index).padStart(5, "0")}`, async (tx) => {
    await lockCatalogMerges(tx);
    const videos = await mergeVideoRange(tx, { reportId, range: params.range, excludeShorts: params.excludeShorts });
    const claims = await mergeClaimRange(tx, { reportId, range: params.range, everyStagedVideoExists: videos.skipped === 0 });
    const metricRows = await mergeVideoMetricsRange(tx, params.metrics, params.range);
    // The range's assets joined the enrichment backlog in the video merge, so no single step reads a whole report's videos.
    return { ...videos, claimsCreated: claims.created, claimsUpdated: claims.updated, metricRows };
  });
}
