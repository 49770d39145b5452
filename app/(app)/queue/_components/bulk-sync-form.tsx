"use client";
import { useId, useState } from "react";
import { Button } from "@/app/_components/button";
import { FormMessage } from "@/app/_components/form-message";
import { BULK_SYNC_DEFAULT_PRIORITY, PRIORITY_MAX, PRIORITY_MIN } from "@/lib/enrichment/queue-contract";
import { apiJson } from "../../reports/_components/api";
import { formatNumber } from "./queue-format";

type BulkResult = { jobs_created: number; items: number; requests_needed: number; already_queued: number; estimated_completion: string | null };

const input = "block w-full rounded-md border border-gray-300 px-2.5 py-1.5 text-sm focus:border-gray-900 focus:outline-none focus:ring-1 focus:ring-gray-900";

/** An admin's bulk sync (POST /api/admin/sync/all): every video of some channels, or of all of them. */
export function BulkSyncForm({ onQueued }: { onQueued: () => void }) {
  const id = useId();
  const [channels, setChannels] = useState("");
  const [priority, setPriority] = useState(String(BULK_SYNC_DEFAULT_PRIORITY));
  const [force, setForce] = useState(false);
  const [monetization, setMonetization] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ error?: string; success?: string }>({});

  async function submit() {
    const list = channels.split(/[\s,]+/).filter(Boolean);
    const types = ["asset_enrichment", "metadata_sync", "ownership_update", ...(monetization ? ["monetization_sync"] : [])];
    setBusy(true);
    setMessage({});
    try {
      const result = await apiJson<BulkResult>("/api/admin/sync/all", {
        method: "POST",
        body: JSON.stringify({ channels: list.length ? list : "all", priority: Number(priority), force_refresh: force, types }),
      });
      const when = result.estimated_completion ? ` Expected done by ${new Date(result.estimated_completion).toLocaleString()}.` : "";
      setMessage({
        success: `Queued ${formatNumber(result.jobs_created)} tasks for ${formatNumber(result.items)} ids (${formatNumber(result.requests_needed)} requests; ${formatNumber(result.already_queued)} ids were already queued).${when}`,
      });
      onQueued();
    } catch (e) {
      setMessage({ error: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <details className="rounded-lg border border-gray-200 bg-white p-4 shadow-sm">
      <summary className="cursor-pointer text-sm font-semibold text-gray-900">Bulk sync (admin)</summary>
      <form
        className="mt-3 grid gap-3 sm:grid-cols-[1fr_8rem]"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className="space-y-1">
          <label htmlFor={`${id}-channels`} className="block text-xs font-medium text-gray-700">Channel ids (empty: every channel)</label>
          <input id={`${id}-channels`} className={`${input} font-mono`} value={channels} onChange={(e) => setChannels(e.target.value)} placeholder="UC… UC…" />
        </div>
        <div className="space-y-1">
          <label htmlFor={`${id}-priority`} className="block text-xs font-medium text-gray-700">Priority ({PRIORITY_MIN}–{PRIORITY_MAX})</label>
          <input id={`${id}-priority`} type="number" min={PRIORITY_MIN} max={PRIORITY_MAX} className={input} value={priority} onChange={(e) => setPriority(e.target.value)} />
        </div>
        <label className="flex items-center gap-2 text-sm text-gray-800">
          <input type="checkbox" checked={force} onChange={(e) => setForce(e.target.checked)} /> Replace values that came from reports (force refresh)
        </label>
        <label className="flex items-center gap-2 text-sm text-gray-800">
          <input type="checkbox" checked={monetization} onChange={(e) => setMonetization(e.target.checked)} /> Monetization too (one request per video)
        </label>
        <div className="sm:col-span-2 space-y-2">
          <Button type="submit" disabled={busy}>{busy ? "Queuing…" : "Queue sync"}</Button>
          <FormMessage error={message.error} success={message.success} />
        </div>
      </form>
    </details>
  );
}
