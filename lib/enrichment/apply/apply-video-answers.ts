import type { FieldChanges, NewMetadataSync } from "@/lib/db/schema";
import type { ItemResult, TaskContext, TaskRunResult } from "../task-types";
import { apiAuditRecord } from "./audit-record";
import { insertAuditRecords, markVideosSynced, readRowsByKey, writeChanges } from "./catalog-rows";
import { inCatalogTransaction } from "./catalog-transaction";
import { diffFields, hasChanges, type Proposed } from "./field-diff";

export const NOT_IN_CATALOG = "The API answered, but the video is no longer in the catalog.";

export interface VideoAnswers {
  /** The API call the values came from: the audit record's source. */
  endpoint: string;
  /** The ids the task asked about. */
  ids: readonly string[];
  /** Values for each video the API answered for; a requested id without one was not found. */
  proposals: ReadonlyMap<string, Proposed>;
  /** Columns whose non-empty value an answer must not replace (fill-only). */
  keepNonEmpty: (column: string) => boolean;
  /** Columns to read besides the proposed ones, for `derive`. */
  extraColumns?: readonly string[];
  /** Changes that follow from the diff (e.g. the Shorts decision after a new length). */
  derive?: (current: Record<string, unknown>, changes: FieldChanges) => FieldChanges;
}

/**
 * Applies per-video API answers in one transaction: compare with the current row, write only changed columns, one
 * audit record per changed video, api_synced_at for every video the API answered for.
 */
export async function applyVideoAnswers(ctx: TaskContext, answers: VideoAnswers): Promise<TaskRunResult> {
  const columns = [...new Set([...[...answers.proposals.values()].flatMap(Object.keys), ...(answers.extraColumns ?? [])])];
  return inCatalogTransaction(ctx.db, async (tx) => {
    const current = await readRowsByKey(tx, "videos", [...answers.proposals.keys()], columns);
    const items: Record<string, ItemResult> = {};
    const videoChanges: Record<string, FieldChanges> = {};
    const audits: NewMetadataSync[] = [];
    const synced: string[] = [];
    for (const id of new Set(answers.ids)) {
      const proposal = answers.proposals.get(id);
      const row = current.get(id);
      if (!proposal) items[id] = { status: "not_found" };
      else if (!row) items[id] = { status: "not_found", error: NOT_IN_CATALOG };
      else {
        synced.push(id);
        const diff = diffFields(row, proposal, answers.keepNonEmpty);
        const changes = { ...diff, ...answers.derive?.(row, diff) };
        if (!hasChanges(changes)) items[id] = { status: "unchanged" };
        else {
          items[id] = { status: "updated", changes };
          videoChanges[id] = changes;
          audits.push(apiAuditRecord(ctx, answers.endpoint, { videoId: id }, changes));
        }
      }
    }
    await writeChanges(tx, "videos", Object.entries(videoChanges).map(([id, changes]) => ({ id, changes })));
    await insertAuditRecords(tx, audits);
    await markVideosSynced(tx, synced, ctx.now);
    return { items, videoChanges, videosTouched: synced.length };
  });
}
