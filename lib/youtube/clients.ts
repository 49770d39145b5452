import { google, type youtube_v3 } from "googleapis";
import { getEnv, serviceMode } from "@/lib/env";
import { createPartnerClient, type PartnerClient } from "./partner-client";
import { serviceAccountClient } from "./service-account";

// Builds the Data API v3 client (googleapis) and our Content ID client on one auth client, pointed at either
// Google or the local sandbox. rootUrl is set per API instance: google.options({rootUrl}) would not redirect.
// The auth clients come from google.auth because googleapis pins its own google-auth-library copy; an instance
// of the top-level package is a different class to its type checks. Build them once per process
// (shared-clients.ts): the auth client caches the access token and renews it before it expires.

export type OAuth2Client = InstanceType<typeof google.auth.OAuth2>;
export type YouTubeAuthMode = "refresh_token" | "service_account";

export interface YouTubeClientOptions {
  apiRootUrl?: string;
  partnerRootUrl?: string;
  tokenUrl?: string;
  clientId?: string;
  clientSecret?: string;
  refreshToken?: string;
  /** A service account's JSON key, or the path of its key file; used when no refresh token is given. */
  serviceAccountKey?: string;
  contentOwnerId?: string;
  /** gaxios' built-in retry (3 tries on 429/5xx, never on 403); off by default so our retry loop decides. */
  retry?: boolean;
  /** Renew the access token this long before it expires (google-auth-library's default: 5 minutes). */
  eagerRefreshThresholdMillis?: number;
}

export interface YouTubeClients {
  data: youtube_v3.Youtube;
  partner: PartnerClient;
  /** An OAuth2Client, or its JWT subclass for a service account. */
  auth: OAuth2Client;
  authMode: YouTubeAuthMode;
  contentOwnerId: string | undefined;
  /** The API root is the local sandbox. */
  sandbox: boolean;
}

export type YouTubeAuth =
  | { mode: "refresh_token"; clientId: string; clientSecret: string; refreshToken: string }
  | { mode: "service_account"; serviceAccountKey: string }
  | { mode: null; missing: string };

// Any refresh token works against the sandbox, so local runs need no secrets; Content ID calls there still
// carry an onBehalfOfContentOwner like every real one.
const SANDBOX = {
  clientId: "sandbox-client",
  clientSecret: "sandbox-secret",
  refreshToken: "sandbox-refresh",
  contentOwnerId: "sandbox-content-owner",
};

/**
 * Which credentials are configured: a CMS user's refresh token wins when set, then a service account key; the
 * sandbox needs neither. Reads only configuration: no network.
 */
export function resolveYouTubeAuth(options: YouTubeClientOptions = {}): YouTubeAuth {
  const env = getEnv();
  const sandbox = isSandbox(options.apiRootUrl);
  const refreshToken = options.refreshToken ?? env.YOUTUBE_REFRESH_TOKEN;
  const serviceAccountKey = options.serviceAccountKey ?? env.YOUTUBE_SERVICE_ACCOUNT_KEY;
  const clientId = options.clientId ?? env.YOUTUBE_CLIENT_ID ?? (sandbox ? SANDBOX.clientId : undefined);
  const clientSecret = options.clientSecret ?? env.YOUTUBE_CLIENT_SECRET ?? (sandbox ? SANDBOX.clientSecret : undefined);
  if (refreshToken || (!serviceAccountKey && sandbox)) {
    if (!clientId || !clientSecret) {
      return { mode: null, missing: "YOUTUBE_REFRESH_TOKEN is set but YOUTUBE_CLIENT_ID and YOUTUBE_CLIENT_SECRET (its OAuth client) are not" };
    }
    return { mode: "refresh_token", clientId, clientSecret, refreshToken: refreshToken ?? SANDBOX.refreshToken };
  }
  if (serviceAccountKey) return { mode: "service_account", serviceAccountKey };
  return {
    mode: null,
    missing: "set YOUTUBE_CLIENT_ID, YOUTUBE_CLIENT_SECRET and YOUTUBE_REFRESH_TOKEN (a CMS user's OAuth grant), or YOUTUBE_SERVICE_ACCOUNT_KEY",
  };
}

/** New clients with their own token cache; most code wants the process-wide ones (getYouTubeClients). */
export function youtubeClients(options: YouTubeClientOptions = {}): YouTubeClients {
  const env = getEnv();
  const apiRootUrl = options.apiRootUrl ?? env.YOUTUBE_API_ROOT_URL;
  const tokenUrl = options.tokenUrl ?? env.GOOGLE_OAUTH_TOKEN_URL;
  const sandbox = isSandbox(apiRootUrl);
  const contentOwnerId = options.contentOwnerId ?? env.YOUTUBE_CONTENT_OWNER_ID ?? (sandbox ? SANDBOX.contentOwnerId : undefined);
  const retry = options.retry ?? false;
  const eagerRefreshThresholdMillis = options.eagerRefreshThresholdMillis;

  const resolved = resolveYouTubeAuth({ ...options, apiRootUrl });
  if (resolved.mode === null) throw new Error(`YouTube is not configured: ${resolved.missing}`);
  let auth: OAuth2Client;
  if (resolved.mode === "service_account") {
    auth = serviceAccountClient(resolved.serviceAccountKey, { tokenUrl, eagerRefreshThresholdMillis });
  } else {
    auth = new google.auth.OAuth2({
      clientId: resolved.clientId,
      clientSecret: resolved.clientSecret,
      endpoints: { oauth2TokenUrl: tokenUrl },
      eagerRefreshThresholdMillis,
    });
    auth.setCredentials({ refresh_token: resolved.refreshToken });
  }
  const data = google.youtube({ version: "v3", auth, rootUrl: apiRootUrl, retry });
  const partnerRootUrl = options.partnerRootUrl ?? env.YOUTUBE_PARTNER_ROOT_URL;
  const partner = createPartnerClient({ auth, rootUrl: partnerRootUrl, contentOwnerId, retry });
  return { data, partner, auth, authMode: resolved.mode, contentOwnerId, sandbox };
}

/** True when the Data API root is on this machine (the sandbox); pass a url or let it read the environment. */
export function isSandbox(rootUrl?: string): boolean {
  return serviceMode(rootUrl ?? getEnv().YOUTUBE_API_ROOT_URL) === "local";
}
