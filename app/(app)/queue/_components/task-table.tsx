"use client";
import { Fragment, useState } from "react";
import { Badge } from "@/app/_components/badge";
import { Button } from "@/app/_components/button";
import type { QueueTaskView } from "@/lib/enrichment/queue-contract";
import { useRowKeys } from "../../_catalog/use-row-keys";
import { LocalTime } from "../../reports/_components/local-time";
import { formatNumber, resultSummary, STATUS_LABELS, STATUS_TONES, typeLabel } from "./queue-format";
import { TaskDetails } from "./task-details";

type Props = {
  tasks: QueueTaskView[];
  /** Names the rows on screen; keyboard focus restarts at the top when it changes. */
  dataKey: string;
  refreshing: boolean;
  isAdmin: boolean;
  retrying: number | null;
  onRetry: (task: QueueTaskView) => void;
  onChanged: () => void;
};

const COLUMNS = ["Task", "Type", "Ids", "Status", "Priority", "Requested by", "Result", "Updated", ""];

function Ids({ task }: { task: QueueTaskView }) {
  const [first] = task.item_ids;
  if (!first) return <span className="text-gray-400">—</span>;
  return (
    <span className="whitespace-nowrap">
      <span className="font-mono text-xs">{first}</span>
      {task.item_ids.length > 1 && <span className="text-gray-600"> +{task.item_ids.length - 1} more</span>}
    </span>
  );
}

function Result({ task }: { task: QueueTaskView }) {
  if (task.error_message) {
    return (
      <span title={task.error_message} className="block max-w-xs truncate text-red-800">
        {task.error_message}
      </span>
    );
  }
  const summary = resultSummary(task.result_counts);
  return summary ? <span className="text-gray-800">{summary}</span> : <span className="text-gray-400">—</span>;
}

/**
 * The task list. One tab stop; ↑/↓ move between tasks, Enter opens or closes a task's per-item results; the
 * buttons in a row keep their own keys.
 */
export function TaskTable({ tasks, dataKey, refreshing, isAdmin, retrying, onRetry, onChanged }: Props) {
  const [open, setOpen] = useState<Set<number>>(new Set());
  const toggle = (id: number) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const rowProps = useRowKeys(tasks.length, dataKey, (index) => toggle(tasks[index].id));

  return (
    <div className="overflow-x-auto rounded-lg border border-gray-200 bg-white">
      <table aria-label="Queue tasks" aria-busy={refreshing} className="min-w-full text-sm">
        <thead className="border-b border-gray-200 bg-gray-50 text-left text-xs font-semibold text-gray-700">
          <tr>
            {COLUMNS.map((name, i) => (
              <th key={i} scope="col" className="whitespace-nowrap px-3 py-2">
                {name || <span className="sr-only">Actions</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className={`divide-y divide-gray-100 transition-opacity ${refreshing ? "opacity-50" : ""}`}>
          {tasks.map((task, index) => {
            const expanded = open.has(task.id);
            return (
              <Fragment key={task.id}>
                <tr {...rowProps(index)} data-testid={`queue-task-${task.id}`} className="hover:bg-gray-50 focus:bg-blue-50 focus:outline-2 focus:-outline-offset-2 focus:outline-blue-600">
                  <td className="whitespace-nowrap px-3 py-2 tabular-nums text-gray-900">{task.id}</td>
                  <td className="whitespace-nowrap px-3 py-2">{typeLabel(task.task_type)}</td>
                  <td className="px-3 py-2"><Ids task={task} /></td>
                  <td className="whitespace-nowrap px-3 py-2">
                    <Badge tone={STATUS_TONES[task.status]}>{STATUS_LABELS[task.status]}</Badge>
                    {task.retry_count > 0 && <span className="ml-1.5 text-xs text-gray-600">retry {task.retry_count}</span>}
                    {task.sandbox && <span className="ml-1.5"><Badge tone="sandbox" detail="answered by the local YouTube sandbox">sandbox</Badge></span>}
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums">{task.priority}</td>
                  <td className="max-w-[12rem] truncate px-3 py-2 text-gray-700" title={task.requested_by_label}>{task.requested_by_label}</td>
                  <td className="px-3 py-2"><Result task={task} /></td>
                  <td className="whitespace-nowrap px-3 py-2 text-gray-700"><LocalTime iso={task.completed_at ?? task.updated_at} /></td>
                  <td className="whitespace-nowrap px-3 py-2 text-right">
                    <span className="inline-flex gap-1.5">
                      {task.status === "failed" && (
                        <Button size="sm" variant="secondary" disabled={retrying !== null} onClick={() => onRetry(task)}>
                          {retrying === task.id ? "Retrying…" : "Retry"}
                        </Button>
                      )}
                      <Button size="sm" variant="ghost" aria-expanded={expanded} aria-controls={`task-${task.id}-details`} onClick={() => toggle(task.id)}>
                        {expanded ? "Hide" : "Details"}
                        <span className="sr-only"> of task {task.id} ({formatNumber(task.item_ids.length)} ids)</span>
                      </Button>
                    </span>
                  </td>
                </tr>
                {expanded && (
                  <tr id={`task-${task.id}-details`} className="bg-gray-50">
                    <td colSpan={COLUMNS.length} className="px-6 py-3">
                      <TaskDetails task={task} isAdmin={isAdmin} onChanged={onChanged} />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
