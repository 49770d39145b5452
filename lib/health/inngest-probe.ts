import { hashedSigningKey } from "@/inngest/signing-key";

const INNGEST_CLOUD_API = "https://api.inngest.com";

/**
 * Lists one recent event through Inngest's REST API. The call is authenticated the way the SDK authenticates
 * its own API calls (the hashed signing key as bearer token), so a wrong key shows up here as an error before
 * the first sync or import fails on it. INNGEST_BASE_URL names the local executor or a self-hosted server.
 */
export async function probeInngestApi(baseUrl: string | undefined, signingKey: string | undefined): Promise<string> {
  if (!signingKey) throw new Error("INNGEST_SIGNING_KEY is unset: Inngest's requests cannot be verified and its API refuses ours");
  const url = new URL("/v1/events?limit=1", baseUrl ?? INNGEST_CLOUD_API);
  const response = await fetch(url, { headers: { authorization: `Bearer ${hashedSigningKey(signingKey)}` }, redirect: "error" });
  // Read, not cancelled: under `next start` the fetch response is a tee of Next's, and cancelling one branch
  // waits for the other, so the probe hung until its timeout.
  await response.arrayBuffer();
  if (response.status === 401 || response.status === 403) {
    throw new Error(`Inngest refused the signing key (HTTP ${response.status}): check INNGEST_SIGNING_KEY`);
  }
  if (!response.ok) throw new Error(`Inngest's API answered HTTP ${response.status}`);
  return url.origin;
}
