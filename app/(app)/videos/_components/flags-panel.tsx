"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormMessage } from "@/app/_components/form-message";
import { LocalTime } from "../../reports/_components/local-time";
import { sendVideoRequest, videoUrl } from "./video-api";

type Flag = "hidden" | "administered";

const COPY: Record<Flag, { label: string; help: string }> = {
  hidden: { label: "Hidden", help: "Hidden videos leave the catalog's default view; a filter can still show them." },
  administered: { label: "Administered", help: "We administer this video's rights; the time it was marked is kept." },
};

/** The hidden and administered switches; each change is audited and the page refreshes to show it. */
export function FlagsPanel({ videoId, hidden, administered, administeredAt }: { videoId: string; hidden: boolean; administered: boolean; administeredAt: string | null }) {
  const router = useRouter();
  const [busy, setBusy] = useState<Flag | null>(null);
  const [error, setError] = useState<string | null>(null);
  const state: Record<Flag, boolean> = { hidden, administered };

  async function toggle(flag: Flag) {
    setBusy(flag);
    setError(null);
    const result = await sendVideoRequest(videoUrl(videoId, "flags"), "POST", { [flag]: !state[flag] });
    setBusy(null);
    if (!result.ok) setError(result.message);
    else router.refresh();
  }

  return (
    <div className="space-y-3">
      {(Object.keys(COPY) as Flag[]).map((flag) => (
        <div key={flag} className="flex items-start gap-3">
          <button
            type="button"
            role="switch"
            aria-checked={state[flag]}
            aria-describedby={`flag-${flag}-help`}
            disabled={busy !== null}
            onClick={() => toggle(flag)}
            className={`relative mt-0.5 inline-flex h-6 w-11 shrink-0 items-center rounded-full transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:opacity-60 ${state[flag] ? "bg-gray-900" : "bg-gray-300"}`}
          >
            <span className="sr-only">{COPY[flag].label}</span>
            <span aria-hidden className={`inline-block size-5 rounded-full bg-white shadow transition-transform ${state[flag] ? "translate-x-5" : "translate-x-0.5"}`} />
          </button>
          <div className="text-sm">
            <p className="font-medium text-gray-900">
              {COPY[flag].label}
              {busy === flag && <span className="ml-2 font-normal text-gray-500">Saving…</span>}
              {flag === "administered" && administered && administeredAt && (
                <span className="ml-2 font-normal text-gray-600">since <LocalTime iso={administeredAt} /></span>
              )}
            </p>
            <p id={`flag-${flag}-help`} className="text-gray-600">{COPY[flag].help}</p>
          </div>
        </div>
      ))}
      <FormMessage error={error} />
    </div>
  );
}
