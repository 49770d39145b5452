"use client";
import { useState } from "react";
import { cancelReport } from "./api";

/** POST /api/reports/{id}/cancel; the live update (or the caller's refresh) then shows "Cancelled". */
export function CancelButton({ id, filename, onCancelled }: { id: number; filename: string; onCancelled?: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function cancel() {
    setBusy(true);
    setError(null);
    try {
      await cancelReport(id);
      onCancelled?.();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <span className="inline-flex flex-col items-start gap-1">
      <button
        type="button"
        onClick={cancel}
        disabled={busy}
        aria-label={`Cancel import of ${filename}`}
        className="rounded-md border border-gray-300 bg-white px-2.5 py-1 text-xs font-medium text-gray-700 hover:bg-red-50 hover:text-red-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:opacity-50"
      >
        {busy ? "Cancelling…" : "Cancel"}
      </button>
      {error && (
        <span role="alert" className="max-w-56 text-xs text-red-700">
          {error}
        </span>
      )}
    </span>
  );
}
