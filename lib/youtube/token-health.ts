import { isSandbox, resolveYouTubeAuth, type OAuth2Client, type YouTubeAuthMode } from "./clients";
import { getYouTubeClients } from "./shared-clients";
import { describeTokenError, lastTokenFailure } from "./token-failures";

// Whether the app can talk to Google right now, for the Admin page and GET /api/get-token: the shared clients'
// access token (cached, so a check costs no token request while the token is fresh and never any API quota),
// plus the last failure the drain recorded if Google has not answered us successfully since. Only states,
// times and reasons leave this module — never the token or a secret.

export { describeTokenError, recordTokenFailure } from "./token-failures";

export type TokenHealth = {
  state: "ok" | "failing" | "not_configured";
  mode: "sandbox" | "google";
  auth: YouTubeAuthMode | null;
  reason?: string;
  /** When the cached access token expires (it is renewed about 5 minutes before). */
  expiresAt?: string;
  /** When the recorded failure happened, if the reason is one the drain recorded. */
  failedAt?: string;
  /** The onBehalfOfContentOwner every Content ID call carries (an id, not a secret); absent when not set. */
  contentOwnerId?: string;
  checkedAt: string;
};

/** `renew`: fetch a new access token even if the cached one is still good (proves the grant still works). */
export async function checkTokenHealth(options: { renew?: boolean } = {}): Promise<TokenHealth> {
  const checkedAt = new Date().toISOString();
  const mode = isSandbox() ? "sandbox" : "google";
  const configured = resolveYouTubeAuth();
  if (configured.mode === null) {
    return { state: "not_configured", mode, auth: null, reason: `YouTube is not configured: ${configured.missing}`, checkedAt };
  }
  const auth = configured.mode;
  let client: OAuth2Client;
  let contentOwnerId: string | undefined;
  try {
    ({ auth: client, contentOwnerId } = getYouTubeClients());
  } catch (error) {
    // Our own configuration messages (e.g. an unreadable service account key); they never quote the secret.
    return { state: "failing", mode, auth, reason: (error as Error).message, checkedAt };
  }
  try {
    if (options.renew) client.credentials = { ...client.credentials, expiry_date: 1 };
    await client.getAccessToken();
  } catch (error) {
    return { state: "failing", mode, auth, reason: describeTokenError(error, auth), contentOwnerId, checkedAt };
  }
  const expiry = client.credentials.expiry_date;
  const expiresAt = expiry ? new Date(expiry).toISOString() : undefined;
  const failure = lastTokenFailure();
  if (failure) {
    return { state: "failing", mode, auth, reason: failure.reason, failedAt: failure.at.toISOString(), expiresAt, contentOwnerId, checkedAt };
  }
  return { state: "ok", mode, auth, expiresAt, contentOwnerId, checkedAt };
}
