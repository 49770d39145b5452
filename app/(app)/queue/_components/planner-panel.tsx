"use client";
import type { QueuePlan } from "@/lib/enrichment/queue-contract";
import { LocalTime } from "../../reports/_components/local-time";
import { PriorityEditor } from "./priority-editor";
import { daysText, formatNumber, typeLabel } from "./queue-format";

/** Backlog size, what it costs, when it is done at the current budget, and the order the work will run in. */
export function PlannerPanel({ plan, isAdmin, onChanged }: { plan: QueuePlan; isAdmin: boolean; onChanged: () => void }) {
  const { backlog, requests_needed: needed } = plan;
  const costs = Object.entries(needed.by_type).filter(([, n]) => n > 0);
  return (
    <section aria-labelledby="planner-heading" className="space-y-4 rounded-lg border border-gray-200 bg-white p-4 shadow-sm">
      <h2 id="planner-heading" className="text-sm font-semibold text-gray-900">
        Planner
      </h2>
      <dl className="grid grid-cols-1 gap-3 text-sm sm:grid-cols-3">
        <div>
          <dt className="text-xs text-gray-600">Backlog</dt>
          <dd data-testid="planner-backlog" className="font-semibold tabular-nums text-gray-900">
            {formatNumber(backlog.total_items)} ids
          </dd>
          <dd className="text-xs text-gray-600">
            {formatNumber(backlog.pending_items)} in {formatNumber(backlog.pending_tasks)} pending tasks, {formatNumber(backlog.backlog_assets)} assets marked by imports
          </dd>
        </div>
        <div>
          <dt className="text-xs text-gray-600">Requests needed</dt>
          <dd className="font-semibold tabular-nums text-gray-900">{formatNumber(needed.total)}</dd>
          <dd className="text-xs text-gray-600">{costs.length ? costs.map(([type, n]) => `${typeLabel(type as never)} ${formatNumber(n)}`).join(" · ") : "None"}</dd>
        </div>
        <div>
          <dt className="text-xs text-gray-600">Time to clear at {formatNumber(plan.quota.budget)} requests a day</dt>
          <dd data-testid="planner-days" className="font-semibold text-gray-900">
            {daysText(plan.days_to_clear)}
          </dd>
          {plan.estimated_completion && (
            <dd className="text-xs text-gray-600">
              Done around <LocalTime iso={plan.estimated_completion} />
            </dd>
          )}
        </div>
      </dl>
      <div className="space-y-2">
        <h3 className="text-xs font-semibold uppercase tracking-wide text-gray-600">Runs next (priority, then most-viewed first)</h3>
        {plan.upcoming.length === 0 ? (
          <p className="text-sm text-gray-600">Nothing is waiting.</p>
        ) : (
          <ol aria-label="Upcoming work" className="divide-y divide-gray-100 rounded-md border border-gray-200 text-sm">
            {plan.upcoming.map((unit, i) => (
              <li key={unit.task_id ?? `backlog-${i}`} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-1.5">
                <span className="w-6 text-right tabular-nums text-gray-500">{i + 1}.</span>
                <span className="font-medium text-gray-900">{typeLabel(unit.task_type)}</span>
                <span className="text-gray-600">
                  {unit.kind === "task" ? `task ${unit.task_id}` : "from the backlog"} · {formatNumber(unit.ids)} ids · {formatNumber(unit.requests)} request{unit.requests === 1 ? "" : "s"}
                  {unit.views !== null && <> · {formatNumber(unit.views)} views</>}
                </span>
                {unit.run_after && (
                  <span className="text-xs text-amber-800">
                    waits until <LocalTime iso={unit.run_after} />
                  </span>
                )}
                <span className="ml-auto flex items-center gap-2 text-gray-600">
                  <span className="text-xs">priority</span>
                  {isAdmin && unit.kind === "task" && unit.task_id !== null ? (
                    <PriorityEditor taskId={unit.task_id} priority={unit.priority} onChanged={onChanged} />
                  ) : (
                    <span className="tabular-nums text-gray-900">{unit.priority}</span>
                  )}
                </span>
              </li>
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}
