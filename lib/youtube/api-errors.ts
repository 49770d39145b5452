// Turns whatever a googleapis / OAuth2Client call threw into the one decision callers need: stop for the day
// (quota), back off (rate limit, transient), skip the item (not found), fix credentials (auth), or give up.
// The reason is read from the Google error body: gaxios 7/8 leave `err.errors` undefined, and HTTP status alone
// cannot tell quotaExceeded from rateLimitExceeded (both may be 403).

export type YouTubeErrorKind = "quota_exceeded" | "rate_limited" | "transient" | "not_found" | "auth" | "other";

export interface ClassifiedYouTubeError {
  kind: YouTubeErrorKind;
  /** From a Retry-After header, when the server sent one. */
  retryAfterMs?: number;
  status?: number;
  reason?: string;
  message: string;
}

const QUOTA_REASONS = new Set(["quotaExceeded", "dailyLimitExceeded"]);
const RATE_REASONS = new Set(["rateLimitExceeded", "userRateLimitExceeded", "servingLimitExceeded"]);
const AUTH_REASONS = new Set(["authError", "invalidCredentials", "unauthorized"]);
const OAUTH_AUTH_ERRORS = new Set(["invalid_grant", "invalid_client", "unauthorized_client", "invalid_token"]);
const NETWORK_CODES = new Set(["ECONNRESET", "ECONNREFUSED", "ETIMEDOUT", "EPIPE", "EAI_AGAIN", "ENOTFOUND", "UND_ERR_SOCKET"]);

interface ErrorLike {
  message?: string;
  code?: unknown;
  status?: number;
  cause?: unknown;
  response?: { status?: number; headers?: unknown; data?: unknown };
}

export function classifyYouTubeError(error: unknown): ClassifiedYouTubeError {
  const e = (error ?? {}) as ErrorLike;
  const message = e.message ?? String(error);
  const status = e.response?.status ?? e.status ?? (typeof e.code === "number" ? e.code : undefined);
  const data = e.response?.data as { error?: unknown } | undefined;
  // Google API errors: {error:{errors:[{reason}]}}; OAuth token endpoint errors: {error:"invalid_grant"}.
  const apiError = typeof data?.error === "object" ? (data.error as { errors?: { reason?: string }[]; status?: string }) : undefined;
  const reason = apiError?.errors?.[0]?.reason ?? (typeof data?.error === "string" ? data.error : undefined);
  const base = { status, reason, message };
  const retryAfterMs = parseRetryAfter(readHeader(e.response?.headers, "retry-after"));
  const withRetry = retryAfterMs === undefined ? base : { ...base, retryAfterMs };

  if (reason && QUOTA_REASONS.has(reason)) return { kind: "quota_exceeded", ...base };
  if ((reason && RATE_REASONS.has(reason)) || status === 429) return { kind: "rate_limited", ...withRetry };
  if (status === 401 || (reason && (AUTH_REASONS.has(reason) || OAUTH_AUTH_ERRORS.has(reason)))) return { kind: "auth", ...base };
  if (status === 404 || reason === "notFound") return { kind: "not_found", ...base };
  if (status !== undefined && (status >= 500 || status === 408)) return { kind: "transient", ...withRetry };
  if (status === undefined && isNetworkError(e)) return { kind: "transient", ...base };
  return { kind: "other", ...base };
}

function isNetworkError(e: ErrorLike): boolean {
  const codes = [e.code, (e.cause as ErrorLike | undefined)?.code];
  return codes.some((c) => typeof c === "string" && NETWORK_CODES.has(c)) || /fetch failed|socket hang up/i.test(e.message ?? "");
}

// gaxios 7+ exposes fetch Headers; older versions a plain object.
function readHeader(headers: unknown, name: string): string | undefined {
  if (!headers) return undefined;
  if (typeof (headers as Headers).get === "function") return (headers as Headers).get(name) ?? undefined;
  const value = (headers as Record<string, unknown>)[name];
  return typeof value === "string" ? value : undefined;
}

function parseRetryAfter(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
