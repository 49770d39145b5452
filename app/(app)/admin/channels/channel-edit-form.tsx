"use client";
import { useId, useState, type FormEvent, type KeyboardEvent } from "react";
import { Button } from "@/app/_components/button";
import { inputClasses } from "@/app/_components/field";
import { FormMessage } from "@/app/_components/form-message";
import { apiJson } from "@/app/(app)/reports/_components/api";
import type { AdminChannel } from "@/lib/admin/channels";

/** Name and description of one channel; Escape closes it without saving. */
export function ChannelEditForm({ channel, onClose }: { channel: AdminChannel; onClose: (saved: boolean) => void }) {
  const id = useId();
  const [name, setName] = useState(channel.name ?? "");
  const [description, setDescription] = useState(channel.description ?? "");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function save(event: FormEvent) {
    event.preventDefault();
    const body: Record<string, string> = { description };
    // A channel without a name keeps none unless one is typed (the API refuses an empty name).
    if (name.trim() || channel.name) body.name = name;
    setBusy(true);
    setError(null);
    try {
      await apiJson(`/api/admin/channels/${channel.channel_id}`, { method: "PATCH", body: JSON.stringify(body) });
      onClose(true);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setBusy(false);
    }
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === "Escape") {
      event.preventDefault();
      onClose(false);
    }
  }

  return (
    <form onSubmit={save} onKeyDown={onKeyDown} aria-label={`Edit channel ${channel.name ?? channel.channel_id}`} className="grid max-w-3xl gap-3 sm:grid-cols-2">
      <div className="space-y-1">
        <label htmlFor={`${id}-name`} className="block text-sm font-medium text-gray-800">Name</label>
        <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} maxLength={200} autoFocus className={inputClasses} />
      </div>
      <div className="space-y-1 sm:row-span-2">
        <label htmlFor={`${id}-description`} className="block text-sm font-medium text-gray-800">Description</label>
        <textarea
          id={`${id}-description`}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          maxLength={2000}
          rows={3}
          aria-describedby={`${id}-description-hint`}
          className={inputClasses}
        />
        <p id={`${id}-description-hint`} className="text-xs text-gray-500">For the team only; leave empty to remove it.</p>
      </div>
      <div className="flex items-end gap-2">
        <Button type="submit" size="sm" disabled={busy}>{busy ? "Saving…" : "Save"}</Button>
        <Button variant="ghost" size="sm" onClick={() => onClose(false)}>Cancel</Button>
      </div>
      <div className="sm:col-span-2">
        <FormMessage error={error} />
      </div>
    </form>
  );
}
