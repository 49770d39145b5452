import "server-only";
import Pusher from "pusher";
import { getEnv } from "@/lib/env";

// One Pusher client per process: it holds an HTTP agent, and serverless steps call publish many times.

let cached: { pusher: Pusher | null } | undefined;

/** The configured Pusher client, or null when PUSHER_APP_ID/KEY/SECRET are not all set (realtime off). */
export function getPusher(): Pusher | null {
  if (!cached) {
    const env = getEnv();
    const configured = Boolean(env.PUSHER_APP_ID && env.PUSHER_KEY && env.PUSHER_SECRET);
    cached = {
      pusher: configured
        ? new Pusher({
            appId: env.PUSHER_APP_ID!,
            key: env.PUSHER_KEY!,
            secret: env.PUSHER_SECRET!,
            cluster: env.PUSHER_CLUSTER,
            // A host (the local stand-in or a self-hosted server) overrides the cluster's hosted endpoint.
            ...(env.PUSHER_HOST ? { host: env.PUSHER_HOST, port: env.PUSHER_PORT ? String(env.PUSHER_PORT) : undefined } : {}),
            useTLS: env.PUSHER_HOST ? env.PUSHER_USE_TLS : true,
          })
        : null,
    };
  }
  return cached.pusher;
}

/** Tests that change the Pusher env call this so the next getPusher() re-reads it. */
export function resetPusherCache(): void {
  cached = undefined;
}
