// Error bodies in Google's "JSON API" format ({error:{code,message,errors[],status}}), so that gaxios parses them
// into GaxiosError exactly as it does for the real services and our classifier sees the same fields.

export type FailureMode =
  | "none"
  | "quota_exceeded"
  | "rate_limited"
  | "server_error"
  | "unavailable"
  | "not_found"
  | "invalid_token";

export const FAILURE_MODES: readonly FailureMode[] = [
  "none",
  "quota_exceeded",
  "rate_limited",
  "server_error",
  "unavailable",
  "not_found",
  "invalid_token",
];

export interface GoogleError {
  status: number;
  body: { error: { code: number; message: string; errors: { domain: string; reason: string; message: string }[]; status?: string } };
  headers?: Record<string, string>;
}

export function googleError(code: number, domain: string, reason: string, message: string, status?: string): GoogleError {
  return {
    status: code,
    body: { error: { code, message, errors: [{ domain, reason, message }], ...(status ? { status } : {}) } },
  };
}

const QUOTA_MESSAGE =
  'The request cannot be completed because you have exceeded your <a href="/youtube/v3/getting-started#quota">quota</a>.';

/** The response an API endpoint gives while a failure mode is active. */
export function errorForMode(mode: Exclude<FailureMode, "none">): GoogleError {
  switch (mode) {
    case "quota_exceeded":
      return googleError(403, "youtube.quota", "quotaExceeded", QUOTA_MESSAGE, "PERMISSION_DENIED");
    case "rate_limited":
      // Retry-After is sent because some Google front ends do; gaxios ignores it, our classifier reads it.
      return { ...googleError(429, "usageLimits", "rateLimitExceeded", "Rate Limit Exceeded", "RESOURCE_EXHAUSTED"), headers: { "retry-after": "1" } };
    case "server_error":
      return googleError(500, "global", "backendError", "Backend Error", "INTERNAL");
    case "unavailable":
      return { ...googleError(503, "global", "backendError", "The service is currently unavailable.", "UNAVAILABLE"), headers: { "retry-after": "1" } };
    case "not_found":
      return googleError(404, "global", "notFound", "Requested entity was not found.", "NOT_FOUND");
    case "invalid_token":
      return unauthorized();
  }
}

export function unauthorized(): GoogleError {
  return googleError(
    401,
    "global",
    "authError",
    "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.",
    "UNAUTHENTICATED",
  );
}

export function notFound(what: string): GoogleError {
  return googleError(404, "global", "notFound", `${what} not found.`, "NOT_FOUND");
}

export function badRequest(domain: string, reason: string, message: string): GoogleError {
  return googleError(400, domain, reason, message, "INVALID_ARGUMENT");
}
