"use client";
import { useEffect, useState } from "react";
import type { RealtimeClientConfig } from "@/lib/realtime/client-config";
import { createPusherClient } from "@/lib/realtime/pusher-client";
import { dashboardChannels, dashboardEvents, type DashboardState } from "@/lib/realtime/channels";

// The dashboard reads nothing but the dashboard channel (docs/realtime.md): it is the contract's first client,
// so anything it shows, a dashboard of someone else's can show too.

export type DashboardFeed = {
  state: DashboardState | null;
  /** pusher-js connection state: "connected", "connecting", "unavailable", … */
  connection: string;
  /** The channel is subscribed but has no snapshot yet (cache miss); the app sends one within a second or so. */
  waiting: boolean;
  /** The auth endpoint refused the subscription (revoked token, signed out). */
  refused: string | null;
};

export function useDashboardState(config: RealtimeClientConfig, token: string | null): DashboardFeed {
  const [state, setState] = useState<DashboardState | null>(null);
  const [connection, setConnection] = useState("connecting");
  const [waiting, setWaiting] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);

  const configId = JSON.stringify(config);
  useEffect(() => {
    const pusher = createPusherClient(config, token ? { Authorization: `Bearer ${token}` } : {});
    pusher.connection.bind("state_change", ({ current }: { current: string }) => setConnection(current));
    const channel = pusher.subscribe(dashboardChannels.main());
    channel.bind("pusher:subscription_succeeded", () => setRefused(null));
    channel.bind("pusher:cache_miss", () => setWaiting(true));
    channel.bind("pusher:subscription_error", (error: { status?: number }) =>
      setRefused(error?.status === 401 || error?.status === 403 ? "Access refused: the dashboard token was revoked, or the session ended." : "Could not subscribe to live updates."),
    );
    channel.bind(dashboardEvents.state, (next: DashboardState) => {
      setWaiting(false);
      setState(next);
    });
    return () => pusher.disconnect();
    // configId stands for config: props arrive as a new object on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [configId, token]);

  return { state, connection, waiting, refused };
}
