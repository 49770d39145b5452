"use client";
import { useEffect, useState } from "react";
import type { RealtimeClientConfig } from "@/lib/realtime/client-config";
import { clockTime, timeAgo } from "./dashboard-format";
import { ErrorsPanel, ImportsPanel, QueuePanel, QuotaPanel } from "./dashboard-panels";
import { useDashboardState, type DashboardFeed } from "./use-dashboard-state";

/** The current time, ticking every `ms`; null until mounted so server and browser render the same first frame. */
function useNow(ms: number): Date | null {
  const [now, setNow] = useState<Date | null>(null);
  useEffect(() => {
    setNow(new Date());
    const timer = setInterval(() => setNow(new Date()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}

function ConnectionBadge({ feed }: { feed: DashboardFeed }) {
  const live = feed.connection === "connected" && !feed.refused;
  const label = feed.refused ? "Refused" : live ? "Live" : feed.connection === "connecting" ? "Connecting…" : "Offline, retrying";
  return (
    <span role="status" className={`inline-flex items-center gap-3 rounded-full px-4 py-1 text-xl font-semibold 2xl:text-3xl ${live ? "bg-emerald-500/15 text-emerald-300" : "bg-amber-500/15 text-amber-300"}`}>
      <span aria-hidden className={`h-3 w-3 rounded-full ${live ? "bg-emerald-400" : "bg-amber-400"}`} />
      {label}
    </span>
  );
}

export function DashboardView({ realtime, token }: { realtime: RealtimeClientConfig; token: string | null }) {
  const feed = useDashboardState(realtime, token);
  const now = useNow(1000);
  const { state } = feed;
  return (
    <div className="flex h-screen flex-col gap-6 overflow-hidden bg-gray-950 p-8 text-gray-100 [color-scheme:dark]">
      <header className="flex items-center justify-between gap-6">
        <h1 className="text-3xl font-bold text-white 2xl:text-5xl">Catalog · live</h1>
        <div className="flex items-center gap-8 text-xl text-gray-400 2xl:text-3xl">
          {state && now && <span>Updated {timeAgo(state.at, now)}</span>}
          <ConnectionBadge feed={feed} />
          {now && <span className="text-3xl font-semibold tabular-nums text-white 2xl:text-5xl">{clockTime(now)}</span>}
        </div>
      </header>
      {feed.refused && <p role="alert" className="rounded-xl bg-red-500/15 px-6 py-4 text-2xl text-red-200">{feed.refused}</p>}
      {state && now ? (
        <main className="grid min-h-0 flex-1 grid-cols-3 grid-rows-2 gap-6">
          <ImportsPanel imports={state.imports} />
          <QueuePanel state={state} />
          <ErrorsPanel errors={state.last_errors} now={now} />
          <QuotaPanel quota={state.quota} now={now} />
        </main>
      ) : (
        <main className="flex flex-1 items-center justify-center">
          <p className="text-4xl text-gray-500">{feed.waiting ? "Waiting for the first update…" : "Connecting…"}</p>
        </main>
      )}
    </div>
  );
}
