"use client";
import { useEffect, useRef, useState } from "react";
import type { RealtimeClientConfig } from "@/lib/realtime/client-config";
import { queueChannels, queueEvents, reportChannels, reportEvents, type ReportStatusUpdate } from "@/lib/realtime/channels";
import { useChannelEvent } from "@/lib/realtime/use-channel";

/** Syncs can finish by the thousand during a bulk run; the table reloads at most this often for them. */
const SYNC_RELOAD_MS = 3000;

/**
 * Reloads the catalog when its data changed elsewhere: an import finished (report status → completed) or a
 * metadata sync completed (or, without realtime, when the tab becomes visible again). Returns a short notice
 * for the page's status line, cleared after a while.
 */
export function useCatalogRefresh(realtime: RealtimeClientConfig | null, reload: () => void) {
  const [notice, setNotice] = useState<string | null>(null);
  const completed = useRef(new Set<number>());
  const syncTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const noticeTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  function announce(message: string) {
    setNotice(message);
    clearTimeout(noticeTimer.current);
    noticeTimer.current = setTimeout(() => setNotice(null), 8000);
  }

  useChannelEvent<ReportStatusUpdate>(realtime, reportChannels.all(), reportEvents.statusUpdate, (update) => {
    // The final status is always published and may arrive more than once; reload once per report.
    if (update.status !== "completed" || completed.current.has(update.report_id)) return;
    completed.current.add(update.report_id);
    reload();
    announce(`Updated: the import of ${update.filename} finished.`);
  });

  useChannelEvent<unknown>(realtime, queueChannels.all(), queueEvents.syncComplete, () => {
    if (syncTimer.current) return;
    syncTimer.current = setTimeout(() => {
      syncTimer.current = undefined;
      reload();
      announce("Updated: video metadata was synced.");
    }, SYNC_RELOAD_MS);
  });

  // Without realtime there are no events: coming back to the tab is the moment to look for new data.
  useEffect(() => {
    if (realtime) return;
    const onVisible = () => {
      if (document.visibilityState === "visible") reload();
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => document.removeEventListener("visibilitychange", onVisible);
  }, [realtime, reload]);

  useEffect(
    () => () => {
      clearTimeout(syncTimer.current);
      clearTimeout(noticeTimer.current);
    },
    [],
  );

  return notice;
}
