import { generateKeyPairSync } from "node:crypto";
import { resetEnvCache } from "@/lib/env";
import { resetYouTubeClients } from "@/lib/youtube/shared-clients";
import { clearTokenFailure } from "@/lib/youtube/token-failures";
import type { YouTubeSandbox } from "@/local/youtube/server";

// Tests here switch the YouTube settings in process.env (each test file runs in its own process); the shared
// clients and the recorded token failure are per process, so they are reset with it.

const YOUTUBE_VARS = [
  "YOUTUBE_API_ROOT_URL",
  "YOUTUBE_PARTNER_ROOT_URL",
  "GOOGLE_OAUTH_TOKEN_URL",
  "YOUTUBE_CLIENT_ID",
  "YOUTUBE_CLIENT_SECRET",
  "YOUTUBE_REFRESH_TOKEN",
  "YOUTUBE_SERVICE_ACCOUNT_KEY",
  "YOUTUBE_CONTENT_OWNER_ID",
] as const;

/** Sets exactly these YouTube variables (the others unset) and forgets cached clients, env and failures. */
export function useYouTubeEnv(vars: Partial<Record<(typeof YOUTUBE_VARS)[number], string>>): void {
  for (const name of YOUTUBE_VARS) {
    const value = vars[name];
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  resetEnvCache();
  resetYouTubeClients();
  clearTokenFailure();
}

/** The variables for a sandbox with no credentials set: the app falls back to the sandbox's own. */
export function sandboxEnv(sandbox: YouTubeSandbox) {
  return {
    YOUTUBE_API_ROOT_URL: `${sandbox.url}/`,
    YOUTUBE_PARTNER_ROOT_URL: `${sandbox.url}/`,
    GOOGLE_OAUTH_TOKEN_URL: `${sandbox.url}/token`,
  };
}

export const tokenRequests = (sandbox: YouTubeSandbox) => sandbox.requests().filter((r) => r.method === "POST" && r.path === "/token");

/** A made-up service account JSON key with a real RSA key, so google-auth-library can sign its JWT. */
export function testServiceAccountKey(): string {
  const { privateKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  });
  return JSON.stringify({
    type: "service_account",
    client_email: "catalog-enrichment@example-project.iam.gserviceaccount.com",
    private_key: privateKey,
    private_key_id: "test-key-1",
  });
}
