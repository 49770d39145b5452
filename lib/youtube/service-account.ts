import { readFileSync } from "node:fs";
import { google } from "googleapis";

// Service-account auth: the content owner adds the service account as a user of its CMS account, and we sign a
// JWT with its key to get access tokens (google-auth-library's JWT client). Error messages never echo the key
// value: a mistyped "path" may well be a pasted secret.

export const YOUTUBE_SCOPES = [
  "https://www.googleapis.com/auth/youtubepartner",
  "https://www.googleapis.com/auth/youtube.readonly",
];

/** gtoken posts service-account grants here and offers no option to change it. */
export const GOOGLE_TOKEN_URL = "https://oauth2.googleapis.com/token";

export type JwtClient = InstanceType<typeof google.auth.JWT>;

interface ServiceAccountKey {
  client_email: string;
  private_key: string;
  private_key_id?: string;
}

/** The key from YOUTUBE_SERVICE_ACCOUNT_KEY: the JSON itself, or the path of the JSON key file. */
export function readServiceAccountKey(value: string): ServiceAccountKey {
  let text = value.trim();
  if (!text.startsWith("{")) {
    try {
      text = readFileSync(text, "utf8");
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? "unreadable";
      throw new Error(`YOUTUBE_SERVICE_ACCOUNT_KEY names a key file that cannot be read (${code}): give the JSON key or its file path`);
    }
  }
  let key: Partial<ServiceAccountKey>;
  try {
    key = JSON.parse(text) as Partial<ServiceAccountKey>;
  } catch {
    throw new Error("YOUTUBE_SERVICE_ACCOUNT_KEY is not valid JSON: use the service account's JSON key as downloaded from Google Cloud");
  }
  if (typeof key.client_email !== "string" || typeof key.private_key !== "string") {
    throw new Error("YOUTUBE_SERVICE_ACCOUNT_KEY has no client_email or private_key: use a service account key (type \"service_account\")");
  }
  return { client_email: key.client_email, private_key: key.private_key, private_key_id: key.private_key_id };
}

export function serviceAccountClient(keyValue: string, o: { tokenUrl: string; eagerRefreshThresholdMillis?: number }): JwtClient {
  const key = readServiceAccountKey(keyValue);
  const jwt = new google.auth.JWT({
    email: key.client_email,
    key: key.private_key,
    keyId: key.private_key_id,
    scopes: YOUTUBE_SCOPES,
    eagerRefreshThresholdMillis: o.eagerRefreshThresholdMillis,
  });
  if (o.tokenUrl !== GOOGLE_TOKEN_URL) redirectTokenRequests(jwt, o.tokenUrl);
  return jwt;
}

// GOOGLE_OAUTH_TOKEN_URL applies to both kinds of auth. gtoken sends its grant through the client's own
// transporter, so rewriting that one URL there points service-account grants at another endpoint (the sandbox).
function redirectTokenRequests(jwt: JwtClient, tokenUrl: string): void {
  jwt.transporter.interceptors.request.add({
    resolved: async (options) => {
      if (String(options.url) === GOOGLE_TOKEN_URL) options.url = new URL(tokenUrl);
      return options;
    },
  });
}
