import type { FieldChanges } from "@/lib/db/schema";
import type { TimelineEntry, TimelineSource } from "./types";

/** One audit record with the names its source refers to (the report's file, the person). */
export type AuditRow = {
  id: number;
  syncTime: Date;
  sourceKind: "report" | "api" | "user";
  sourceId: string | null;
  userId: string | null;
  changes: FieldChanges;
  /** API changes: the answer came from the local sandbox, and the queue task that asked. */
  sandbox: boolean;
  taskId: number | null;
  userEmail: string | null;
  userName: string | null;
  reportFilename: string | null;
};

export type CreatedBy = { reportId: number; at: Date; filename: string | null };

function reportSource(reportId: number | null, filename: string | null): TimelineSource {
  return { kind: "report", report_id: reportId, filename, href: reportId === null ? null : `/reports/${reportId}` };
}

function sourceOf(row: AuditRow): TimelineSource {
  if (row.sourceKind === "report") return reportSource(row.sourceId && /^\d+$/.test(row.sourceId) ? Number(row.sourceId) : null, row.reportFilename);
  if (row.sourceKind === "api") return { kind: "api", call: row.sourceId, sandbox: row.sandbox, task_id: row.taskId };
  return { kind: "user", user_id: row.userId ?? row.sourceId, email: row.userEmail, name: row.userName };
}

function entryOf(row: AuditRow): TimelineEntry {
  const changes = Object.entries(row.changes ?? {}).map(([field, pair]) => {
    const [old, next] = Array.isArray(pair) ? pair : [null, pair];
    return { field, old: old ?? null, new: next ?? null };
  });
  return {
    id: `sync-${row.id}`,
    kind: "deleted" in (row.changes ?? {}) ? "deleted" : "changed",
    at: row.syncTime.toISOString(),
    source: sourceOf(row),
    changes,
  };
}

/**
 * The video's history, oldest first. A video created by an import has no audit record of its creation (the row is
 * the record); its first entry is built from created_by_report_*. Records older than that belong to an earlier
 * life of the same id (deleted, then created again) and keep their place in time.
 */
export function buildTimeline(createdBy: CreatedBy | null, rows: AuditRow[]): TimelineEntry[] {
  const entries = [...rows].sort((a, b) => a.syncTime.getTime() - b.syncTime.getTime() || a.id - b.id).map(entryOf);
  if (!createdBy) return entries;
  const created: TimelineEntry = {
    id: "created",
    kind: "created",
    at: createdBy.at.toISOString(),
    source: reportSource(createdBy.reportId, createdBy.filename),
    changes: [],
  };
  // Ties go to the creation: nothing can change a video before it exists.
  const at = entries.findIndex((e) => Date.parse(e.at) >= createdBy.at.getTime());
  entries.splice(at === -1 ? entries.length : at, 0, created);
  return entries;
}
