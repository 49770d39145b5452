import "server-only";
import { createCoalescingPublisher, type PublishOptions } from "./coalescing-publisher";
import { getPusher } from "./pusher-server";

// Realtime is a nicety: an import must never fail because Pusher is down or unconfigured, so every
// failure here becomes a logged warning instead of an exception in the caller.

const publisher = createCoalescingPublisher({
  minIntervalMs: 300,
  send: async (channel, event, data) => {
    const pusher = getPusher();
    if (pusher) await pusher.trigger(channel, event, data);
  },
});

/**
 * Publishes `data` (JSON-serialised by the SDK) on a channel built in ./channels. Updates of one
 * channel+event are coalesced to ~3 a second with the latest always delivered; pass `{ final: true }`
 * for the last update of a run and for discrete events (it sends at once and is never dropped).
 * Never throws.
 */
export function publish(channel: string, event: string, data: unknown, options?: PublishOptions): Promise<void> {
  return publisher.publish(channel, event, data, options);
}

/** Sends held updates now; call before a serverless step returns, since its process may not live on. */
export function flushPublishes(): Promise<void> {
  return publisher.flush();
}
