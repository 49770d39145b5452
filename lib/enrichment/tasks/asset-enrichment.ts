import { applyAssetAnswers } from "../apply/apply-asset-answers";
import { matchAssetsById } from "../apply/match-by-id";
import { ENDPOINTS, type TaskHandler } from "../task-types";

/**
 * UPC, ISRC, genres, label, artist and custom id from the Content ID metadata of up to 50 assets: one assets.list
 * call per task, answers matched by id or alias id (merged assets come back once, under the surviving id).
 */
export const assetEnrichment: TaskHandler = {
  type: "asset_enrichment",
  maxIds: 50,
  async run(ctx, ids) {
    const response = await ctx.call(ENDPOINTS.assetsList, () => ctx.clients.partner.assets.list({ id: ids, fetchMetadata: "mine" }));
    return applyAssetAnswers(ctx, ids, matchAssetsById(ids, response.data.items ?? []));
  },
};
