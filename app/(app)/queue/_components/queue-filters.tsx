"use client";
import { Button } from "@/app/_components/button";
import { TASK_STATUSES, TASK_TYPES } from "@/lib/enrichment/queue-contract";
import { ChoiceFilter } from "../../_catalog/choice-filter";
import { DebouncedField } from "../../_catalog/debounced-field";
import { STATUS_LABELS, typeLabel } from "./queue-format";
import type { useQueueState } from "./use-queue-state";

const STATUS_OPTIONS = TASK_STATUSES.map((value) => ({ value, label: STATUS_LABELS[value] }));
const TYPE_OPTIONS = TASK_TYPES.map((value) => ({ value, label: typeLabel(value) }));

/** Status, type and an id (video, asset or task id — found inside batch tasks too). */
export function QueueFilters({ view }: { view: ReturnType<typeof useQueueState> }) {
  const { state, setFilter, filtered, clear } = view;
  return (
    <div role="search" aria-label="Filter tasks" className="grid grid-cols-1 items-end gap-3 sm:grid-cols-[10rem_12rem_1fr_auto]">
      <ChoiceFilter label="Status" value={state.status} options={STATUS_OPTIONS} onChange={(v) => setFilter("status", v as typeof state.status)} />
      <ChoiceFilter label="Type" value={state.task_type} options={TYPE_OPTIONS} onChange={(v) => setFilter("task_type", v as typeof state.task_type)} />
      <DebouncedField label="Video, asset or task id" type="search" mono value={state.search} placeholder="e.g. dQw4w9WgXcQ" onCommit={(v) => setFilter("search", v)} />
      <Button variant="secondary" disabled={!filtered} onClick={clear}>
        Clear filters
      </Button>
    </div>
  );
}
