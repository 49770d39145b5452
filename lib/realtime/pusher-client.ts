import Pusher from "pusher-js";
import type { RealtimeClientConfig } from "./client-config";

/**
 * A pusher-js client for the server-computed config. The auth endpoint reads the session cookie (same-origin
 * fetches carry it); a wall screen has no session, so its dashboard token goes in `authHeaders`, never in the form.
 */
export function createPusherClient(config: RealtimeClientConfig, authHeaders: Record<string, string> = {}): Pusher {
  return new Pusher(config.key, {
    cluster: config.cluster,
    wsHost: config.wsHost,
    wsPort: config.wsPort,
    wssPort: config.wssPort,
    forceTLS: config.forceTLS,
    enabledTransports: config.enabledTransports,
    channelAuthorization: { endpoint: config.authEndpoint, transport: "ajax", headers: authHeaders },
  });
}
