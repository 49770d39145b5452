import { inArray } from "drizzle-orm";
import { assets, type FieldChanges, type NewMetadataSync } from "@/lib/db/schema";
import type { Asset } from "@/lib/youtube/partner-types";
import type { Tx } from "@/lib/videos/edit-transaction";
import { ENDPOINTS, type ItemResult, type TaskContext, type TaskRunResult } from "../task-types";
import { ASSET_COLUMNS, assetMetadata, assetRowValues, VIDEO_COLUMNS_FROM_ASSET, videoValuesFromAsset } from "./asset-metadata-values";
import { apiAuditRecord } from "./audit-record";
import { insertAuditRecords, isAnyOf, markVideosSynced, readRows, readRowsByKey, writeChanges } from "./catalog-rows";
import { inCatalogTransaction } from "./catalog-transaction";
import { CLEAR, diffFields, hasChanges } from "./field-diff";

/**
 * Applies an assets.list answer: each requested asset's row and the videos whose asset_id names it get the asset's
 * metadata. Values only fill gaps unless the task says force_refresh (a non-empty value came from a report or a
 * person). Whether an asset was answered under another id is the API's fact and always recorded (merged_into).
 *
 * Videos are found by videos.asset_id, not by every claim: the video row shows one asset next to its UPC/ISRC/custom
 * id, and those must describe that asset. A video also claimed by a second asset (a composition, a UGC match) would
 * otherwise take whichever asset's values arrived first, and fill-only would keep them.
 */
export async function applyAssetAnswers(ctx: TaskContext, ids: readonly string[], answers: ReadonlyMap<string, Asset>): Promise<TaskRunResult> {
  const requested = [...new Set(ids)];
  const found = requested.filter((id) => answers.has(id));
  const keepNonEmpty = (column: string) => column !== "merged_into" && !ctx.forceRefresh;

  return inCatalogTransaction(ctx.db, async (tx) => {
    const assetRows = await readRowsByKey(tx, "assets", found, ASSET_COLUMNS);
    const videoRows = found.length ? await readRows(tx, "videos", isAnyOf("videos", "asset_id", found), ["asset_id", ...VIDEO_COLUMNS_FROM_ASSET]) : [];
    const videosByAsset = new Map<string, typeof videoRows>();
    for (const video of videoRows) {
      const list = videosByAsset.get(String(video.asset_id)) ?? [];
      videosByAsset.set(String(video.asset_id), list);
      list.push(video);
    }
    const items: Record<string, ItemResult> = {};
    const assetChanges: { id: string; changes: FieldChanges }[] = [];
    const videoChanges: Record<string, FieldChanges> = {};
    const audits: NewMetadataSync[] = [];

    for (const id of requested) {
      const answer = answers.get(id);
      if (!answer) {
        items[id] = { status: "not_found" };
        continue;
      }
      const metadata = assetMetadata(answer);
      const mergedInto = answer.id && answer.id !== id ? answer.id : undefined;
      const row = assetRows.get(id);
      const changes = row ? diffFields(row, { ...assetRowValues(metadata), merged_into: mergedInto ?? CLEAR }, keepNonEmpty) : {};
      if (hasChanges(changes)) {
        assetChanges.push({ id, changes });
        audits.push(apiAuditRecord(ctx, ENDPOINTS.assetsList, { assetId: id }, changes));
      }
      const proposal = videoValuesFromAsset(metadata);
      let videosUpdated = 0;
      for (const video of videosByAsset.get(id) ?? []) {
        const change = diffFields(video, proposal, keepNonEmpty);
        if (!hasChanges(change)) continue;
        const videoId = String(video.video_id);
        videoChanges[videoId] = change;
        audits.push(apiAuditRecord(ctx, ENDPOINTS.assetsList, { videoId }, change));
        videosUpdated++;
      }
      items[id] = {
        status: hasChanges(changes) || videosUpdated > 0 ? "updated" : "unchanged",
        ...(hasChanges(changes) ? { changes } : {}),
        ...(mergedInto ? { merged_into: mergedInto } : {}),
        videos_updated: videosUpdated,
      };
    }

    await writeChanges(tx, "assets", assetChanges);
    await writeChanges(tx, "videos", Object.entries(videoChanges).map(([id, changes]) => ({ id, changes })));
    await insertAuditRecords(tx, audits);
    const touched = videoRows.map((v) => String(v.video_id));
    await markVideosSynced(tx, touched, ctx.now);
    await recordEnrichmentOutcome(tx, ctx, found, "ok");
    await recordEnrichmentOutcome(tx, ctx, requested.filter((id) => !answers.has(id)), "not_found");
    return { items, videoChanges, videosTouched: touched.length };
  });
}

/** The asset's per-item outcome, kept on the asset (the backlog lives there): status, when, and which task. */
async function recordEnrichmentOutcome(tx: Tx, ctx: TaskContext, assetIds: string[], status: "ok" | "not_found"): Promise<void> {
  if (assetIds.length === 0) return;
  await tx
    .update(assets)
    .set({ enrichmentStatus: status, enrichedAt: ctx.now, enrichmentTaskId: ctx.taskId, enrichmentError: null })
    .where(inArray(assets.assetId, assetIds));
}
