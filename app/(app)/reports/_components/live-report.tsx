"use client";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import type { RealtimeClientConfig } from "@/lib/realtime/client-config";
import { reportChannels, reportEvents } from "@/lib/realtime/channels";
import { useChannelEvent } from "@/lib/realtime/use-channel";
import { apiJson } from "./api";
import { CancelButton } from "./cancel-button";
import { formatCount, isRunningStatus } from "./format";
import { mergeReportUpdate } from "./merge-report-update";
import { ReportProgressView } from "./report-progress";
import { StatusBadge } from "./status-badge";
import type { LiveReportUpdate, ReportView } from "./types";

/**
 * The detail page's live part: status and progress from the report's own channel (or 2 s polling without
 * realtime). When the import ends, router.refresh() re-renders the server parts (summary, change set, rejected rows).
 */
export function LiveReport({ report, realtime }: { report: ReportView; realtime: RealtimeClientConfig | null }) {
  const router = useRouter();
  const [live, setLive] = useState(report);
  const liveRef = useRef(live);
  useEffect(() => {
    liveRef.current = live;
  });
  // Fresh server props (after a refresh) replace whatever the live updates had built up.
  useEffect(() => setLive(report), [report]);

  function apply(update: LiveReportUpdate) {
    const { reports, statusChanged } = mergeReportUpdate([liveRef.current], update);
    if (reports[0] === liveRef.current) return; // stale or no change
    setLive(reports[0]);
    if (statusChanged && !isRunningStatus(update.status)) router.refresh();
  }

  useChannelEvent<LiveReportUpdate>(realtime, reportChannels.one(report.id), reportEvents.statusUpdate, apply);

  const running = isRunningStatus(live.status);
  useEffect(() => {
    if (realtime || !running) return;
    const interval = setInterval(() => {
      apiJson<ReportView>(`/api/process-status/${report.id}`)
        .then((r) => apply({ report_id: r.id, filename: r.filename, status: r.status, progress: r.progress, summary: r.summary, error: r.error }))
        .catch(() => undefined); // the next tick retries; a blip should not flash an error
    }, 2000);
    return () => clearInterval(interval);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [realtime, running, report.id]);

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <span className="text-sm text-gray-600">Status</span>
        <span aria-live="polite">
          <StatusBadge status={live.status} />
        </span>
        {running && <CancelButton id={live.id} filename={live.filename} onCancelled={() => router.refresh()} />}
      </div>
      {running && (
        <>
          <ReportProgressView progress={live.progress} status={live.status} filename={live.filename} />
          <p className="text-xs text-gray-600 tabular-nums">
            So far: {formatCount(live.progress.videos_created)} videos created · {formatCount(live.progress.videos_updated)} updated ·{" "}
            {formatCount(live.progress.errors)} errors
          </p>
        </>
      )}
    </div>
  );
}
