"use client";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { Button, buttonClasses } from "@/app/_components/button";
import { FormMessage } from "@/app/_components/form-message";
import { apiJson } from "@/app/(app)/reports/_components/api";
import { formatCount } from "@/app/(app)/reports/_components/format";
import { LocalTime } from "@/app/(app)/reports/_components/local-time";
import type { AdminChannel } from "@/lib/admin/channels";
import { ChannelEditForm } from "./channel-edit-form";

/** One channel: its figures, a Hide/Show toggle, and an edit form that opens in a row of its own below. */
export function ChannelRow({ channel }: { channel: AdminChannel }) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const label = channel.name ?? channel.channel_id;

  async function toggleHidden() {
    setBusy(true);
    setError(null);
    try {
      await apiJson(`/api/admin/channels/${channel.channel_id}`, { method: "PATCH", body: JSON.stringify({ hidden: !channel.hidden }) });
      router.refresh();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  function closeEditor(saved: boolean) {
    setEditing(false);
    if (saved) router.refresh();
    editButton.current?.focus();
  }

  return (
    <>
      <tr className={`align-top ${channel.hidden ? "bg-gray-50" : "hover:bg-gray-50"}`}>
        <th scope="row" className="max-w-md px-3 py-2 text-left font-normal">
          <div className={`font-medium ${channel.name ? "text-gray-900" : "italic text-gray-500"}`}>{channel.name ?? "No name"}</div>
          <div className="font-mono text-xs text-gray-500">{channel.channel_id}</div>
          {channel.description && <p className="mt-1 line-clamp-2 whitespace-pre-line text-xs text-gray-600">{channel.description}</p>}
        </th>
        <td className="px-3 py-2 text-right tabular-nums text-gray-900">{formatCount(channel.video_count)}</td>
        <td className="px-3 py-2">
          {channel.hidden ? (
            <span className="inline-flex rounded-full bg-gray-100 px-2 py-0.5 text-xs font-medium text-gray-700 ring-1 ring-inset ring-gray-300">Hidden</span>
          ) : (
            <span className="inline-flex rounded-full bg-green-50 px-2 py-0.5 text-xs font-medium text-green-700 ring-1 ring-inset ring-green-200">Shown</span>
          )}
        </td>
        <td className="px-3 py-2 text-gray-700">
          <LocalTime iso={channel.updated_at} />
        </td>
        <td className="px-3 py-2">
          <div className="flex justify-end gap-2">
            <button
              ref={editButton}
              type="button"
              className={buttonClasses("secondary", "sm")}
              onClick={() => setEditing((v) => !v)}
              aria-expanded={editing}
              aria-label={`Edit ${label}`}
            >
              Edit
            </button>
            <Button variant={channel.hidden ? "secondary" : "danger"} size="sm" onClick={toggleHidden} disabled={busy} aria-label={`${channel.hidden ? "Show" : "Hide"} ${label}`}>
              {busy ? "Saving…" : channel.hidden ? "Show" : "Hide"}
            </Button>
          </div>
          {error && (
            <div className="mt-2 max-w-xs">
              <FormMessage error={error} />
            </div>
          )}
        </td>
      </tr>
      {editing && (
        <tr className="bg-gray-50">
          <td colSpan={5} className="px-3 py-3">
            <ChannelEditForm channel={channel} onClose={closeEditor} />
          </td>
        </tr>
      )}
    </>
  );
}
