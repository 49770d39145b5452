import "server-only";
import { AppError } from "@/lib/errors";
import { isKnownChannel } from "./channels";
import { getPusher } from "./pusher-server";

// Who may listen to what. Every channel is private, so Pusher asks our auth endpoint before a browser
// may subscribe; the decision lives here as a plain function that tests can call directly.

/** Any signed-in user may follow every report; channels this app does not publish on are refused. */
export function mayJoinChannel(user: { id: unknown } | null | undefined, channel: string): boolean {
  return Boolean(user) && isKnownChannel(channel);
}

/** Signs the subscription for a user who may join, as `{ auth }` for pusher-js; otherwise a typed error. */
export function authorizeChannel(user: { id: unknown } | null | undefined, socketId: string, channel: string): { auth: string } {
  if (!/^\d+\.\d+$/.test(socketId)) throw new AppError("bad_request", "socket_id must look like 1234.5678 (pusher-js sends it).");
  if (!user) throw new AppError("unauthorized", "Sign in to receive live updates.");
  if (!mayJoinChannel(user, channel)) throw new AppError("forbidden", `You may not subscribe to ${channel}.`);
  const pusher = getPusher();
  if (!pusher) throw new AppError("unavailable", "Realtime updates are not configured (PUSHER_APP_ID, PUSHER_KEY, PUSHER_SECRET).");
  return pusher.authorizeChannel(socketId, channel);
}
