import { isRunningStatus } from "./format";
import type { LiveReportUpdate, ReportView } from "./types";

export type MergeResult = {
  reports: ReportView[];
  /** False when the id is not in the list (a new import, or one on another page): the caller refetches. */
  known: boolean;
  /** The status moved (e.g. pending → processing → completed): timings and counts deserve a refetch. */
  statusChanged: boolean;
};

// pending → processing → any terminal status; an update may never move a report backwards.
function rank(status: string): number {
  if (status === "pending") return 0;
  if (status === "processing") return 1;
  return 2;
}

/**
 * Realtime updates are coalesced and may arrive out of order (the two channels, a reconnect, a refetch
 * racing an event), so an update older than what the list already shows is ignored rather than applied.
 */
export function isStaleUpdate(current: ReportView, update: LiveReportUpdate): boolean {
  const from = rank(current.status);
  const to = rank(update.status);
  if (to < from) return true;
  if (to === 2 && from === 2) return false;
  if (to === from && isRunningStatus(update.status)) {
    return (update.progress?.processed_rows ?? 0) < (current.progress?.processed_rows ?? 0);
  }
  return false;
}

/** Applies one `report_status_update` to the history list. Pure: returns the same array when nothing changes. */
export function mergeReportUpdate(reports: ReportView[], update: LiveReportUpdate): MergeResult {
  const index = reports.findIndex((r) => r.id === update.report_id);
  if (index === -1) return { reports, known: false, statusChanged: false };
  const current = reports[index];
  if (isStaleUpdate(current, update)) return { reports, known: true, statusChanged: false };
  const next: ReportView = {
    ...current,
    status: update.status,
    progress: update.progress ?? current.progress,
    summary: update.summary !== undefined ? update.summary : current.summary,
    error: update.error !== undefined ? update.error : current.error,
  };
  const copy = reports.slice();
  copy[index] = next;
  return { reports: copy, known: true, statusChanged: current.status !== update.status };
}
