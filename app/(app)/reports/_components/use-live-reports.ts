"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import type { RealtimeClientConfig } from "@/lib/realtime/client-config";
import { reportChannels, reportEvents } from "@/lib/realtime/channels";
import { useChannelEvent } from "@/lib/realtime/use-channel";
import { apiJson, isAbort } from "./api";
import { isRunningStatus } from "./format";
import { mergeReportUpdate } from "./merge-report-update";
import type { LiveReportUpdate, ReportHistoryPage } from "./types";

type Options = {
  initial: ReportHistoryPage;
  realtime: RealtimeClientConfig | null;
  /** Bumped by the page after imports start, to show the new rows. */
  refreshKey: number;
  /** A report changed status (e.g. finished): the bucket list's import badges are now stale. */
  onStatusChange?: () => void;
};

/** The import history page: server data first, then live updates (or 2 s polling when realtime is off). */
export function useLiveReports({ initial, realtime, refreshKey, onStatusChange }: Options) {
  const [data, setData] = useState(initial);
  const [page, setPage] = useState(initial.page);
  const [version, setVersion] = useState(0);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef({ data, page, onStatusChange });
  useEffect(() => {
    latest.current = { data, page, onStatusChange };
  });

  // Bursts of events for unknown reports (many imports starting) collapse into one refetch.
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const refetch = useCallback(() => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = undefined;
      setVersion((v) => v + 1);
    }, 250);
  }, []);
  useEffect(() => () => clearTimeout(timer.current), []);

  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false; // the server already rendered this page
      return;
    }
    const controller = new AbortController();
    setLoading(true);
    apiJson<ReportHistoryPage>(`/api/reports/history?page=${page}&pageSize=${initial.pageSize}`, { signal: controller.signal })
      .then((next) => {
        const before = new Map(latest.current.data.reports.map((r) => [r.id, r.status]));
        if (next.reports.some((r) => before.has(r.id) && before.get(r.id) !== r.status)) latest.current.onStatusChange?.();
        setData(next);
        setError(null);
        setLoading(false);
      })
      .catch((e: unknown) => {
        if (isAbort(e)) return;
        setError(e instanceof Error ? e.message : String(e));
        setLoading(false);
      });
    return () => controller.abort();
  }, [page, version, refreshKey, initial.pageSize]);

  useChannelEvent<LiveReportUpdate>(realtime, reportChannels.all(), reportEvents.statusUpdate, (update) => {
    const result = mergeReportUpdate(latest.current.data.reports, update);
    if (!result.known) {
      // New imports appear at the top of page 1; on later pages the report simply lives elsewhere.
      if (latest.current.page === 1) refetch();
      return;
    }
    setData((d) => ({ ...d, reports: mergeReportUpdate(d.reports, update).reports }));
    if (result.statusChanged) {
      refetch(); // started_at / finished_at and final counts come from the server
      latest.current.onStatusChange?.();
    }
  });

  const anyRunning = data.reports.some((r) => isRunningStatus(r.status));
  useEffect(() => {
    if (realtime || !anyRunning) return;
    const interval = setInterval(() => setVersion((v) => v + 1), 2000);
    return () => clearInterval(interval);
  }, [realtime, anyRunning]);

  return { data, page, setPage, loading, error, refetch };
}
