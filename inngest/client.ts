import { Inngest } from "inngest";
import { getEnv } from "@/lib/env";

const env = getEnv();

/**
 * The app's Inngest client. INNGEST_BASE_URL points it at the local executor (local/inngest) or is left unset
 * for Inngest Cloud; the signing key makes both sides verify each other in either case. Checkpointing is off so
 * that every step is its own request: a step then has a whole serverless request's time and the executor's
 * protocol stays the documented call loop.
 */
export const inngest = new Inngest({
  id: "catalog",
  baseUrl: env.INNGEST_BASE_URL,
  eventKey: env.INNGEST_EVENT_KEY,
  signingKey: env.INNGEST_SIGNING_KEY,
  isDev: false,
  checkpointing: false,
});
