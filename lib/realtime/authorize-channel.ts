import "server-only";
import { AppError } from "@/lib/errors";
import { dashboardChannels, isDashboardChannel, isKnownChannel } from "./channels";
import { getPusher } from "./pusher-server";

// Who may listen to what. Every channel is private, so Pusher asks our auth endpoint before a browser
// may subscribe; the decision lives here as a plain function that tests can call directly.

/** A signed-in person, or a wall dashboard holding a read-only dashboard token. */
export type ChannelSubscriber = { kind: "user"; userId: string } | { kind: "dashboard_token"; tokenId: number };

/**
 * Signed-in users may follow every channel the app publishes on; a dashboard token only the dashboard channel
 * (it summarises, and never names a video or a person). Channels this app does not publish on are refused.
 */
export function mayJoinChannel(subscriber: ChannelSubscriber | null | undefined, channel: string): boolean {
  if (!subscriber) return false;
  return subscriber.kind === "dashboard_token" ? isDashboardChannel(channel) : isKnownChannel(channel);
}

/** Signs the subscription for a subscriber who may join, as `{ auth }` for pusher-js; otherwise a typed error. */
export function authorizeChannel(subscriber: ChannelSubscriber | null | undefined, socketId: string, channel: string): { auth: string } {
  if (!/^\d+\.\d+$/.test(socketId)) throw new AppError("bad_request", "socket_id must look like 1234.5678 (pusher-js sends it).");
  if (!subscriber) throw new AppError("unauthorized", "Sign in to receive live updates.");
  if (!mayJoinChannel(subscriber, channel)) {
    throw new AppError(
      "forbidden",
      subscriber.kind === "dashboard_token" ? `A dashboard token may only subscribe to ${dashboardChannels.main()}, not ${channel}.` : `You may not subscribe to ${channel}.`,
    );
  }
  const pusher = getPusher();
  if (!pusher) throw new AppError("unavailable", "Realtime updates are not configured (PUSHER_APP_ID, PUSHER_KEY, PUSHER_SECRET).");
  return pusher.authorizeChannel(socketId, channel);
}
