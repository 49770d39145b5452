import { canonicalize, signatureHeader } from "./signing";
import type { FunctionConfig } from "./function-registry";

export type SyncResult =
  | { ok: true; kind: "in_band"; functions: FunctionConfig[]; url: string }
  | { ok: true; kind: "out_of_band" }
  | { ok: false; error: string };

/**
 * Asks the app to sync. We request an in-band sync (the SDK answers the PUT
 * with its function configs); if the app has in-band sync disabled it falls
 * back to POSTing them to our `/fn/register`, which the executor also serves.
 */
export async function syncApp(appUrl: string, signingKey: string, signal?: AbortSignal): Promise<SyncResult> {
  const body = canonicalize({ url: appUrl });
  try {
    const res = await fetch(appUrl, {
      method: "PUT",
      body,
      signal,
      headers: {
        "content-type": "application/json",
        "x-inngest-sync-kind": "in_band",
        "x-inngest-server-kind": "cloud",
        "x-inngest-signature": signatureHeader(body, signingKey),
      },
    });
    const text = await res.text();
    if (res.status !== 200) return { ok: false, error: `PUT ${appUrl} answered ${res.status}: ${text.slice(0, 300)}` };
    const parsed = JSON.parse(text) as { functions?: FunctionConfig[]; url?: string };
    if (res.headers.get("x-inngest-sync-kind") === "in_band" && Array.isArray(parsed.functions)) {
      return { ok: true, kind: "in_band", functions: parsed.functions, url: parsed.url ?? appUrl };
    }
    return { ok: true, kind: "out_of_band" };
  } catch (err) {
    return { ok: false, error: `could not sync ${appUrl}: ${(err as Error).message}` };
  }
}
