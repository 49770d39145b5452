import type { FieldChanges, NewMetadataSync } from "@/lib/db/schema";
import type { TaskContext } from "../task-types";

/** One audit record of an API change: the call as source, the task that made it, and whether it was the sandbox. */
export function apiAuditRecord(
  ctx: Pick<TaskContext, "taskId" | "sandbox">,
  endpoint: string,
  target: { videoId: string } | { assetId: string },
  changes: FieldChanges,
): NewMetadataSync {
  return { ...target, sourceKind: "api", sourceId: endpoint, taskId: ctx.taskId, sandbox: ctx.sandbox, changes };
}
