import { classifyYouTubeError } from "./api-errors";
import type { YouTubeAuthMode } from "./clients";

// The last token failure anyone in this process saw (the drain records what Google answered it), until Google
// next answers our auth client successfully: a fresh token or an accepted API call means the failure is over.
// Kept on globalThis because Next.js may load this module once per bundle layer (pages, route handlers) in the
// same process, and the Admin page must see what the drain recorded.

type Failure = { reason: string; at: Date };
const KEY = Symbol.for("catalog.youtube.tokenFailure");
const store = () => ((globalThis as Record<symbol, { last?: Failure }>)[KEY] ??= {});

export function recordTokenFailure(reason: string, at: Date = new Date()): void {
  store().last = { reason: redactSecrets(reason), at };
}

export function lastTokenFailure(): Failure | undefined {
  return store().last;
}

/** Google answered successfully at `at`: a failure recorded before then no longer describes the token. */
export function noteGoogleAnswered(at: Date = new Date()): void {
  const last = store().last;
  if (last && last.at.getTime() <= at.getTime()) store().last = undefined;
}

export function clearTokenFailure(): void {
  store().last = undefined;
}

/** What went wrong with the token, in words an admin can act on. Never includes a token or a secret. */
export function describeTokenError(error: unknown, auth: YouTubeAuthMode | null): string {
  const e = classifyYouTubeError(error);
  const data = (error as { response?: { data?: { error_description?: unknown } } } | undefined)?.response?.data;
  const detail = typeof data?.error_description === "string" ? `: ${data.error_description}` : "";
  const code = `${e.reason ?? `HTTP ${e.status ?? "error"}`}${detail}`;
  const serviceAccount = auth === "service_account";
  switch (e.reason) {
    case "invalid_grant":
      return serviceAccount
        ? `Google refused the service account's token request (${code}): check that the key in YOUTUBE_SERVICE_ACCOUNT_KEY is still active and the server clock is right`
        : `Google refused the refresh token (${code}): create a new one for the CMS user and set YOUTUBE_REFRESH_TOKEN`;
    case "invalid_client":
    case "unauthorized_client":
      return serviceAccount
        ? `Google does not accept the service account (${code}): check that its key in YOUTUBE_SERVICE_ACCOUNT_KEY has not been deleted`
        : `Google does not accept the OAuth client (${code}): check YOUTUBE_CLIENT_ID and YOUTUBE_CLIENT_SECRET`;
  }
  if (e.kind === "auth") {
    return `Google refused the access token (${code}): the next call fetches a new one; if this repeats, the grant was revoked`;
  }
  if (e.kind === "transient") {
    return `Could not get an answer from Google (${redactSecrets(e.message)}): the token is fetched again on the next call`;
  }
  return `Getting an access token failed (${code}): ${redactSecrets(e.message)}`;
}

// Belt and braces for messages that come from libraries: Google access tokens start "ya29.", refresh tokens "1//".
function redactSecrets(text: string): string {
  return text.replace(/ya29\.[\w.-]+/g, "[access token]").replace(/1\/\/[\w-]{10,}/g, "[refresh token]");
}
