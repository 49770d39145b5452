"use client";
import Link from "next/link";
import { Badge } from "@/app/_components/badge";
import type { QueueItemResult, QueueTaskView } from "@/lib/enrichment/queue-contract";
import { LocalTime } from "../../reports/_components/local-time";
import { formatValue } from "../../videos/_components/format-value";
import { PriorityEditor } from "./priority-editor";
import { formatNumber, ITEM_TONES } from "./queue-format";

function Changes({ changes }: { changes: NonNullable<QueueItemResult["changes"]> }) {
  return (
    <ul className="space-y-0.5">
      {Object.entries(changes).map(([field, [before, after]]) => (
        <li key={field}>
          <span className="text-gray-600">{field}:</span> <del className="text-red-800">{formatValue(before)}</del> <span aria-hidden>→</span>
          <span className="sr-only">changed to</span> <ins className="text-green-800 no-underline">{formatValue(after)}</ins>
        </li>
      ))}
    </ul>
  );
}

function ItemId({ task, id }: { task: QueueTaskView; id: string }) {
  if (task.task_type === "asset_enrichment") return <span className="font-mono text-xs">{id}</span>;
  return (
    <Link href={`/videos/${encodeURIComponent(id)}`} className="font-mono text-xs text-blue-700 hover:underline">
      {id}
    </Link>
  );
}

/** Everything about one task: when it ran, what it cost, and each requested id's outcome. */
export function TaskDetails({ task, isAdmin, onChanged }: { task: QueueTaskView; isAdmin: boolean; onChanged: () => void }) {
  const results = new Map(task.item_results.map((r) => [r.id, r]));
  const canReprioritise = isAdmin && (task.status === "pending" || task.status === "failed");
  return (
    <div className="space-y-3 text-sm">
      <dl className="grid grid-cols-2 gap-x-6 gap-y-1 sm:grid-cols-4">
        <div><dt className="text-xs text-gray-600">Created</dt><dd><LocalTime iso={task.created_at} /></dd></div>
        <div><dt className="text-xs text-gray-600">Started</dt><dd><LocalTime iso={task.started_at} /></dd></div>
        <div><dt className="text-xs text-gray-600">Finished</dt><dd><LocalTime iso={task.completed_at} /></dd></div>
        <div><dt className="text-xs text-gray-600">Not before</dt><dd><LocalTime iso={task.run_after} /></dd></div>
        <div><dt className="text-xs text-gray-600">Retries</dt><dd className="tabular-nums">{task.retry_count}</dd></div>
        <div><dt className="text-xs text-gray-600">Requests used</dt><dd className="tabular-nums">{formatNumber(task.requests_used)}</dd></div>
        <div><dt className="text-xs text-gray-600">Replace report values</dt><dd>{task.force_refresh ? "Yes (force refresh)" : "No, fill empty fields"}</dd></div>
        <div>
          <dt className="text-xs text-gray-600">Priority</dt>
          <dd>{canReprioritise ? <PriorityEditor taskId={task.id} priority={task.priority} onChanged={onChanged} /> : <span className="tabular-nums">{task.priority}</span>}</dd>
        </div>
      </dl>
      {task.error_message && (
        <p role="note" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-red-900">
          {task.error_message}
        </p>
      )}
      <table className="min-w-full text-left text-sm" aria-label={`Items of task ${task.id}`}>
        <thead className="text-xs text-gray-600">
          <tr>
            <th scope="col" className="py-1 pr-4 font-medium">{task.task_type === "asset_enrichment" ? "Asset" : "Video"}</th>
            <th scope="col" className="py-1 pr-4 font-medium">Result</th>
            <th scope="col" className="py-1 font-medium">Details</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100">
          {task.item_ids.map((id) => {
            const item = results.get(id);
            return (
              <tr key={id} className="align-top">
                <td className="py-1 pr-4"><ItemId task={task} id={id} /></td>
                <td className="py-1 pr-4">
                  {item ? <Badge tone={ITEM_TONES[item.status] ?? "neutral"}>{item.status.replace("_", " ")}</Badge> : <span className="text-gray-500">not run yet</span>}
                </td>
                <td className="py-1 text-gray-800">
                  {item?.error && <p className="text-red-800">{item.error}</p>}
                  {item?.merged_into && <p>Answered as alias of <span className="font-mono text-xs">{item.merged_into}</span></p>}
                  {item?.changes && Object.keys(item.changes).length > 0 && <Changes changes={item.changes} />}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
