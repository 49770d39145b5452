import { randomBytes } from "node:crypto";

// Google's OAuth token endpoint as the sandbox plays it: a refresh-token grant (a CMS user's OAuth client) or a
// JWT-bearer grant (a service account's signed assertion). Any refresh token and any well-formed assertion is
// accepted, so local runs need no secrets; the sandbox cannot check a service account's signature (it has no
// public key), so it checks the claims Google would read. Access tokens expire after a settable lifetime, and
// the API answers 401 to an expired one, so a client that renews late is caught.

export const DEFAULT_TOKEN_LIFETIME_SECONDS = 3600;
const JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";

export type TokenAnswer = { status: number; body: Record<string, unknown> };

export class TokenIssuer {
  private lifetimeSeconds = DEFAULT_TOKEN_LIFETIME_SECONDS;
  private readonly expiries = new Map<string, number>();

  setLifetime(seconds: number): void {
    if (!Number.isInteger(seconds) || seconds < 1) throw new Error("expires_in must be a positive whole number of seconds");
    this.lifetimeSeconds = seconds;
  }

  lifetime(): number {
    return this.lifetimeSeconds;
  }

  /** Every access token handed out so far, oldest first. */
  issued(): string[] {
    return [...this.expiries.keys()];
  }

  isValid(token: string | undefined, now = Date.now()): boolean {
    const expiry = token ? this.expiries.get(token) : undefined;
    return expiry !== undefined && now < expiry;
  }

  /** Answers a POST /token form body. */
  grant(form: URLSearchParams): TokenAnswer {
    const grantType = form.get("grant_type");
    if (grantType === "refresh_token") {
      if (!form.get("refresh_token")) return oauthError(400, "invalid_request", "Missing required parameter: refresh_token");
      if (!form.get("client_id")) return oauthError(401, "invalid_client", "The OAuth client was not found.");
      return this.issue("https://www.googleapis.com/auth/youtubepartner");
    }
    if (grantType === JWT_BEARER) {
      const claims = readAssertion(form.get("assertion"));
      if (!claims || typeof claims.iss !== "string" || typeof claims.scope !== "string" || typeof claims.aud !== "string") {
        return oauthError(400, "invalid_grant", "Invalid JWT: the assertion needs iss, scope and aud claims.");
      }
      if (typeof claims.exp === "number" && claims.exp * 1000 < Date.now()) {
        return oauthError(400, "invalid_grant", "Invalid JWT: Token must be a short-lived token and in a reasonable timeframe.");
      }
      return this.issue(claims.scope);
    }
    return oauthError(400, "unsupported_grant_type", "Invalid grant_type.");
  }

  private issue(scope: string): TokenAnswer {
    const token = `ya29.sandbox-${randomBytes(12).toString("hex")}`;
    this.expiries.set(token, Date.now() + this.lifetimeSeconds * 1000);
    return { status: 200, body: { access_token: token, expires_in: this.lifetimeSeconds, token_type: "Bearer", scope } };
  }
}

/** OAuth errors use the RFC 6749 shape ({error, error_description}), not Google's API error shape. */
export function oauthError(status: number, error: string, description: string): TokenAnswer {
  return { status, body: { error, error_description: description } };
}

function readAssertion(assertion: string | null): Record<string, unknown> | undefined {
  const parts = assertion?.split(".");
  if (!parts || parts.length !== 3) return undefined;
  try {
    return JSON.parse(Buffer.from(parts[1], "base64url").toString("utf8")) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}
