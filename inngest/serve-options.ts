import { getEnv } from "@/lib/env";

/** Where app/api/inngest/route.ts lives; Inngest calls every function step at APP_URL + this path. */
export const INNGEST_SERVE_PATH = "/api/inngest";

/**
 * How /api/inngest is served, whatever the request claims about itself:
 * - the URL registered with Inngest is APP_URL + INNGEST_SERVE_PATH. Left to the SDK, it would be built from the
 *   request's Host header, so anyone could re-register every function at their own server by sending a PUT with
 *   a forged Host.
 * - every request, syncs (PUT) included, must be signed with the signing key. The SDK otherwise accepts an
 *   unsigned PUT and answers it by registering the functions itself (an "out-of-band" sync). Our syncs come from
 *   Inngest (or the local executor), which sign them; the client runs in cloud mode (`isDev: false`) so
 *   INNGEST_DEV cannot switch the checks off, and without a signing key the SDK answers every request with 500.
 */
export function inngestServeOptions() {
  return {
    serveOrigin: new URL(getEnv().APP_URL).origin,
    servePath: INNGEST_SERVE_PATH,
    enableUnauthedSync: false,
  };
}
