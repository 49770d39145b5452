"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { Button } from "@/app/_components/button";
import { inputClasses } from "@/app/_components/field";
import { FormMessage } from "@/app/_components/form-message";
import { sendVideoRequest, videoUrl } from "./video-api";

/** Admins only: a modal dialog that asks for the video id typed out before deleting (Esc or Cancel closes it). */
export function DeleteVideo({ videoId, title }: { videoId: string; title: string | null }) {
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const [typed, setTyped] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  function open() {
    setTyped("");
    setError(null);
    dialog.current?.showModal();
  }

  async function confirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (typed.trim() !== videoId) return;
    setBusy(true);
    const result = await sendVideoRequest(videoUrl(videoId), "DELETE");
    setBusy(false);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    dialog.current?.close();
    router.replace("/");
    router.refresh();
  }

  return (
    <>
      <Button variant="danger" onClick={open}>Delete video…</Button>
      <dialog ref={dialog} aria-labelledby="delete-title" className="m-auto w-full max-w-md rounded-lg p-0 shadow-xl backdrop:bg-black/40">
        <form onSubmit={confirm} className="space-y-4 p-5">
          <h2 id="delete-title" className="text-base font-semibold text-gray-900">Delete this video?</h2>
          <p className="text-sm text-gray-700">
            “{title ?? "Untitled video"}” leaves the catalog with its claims and metrics. Its history keeps a record of what was deleted and by
            whom; a later report that lists the video adds it again.
          </p>
          <div className="space-y-1">
            <label htmlFor="delete-confirm" className="block text-sm font-medium text-gray-800">
              Type the video id <span className="font-mono">{videoId}</span> to confirm
            </label>
            <input id="delete-confirm" value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" spellCheck={false} className={`${inputClasses} font-mono`} />
          </div>
          <FormMessage error={error} />
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => dialog.current?.close()} disabled={busy}>Cancel</Button>
            <Button type="submit" variant="danger" disabled={busy || typed.trim() !== videoId}>{busy ? "Deleting…" : "Delete video"}</Button>
          </div>
        </form>
      </dialog>
    </>
  );
}
