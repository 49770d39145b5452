import type { Database } from "@/lib/db/client";
import type { FieldChanges } from "@/lib/db/schema";
import type { YouTubeClients } from "@/lib/youtube/clients";

// The contract between the drain (which claims a task, spends quota and records the outcome) and the task
// handlers (which ask Google about up to maxIds items and apply the answer to the catalog).

export type { FieldChanges };

export type TaskType = "asset_enrichment" | "metadata_sync" | "ownership_update" | "monetization_sync";

export type ItemResult = {
  status: "updated" | "unchanged" | "not_found" | "error";
  changes?: FieldChanges;
  /** asset_enrichment: the API answered this asset id as an alias of this (canonical) asset. */
  merged_into?: string;
  /** asset_enrichment: videos of this asset whose values changed. */
  videos_updated?: number;
  error?: string;
};

export type TaskRunResult = {
  /** Keyed by the requested id (video id, or asset id for asset_enrichment). */
  items: Record<string, ItemResult>;
  /** Video id → changes applied (for sync_complete events). */
  videoChanges: Record<string, FieldChanges>;
  /** Videos brought up to date (changed or confirmed unchanged). */
  videosTouched: number;
};

export interface TaskContext {
  db: Database;
  clients: YouTubeClients;
  /**
   * Every HTTP request to Google goes through call(): it reserves quota, spaces calls and throws the drain's
   * errors (QuotaPause/RetryLater/TokenFailure/ApiFailure from lib/enrichment/api-call.ts).
   */
  call<T>(endpoint: string, fn: () => Promise<T>): Promise<T>;
  taskId: number;
  forceRefresh: boolean;
  /** The answers come from the local sandbox: audit records are marked so the UI can say so. */
  sandbox: boolean;
  now: Date;
}

export interface TaskHandler {
  type: TaskType;
  /** Most ids one task may carry (the planner cuts batches of this size). */
  maxIds: number;
  run(ctx: TaskContext, ids: string[]): Promise<TaskRunResult>;
}

/** Endpoint names for call() and the quota ledger's per-endpoint rows. */
export const ENDPOINTS = {
  assetsList: "assets.list",
  videosList: "videos.list",
  claimSearchList: "claimSearch.list",
  videoAdvertisingOptionsGet: "videoAdvertisingOptions.get",
} as const;
