import "server-only";
import { getEnv } from "@/lib/env";

// Computed on the server and passed to client components as props, so the browser bundle needs no
// NEXT_PUBLIC_* build-time variables and the local stand-in's port can change between starts.

export type RealtimeClientConfig = {
  key: string;
  cluster: string;
  wsHost?: string;
  wsPort?: number;
  wssPort?: number;
  forceTLS: boolean;
  enabledTransports: ["ws"];
  authEndpoint: string;
};

/** The pusher-js options for the browser, or null when realtime is not configured. */
export function realtimeClientConfig(): RealtimeClientConfig | null {
  const env = getEnv();
  if (!env.PUSHER_KEY || !env.PUSHER_APP_ID || !env.PUSHER_SECRET) return null;
  const config: RealtimeClientConfig = {
    key: env.PUSHER_KEY,
    cluster: env.PUSHER_CLUSTER,
    forceTLS: env.PUSHER_HOST ? env.PUSHER_USE_TLS : true,
    // Plain websockets only: the local stand-in has no HTTP-streaming fallback, and hosted Pusher needs none.
    enabledTransports: ["ws"],
    authEndpoint: "/api/realtime/auth",
  };
  if (env.PUSHER_HOST) {
    config.wsHost = env.PUSHER_HOST;
    if (env.PUSHER_PORT) {
      config.wsPort = env.PUSHER_PORT;
      config.wssPort = env.PUSHER_PORT;
    }
  }
  return config;
}
