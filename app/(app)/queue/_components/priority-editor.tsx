"use client";
import { useId, useState } from "react";
import { Button } from "@/app/_components/button";
import { PRIORITY_MAX, PRIORITY_MIN } from "@/lib/enrichment/queue-contract";
import { setPriority } from "./queue-api";

/** An admin's priority change for one pending or failed task (higher runs first); reloads the queue on success. */
export function PriorityEditor({ taskId, priority, onChanged }: { taskId: number; priority: number; onChanged: () => void }) {
  const id = useId();
  const [value, setValue] = useState(String(priority));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const parsed = /^\d{1,3}$/.test(value) ? Number(value) : NaN;
  const valid = parsed >= PRIORITY_MIN && parsed <= PRIORITY_MAX;

  async function save() {
    setBusy(true);
    setError(null);
    try {
      await setPriority(taskId, parsed);
      onChanged();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="inline-flex flex-wrap items-center gap-1.5"
      onSubmit={(e) => {
        e.preventDefault();
        if (valid && parsed !== priority) void save();
      }}
    >
      <label htmlFor={id} className="sr-only">
        Priority of task {taskId} ({PRIORITY_MIN}–{PRIORITY_MAX}, higher runs first)
      </label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={PRIORITY_MIN}
        max={PRIORITY_MAX}
        value={value}
        aria-invalid={!valid}
        onChange={(e) => setValue(e.target.value)}
        className="w-16 rounded-md border border-gray-300 px-2 py-0.5 text-sm tabular-nums focus:border-gray-900 focus:outline-none focus:ring-1 focus:ring-gray-900 aria-[invalid=true]:border-red-500"
      />
      <Button type="submit" size="sm" variant="secondary" disabled={busy || !valid || parsed === priority}>
        {busy ? "Saving…" : "Set"}
      </Button>
      {error && (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      )}
    </form>
  );
}
