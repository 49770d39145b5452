"use client";
import { useState } from "react";
import { Badge } from "@/app/_components/badge";
import { Button } from "@/app/_components/button";
import { EmptyState } from "@/app/_components/empty-state";
import { FormMessage } from "@/app/_components/form-message";
import type { QueuePlan, QueueTaskView } from "@/lib/enrichment/queue-contract";
import type { RealtimeClientConfig } from "@/lib/realtime/client-config";
import { Pagination } from "../../reports/_components/pagination";
import { BulkSyncForm } from "./bulk-sync-form";
import { PlannerPanel } from "./planner-panel";
import { retryAllFailed, retryTask } from "./queue-api";
import { QueueFilters } from "./queue-filters";
import { formatNumber } from "./queue-format";
import { QUEUE_PER_PAGE } from "./queue-params";
import { QuotaMeter } from "./quota-meter";
import { StatusCounts } from "./status-counts";
import { TaskTable } from "./task-table";
import { useQueueData, type LoadedList } from "./use-queue-data";
import { useQueueState } from "./use-queue-state";

type Props = { realtime: RealtimeClientConfig | null; initialList: LoadedList | null; initialPlan: QueuePlan | null; isAdmin: boolean; sandbox: boolean };

/** The Queue page's client side: live counts, quota, planner, and the filterable task list with retries. */
export function QueueWorkspace({ realtime, initialList, initialPlan, isAdmin, sandbox }: Props) {
  const view = useQueueState();
  const data = useQueueData({ query: view.query, initialList, initialPlan, realtime });
  const [retrying, setRetrying] = useState<number | null>(null);
  const [notice, setNotice] = useState<{ error?: string; success?: string }>({});

  async function retry(task: QueueTaskView) {
    setRetrying(task.id);
    setNotice({});
    try {
      await retryTask(task.id);
      setNotice({ success: `Task ${task.id} is pending again.` });
      data.reload();
    } catch (e) {
      setNotice({ error: e instanceof Error ? e.message : String(e) });
    } finally {
      setRetrying(null);
    }
  }

  async function retryFailed() {
    setRetrying(-1);
    setNotice({});
    try {
      const { retried } = await retryAllFailed();
      setNotice({ success: retried ? `${formatNumber(retried)} failed tasks are pending again.` : "No failed task could be retried." });
      data.reload();
    } catch (e) {
      setNotice({ error: e instanceof Error ? e.message : String(e) });
    } finally {
      setRetrying(null);
    }
  }

  // The previous view's rows stay on screen (dimmed) while the next one loads; empty states wait for the answer.
  const list = data.list;
  const settled = data.current && !data.loading;
  const counts = data.counts;
  const nothingAtAll = counts !== null && counts.total === 0 && counts.backlog_assets === 0;

  let body;
  if (data.error) {
    body = (
      <section role="alert" className="rounded-lg border border-red-200 bg-red-50 px-6 py-6 text-center text-red-900">
        <h2 className="text-base font-semibold">Could not load the queue</h2>
        <p className="mx-auto mt-2 max-w-xl text-sm">{data.error}</p>
        <div className="mt-4 flex justify-center gap-2">
          <Button onClick={data.reload}>Retry</Button>
          <Button variant="secondary" onClick={view.clear}>Clear filters</Button>
        </div>
      </section>
    );
  } else if (!list) {
    body = <p className="text-sm text-gray-600" aria-busy>Loading tasks…</p>;
  } else if (settled && list.tasks.length === 0 && nothingAtAll && !view.filtered) {
    body = (
      <EmptyState title="The queue is empty" action={{ href: "/reports", label: "Import a report" }}>
        Work arrives here when an import finds videos whose asset lacks UPC, ISRC or genre (marked in the backlog and
        enriched 50 assets per request), when someone presses <strong>Sync now</strong> on a video, or when an admin starts a
        bulk sync below.
      </EmptyState>
    );
  } else if (settled && list.tasks.length === 0) {
    body = (
      <EmptyState title={view.filtered ? "No tasks match these filters" : "No tasks yet"}>
        {view.filtered ? (
          <>Try another status or type, or check the id. <Button variant="secondary" size="sm" onClick={view.clear}>Clear filters</Button></>
        ) : (
          <>{formatNumber(counts?.backlog_assets ?? 0)} assets wait in the backlog; the drain turns them into tasks of up to 50 as it goes.</>
        )}
      </EmptyState>
    );
  } else {
    body = (
      <div className="space-y-3">
        <TaskTable tasks={list.tasks} dataKey={view.query} refreshing={!settled} isAdmin={isAdmin} retrying={retrying} onRetry={retry} onChanged={data.reload} />
        <Pagination page={list.page} pageSize={QUEUE_PER_PAGE} total={list.total} onPage={view.setPage} label="Queue tasks" disabled={data.loading} />
        <p className="text-xs text-gray-500">Keyboard: Tab to the list, ↑ ↓ move between tasks, Enter shows or hides a task&apos;s per-item results.</p>
      </div>
    );
  }

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-center gap-2 text-sm" aria-live="polite">
        {sandbox && <Badge tone="sandbox" detail="The YouTube APIs are the local sandbox: synced values are made up">Sandbox</Badge>}
        {data.running !== null && <Badge tone={data.running ? "info" : "muted"}>{data.running ? "Processing now" : "Idle"}</Badge>}
        {!realtime && <span className="text-xs text-gray-500">Live updates are off (realtime not configured); the page refreshes when you come back to it.</span>}
      </div>
      <StatusCounts counts={counts} selected={view.state.status} onSelect={(s) => view.setFilter("status", s)} />
      <div className="grid gap-5 lg:grid-cols-[1fr_2fr]">
        {data.plan && <QuotaMeter quota={data.plan.quota} />}
        {data.plan && <PlannerPanel plan={data.plan} isAdmin={isAdmin} onChanged={data.reload} />}
      </div>
      {isAdmin && <BulkSyncForm onQueued={data.reload} />}
      <section aria-labelledby="tasks-heading" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="tasks-heading" className="text-base font-semibold text-gray-900">Tasks</h2>
          {isAdmin && (counts?.failed ?? 0) > 0 && (
            <Button variant="secondary" size="sm" disabled={retrying !== null} onClick={() => void retryFailed()}>
              {retrying === -1 ? "Retrying…" : `Retry all ${formatNumber(counts?.failed ?? 0)} failed`}
            </Button>
          )}
        </div>
        <QueueFilters view={view} />
        <FormMessage error={notice.error} success={notice.success} />
        {body}
      </section>
    </div>
  );
}
