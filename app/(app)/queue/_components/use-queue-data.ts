"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import type { QueueCounts, QueueList, QueuePlan } from "@/lib/enrichment/queue-contract";
import { queueChannels, queueEvents, type ProcessorStatus } from "@/lib/realtime/channels";
import type { RealtimeClientConfig } from "@/lib/realtime/client-config";
import { useChannelEvent } from "@/lib/realtime/use-channel";
import { apiJson, isAbort } from "../../reports/_components/api";

/** Tasks finish by the dozen while the drain runs; the list and planner reload at most this often for them. */
const RELOAD_EVERY_MS = 2000;

export type LoadedList = { query: string; list: QueueList };

/**
 * The Queue page's data: the task list for `query`, the planner, and live counts. processor_status updates the
 * counts and the quota meter at once (it carries them); a finished task reloads the list and the planner, coalesced.
 * Without realtime, coming back to the tab reloads.
 */
export function useQueueData(o: { query: string; initialList: LoadedList | null; initialPlan: QueuePlan | null; realtime: RealtimeClientConfig | null }) {
  const [loaded, setLoaded] = useState<LoadedList | null>(o.initialList);
  const [plan, setPlan] = useState<QueuePlan | null>(o.initialPlan);
  // Live counts win over a reload's counts only when they are newer: a reload that started before the last
  // processor_status must not paint older numbers over it. `running` is only ever said by processor_status.
  const [live, setLive] = useState<{ counts: QueueCounts } | null>(null);
  const [running, setRunning] = useState<boolean | null>(null);
  const liveAt = useRef(0);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(o.initialList?.query !== o.query);
  const [version, setVersion] = useState(0);
  const skip = useRef(o.initialList?.query === o.query);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const { query } = o;

  useEffect(() => {
    if (skip.current) {
      skip.current = false;
      return;
    }
    const controller = new AbortController();
    const startedAt = Date.now();
    setLoading(true);
    Promise.all([
      apiJson<QueueList>(`/api/queue?${query}`, { signal: controller.signal, cache: "no-store" }),
      apiJson<QueuePlan>("/api/queue/planner", { signal: controller.signal, cache: "no-store" }),
    ])
      .then(([list, nextPlan]) => {
        setLoaded({ query, list });
        setPlan(nextPlan);
        if (liveAt.current < startedAt) setLive(null);
        setError(null);
        setLoading(false);
      })
      .catch((e: unknown) => {
        if (isAbort(e)) return;
        setError(e instanceof Error ? e.message : String(e));
        setLoading(false);
      });
    return () => controller.abort();
  }, [query, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const reloadSoon = useCallback(() => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = undefined;
      reload();
    }, RELOAD_EVERY_MS);
  }, [reload]);
  useEffect(() => () => clearTimeout(timer.current), []);

  useChannelEvent<ProcessorStatus>(o.realtime, queueChannels.all(), queueEvents.processorStatus, (status) => {
    liveAt.current = Date.now();
    setLive({ counts: { ...status.queue_length, backlog_assets: status.backlog_assets } });
    setRunning(status.running);
    setPlan((current) =>
      current && {
        ...current,
        quota: { ...current.quota, used: status.quota.used, budget: status.quota.budget, reset_at: status.quota.reset_at, exhausted: status.quota.exhausted, remaining: status.quota.exhausted ? 0 : Math.max(0, status.quota.budget - status.quota.used) },
      },
    );
  });
  useChannelEvent<unknown>(o.realtime, queueChannels.all(), queueEvents.taskComplete, reloadSoon);

  useEffect(() => {
    if (o.realtime) return;
    const onVisible = () => document.visibilityState === "visible" && reload();
    document.addEventListener("visibilitychange", onVisible);
    return () => document.removeEventListener("visibilitychange", onVisible);
  }, [o.realtime, reload]);

  const current = loaded !== null && loaded.query === query;
  return {
    list: loaded?.list ?? null,
    current,
    counts: live?.counts ?? loaded?.list.counts ?? null,
    running,
    plan,
    error,
    loading,
    reload,
  };
}
