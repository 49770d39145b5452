import type { TaskHandler, TaskType } from "../task-types";
import { assetEnrichment } from "./asset-enrichment";
import { metadataSync } from "./metadata-sync";
import { monetizationSync } from "./monetization-sync";
import { ownershipUpdate } from "./ownership-update";

export const taskHandlers: Record<TaskType, TaskHandler> = {
  asset_enrichment: assetEnrichment,
  metadata_sync: metadataSync,
  ownership_update: ownershipUpdate,
  monetization_sync: monetizationSync,
};
