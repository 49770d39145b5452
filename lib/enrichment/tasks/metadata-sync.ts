import { applyVideoAnswers } from "../apply/apply-video-answers";
import { indexById } from "../apply/match-by-id";
import { SHORTS_COLUMNS, shortsAfterSync } from "../apply/shorts-after-sync";
import { FILL_ONLY_FROM_VIDEOS_LIST, VIDEO_LIST_PARTS, videoResourceValues } from "../apply/video-resource-values";
import { ENDPOINTS, type TaskHandler } from "../task-types";

/**
 * Title, length, views, privacy, embedding/comments and category of up to 50 videos from one videos.list call.
 * Unknown and private ids are simply absent from the answer: not found.
 */
export const metadataSync: TaskHandler = {
  type: "metadata_sync",
  maxIds: 50,
  async run(ctx, ids) {
    const owner = ctx.clients.contentOwnerId;
    const params = { part: VIDEO_LIST_PARTS, id: ids, ...(owner ? { onBehalfOfContentOwner: owner } : {}) };
    const response = await ctx.call(ENDPOINTS.videosList, () => ctx.clients.data.videos.list(params));
    const answered = indexById(response.data.items ?? []);
    return applyVideoAnswers(ctx, {
      endpoint: ENDPOINTS.videosList,
      ids,
      proposals: new Map([...answered].map(([id, video]) => [id, videoResourceValues(video)])),
      keepNonEmpty: (column) => FILL_ONLY_FROM_VIDEOS_LIST.has(column) && !ctx.forceRefresh,
      extraColumns: SHORTS_COLUMNS,
      derive: shortsAfterSync,
    });
  },
};
