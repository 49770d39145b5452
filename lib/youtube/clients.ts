import { google, type youtube_v3 } from "googleapis";
import { getEnv, serviceMode } from "@/lib/env";
import { createPartnerClient, type PartnerClient } from "./partner-client";

// Builds the Data API v3 client (googleapis) and our Content ID client on one OAuth2Client, pointed at either
// Google or the local sandbox. rootUrl is set per API instance: google.options({rootUrl}) would not redirect.
// The OAuth2Client comes from google.auth because googleapis pins its own google-auth-library copy; an instance
// of the top-level package is a different class to its type checks.

export type OAuth2Client = InstanceType<typeof google.auth.OAuth2>;

export interface YouTubeClientOptions {
  apiRootUrl?: string;
  partnerRootUrl?: string;
  tokenUrl?: string;
  clientId?: string;
  clientSecret?: string;
  refreshToken?: string;
  contentOwnerId?: string;
  /** gaxios' built-in retry (3 tries on 429/5xx, never on 403); off by default so our retry loop decides. */
  retry?: boolean;
}

export interface YouTubeClients {
  data: youtube_v3.Youtube;
  partner: PartnerClient;
  auth: OAuth2Client;
  contentOwnerId: string | undefined;
}

// Any refresh token works against the sandbox, so local runs need no secrets.
const SANDBOX_CREDENTIALS = { clientId: "sandbox-client", clientSecret: "sandbox-secret", refreshToken: "sandbox-refresh" };

function resolveOptions(options: YouTubeClientOptions) {
  const env = getEnv();
  const apiRootUrl = options.apiRootUrl ?? env.YOUTUBE_API_ROOT_URL;
  const resolved = {
    apiRootUrl,
    partnerRootUrl: options.partnerRootUrl ?? env.YOUTUBE_PARTNER_ROOT_URL,
    tokenUrl: options.tokenUrl ?? env.GOOGLE_OAUTH_TOKEN_URL,
    clientId: options.clientId ?? env.YOUTUBE_CLIENT_ID,
    clientSecret: options.clientSecret ?? env.YOUTUBE_CLIENT_SECRET,
    refreshToken: options.refreshToken ?? env.YOUTUBE_REFRESH_TOKEN,
    contentOwnerId: options.contentOwnerId ?? env.YOUTUBE_CONTENT_OWNER_ID,
    retry: options.retry ?? false,
  };
  if (isSandbox(apiRootUrl)) {
    resolved.clientId ??= SANDBOX_CREDENTIALS.clientId;
    resolved.clientSecret ??= SANDBOX_CREDENTIALS.clientSecret;
    resolved.refreshToken ??= SANDBOX_CREDENTIALS.refreshToken;
  }
  if (!resolved.clientId || !resolved.clientSecret || !resolved.refreshToken) {
    throw new Error("YouTube is not configured: set YOUTUBE_CLIENT_ID, YOUTUBE_CLIENT_SECRET and YOUTUBE_REFRESH_TOKEN");
  }
  return resolved as typeof resolved & { clientId: string; clientSecret: string; refreshToken: string };
}

export function youtubeClients(options: YouTubeClientOptions = {}): YouTubeClients {
  const o = resolveOptions(options);
  const auth = new google.auth.OAuth2({
    clientId: o.clientId,
    clientSecret: o.clientSecret,
    endpoints: { oauth2TokenUrl: o.tokenUrl },
  });
  auth.setCredentials({ refresh_token: o.refreshToken });
  const data = google.youtube({ version: "v3", auth, rootUrl: o.apiRootUrl, retry: o.retry });
  const partner = createPartnerClient({ auth, rootUrl: o.partnerRootUrl, contentOwnerId: o.contentOwnerId, retry: o.retry });
  return { data, partner, auth, contentOwnerId: o.contentOwnerId };
}

/** True when the Data API root is on this machine (the sandbox); pass a url or let it read the environment. */
export function isSandbox(rootUrl?: string): boolean {
  return serviceMode(rootUrl ?? getEnv().YOUTUBE_API_ROOT_URL) === "local";
}
