"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/app/_components/button";
import { queueChannels, queueEvents, type QueueTaskComplete, type SyncError } from "@/lib/realtime/channels";
import type { RealtimeClientConfig } from "@/lib/realtime/client-config";
import { useChannelEvent } from "@/lib/realtime/use-channel";
import { LocalTime } from "../../reports/_components/local-time";
import { sendVideoRequest } from "./video-api";

type SyncAnswer = { status: "queued" | "already_queued" | "processing"; task_id: number; position: number | null; runner: string };
type State =
  | { kind: "idle" }
  | { kind: "sending" }
  | { kind: "waiting"; answer: SyncAnswer }
  | { kind: "done"; message: string }
  | { kind: "error"; message: string };

function waitingText(answer: SyncAnswer): string {
  if (answer.status === "processing") return "Syncing with YouTube now…";
  const where = answer.position === 0 ? "it runs next" : `${answer.position} unit${answer.position === 1 ? "" : "s"} of work run before it`;
  return `${answer.status === "queued" ? "Queued" : "Already queued"} (task ${answer.task_id}): ${where}.`;
}

/**
 * "Sync now" (POST /api/videos/{id}/sync) and when the YouTube APIs last answered for the video. While the sync
 * waits it says where it stands in the queue; when its task completes the page reloads to show the new values.
 */
export function SyncNow({ videoId, apiSyncedAt, realtime }: { videoId: string; apiSyncedAt: string | null; realtime: RealtimeClientConfig | null }) {
  const router = useRouter();
  const [state, setState] = useState<State>({ kind: "idle" });
  const waitingFor = state.kind === "waiting" ? state.answer.task_id : null;

  useChannelEvent<QueueTaskComplete>(realtime, waitingFor === null ? null : queueChannels.all(), queueEvents.taskComplete, (event) => {
    if (event.task_id !== waitingFor) return;
    if (event.status === "failed") setState({ kind: "error", message: `The sync failed: ${event.error ?? "no reason given"}. It can be retried from the Queue page.` });
    else setState({ kind: "done", message: "Synced from YouTube." });
    router.refresh();
  });
  useChannelEvent<SyncError>(realtime, waitingFor === null ? null : queueChannels.all(), queueEvents.syncError, (event) => {
    if (event.task_id !== waitingFor || !event.retry_at) return;
    setState({ kind: "error", message: `YouTube could not answer yet (${event.reason}); it tries again at ${new Date(event.retry_at).toLocaleTimeString()}.` });
  });

  async function sync() {
    setState({ kind: "sending" });
    const result = await sendVideoRequest<SyncAnswer>(`/api/videos/${encodeURIComponent(videoId)}/sync`, "POST");
    if (!result.ok) setState({ kind: "error", message: result.message });
    else setState({ kind: "waiting", answer: result.data });
  }

  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-2 text-sm">
      <Button variant="secondary" size="sm" onClick={() => void sync()} disabled={state.kind === "sending"}>
        {state.kind === "sending" ? "Asking…" : "Sync now"}
      </Button>
      <span className="text-gray-600">
        Last synced from YouTube: <span data-testid="api-synced-at">{apiSyncedAt ? <LocalTime iso={apiSyncedAt} /> : "never"}</span>
      </span>
      <p role="status" aria-live="polite" className={state.kind === "error" ? "text-red-700" : "text-gray-700"}>
        {state.kind === "waiting" && (
          <>
            {waitingText(state.answer)} {!realtime && "Reload the page later to see the result. "}<Link href={`/queue?search=${videoId}`} className="text-blue-700 hover:underline">See it in the queue</Link>
          </>
        )}
        {(state.kind === "done" || state.kind === "error") && state.message}
      </p>
    </div>
  );
}
