// The shape of a dashboard token, without anything server-only: middleware and the page read it too.
// "dsh_" says what the secret is when it turns up in a log or a URL; 32 random bytes make it unguessable.

export const DASHBOARD_TOKEN_PREFIX = "dsh_";
/** 32 bytes in base64url are 43 characters. */
const TOKEN_SHAPE = /^dsh_[A-Za-z0-9_-]{43}$/;
/** How much of a token the admin list shows: the "dsh_" marker and 8 characters of the secret. */
export const DASHBOARD_TOKEN_PREFIX_LENGTH = 12;

export function looksLikeDashboardToken(value: unknown): value is string {
  return typeof value === "string" && TOKEN_SHAPE.test(value);
}

/** The token carried by `Authorization: Bearer dsh_…`, or null when the header holds something else (a session). */
export function dashboardTokenFromAuthorization(header: string | null): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(header?.trim() ?? "");
  return match && match[1].startsWith(DASHBOARD_TOKEN_PREFIX) ? match[1] : null;
}
