import { HeadBucketCommand } from "@aws-sdk/client-s3";
import { sql } from "drizzle-orm";
import { getDatabase } from "@/lib/db/client";
import { getEnv, serviceMode } from "@/lib/env";
import { getS3Client } from "@/lib/storage/s3-client";
import { getPusher } from "@/lib/realtime/pusher-server";
import { isSandbox, resolveYouTubeAuth, youtubeClients } from "@/lib/youtube/clients";
import { probeInngestApi } from "./inngest-probe";

// Each check makes one real, authenticated call the app itself depends on, the same for a local stand-in and
// the hosted service: `mode` only says which one it reached. A hosted service is never reported "ok" unasked.

export type ServiceState = { mode: "local" | "hosted"; state: "ok" | "error" | "not_configured"; detail?: string };

const TIMEOUT_MS = 2000;

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** What went wrong, for admins: the SDKs' own messages, plus the HTTP status when one came back. */
function failure(mode: ServiceState["mode"], error: unknown): ServiceState {
  const e = error as { name?: string; message?: string; $metadata?: { httpStatusCode?: number }; status?: number };
  const status = e?.$metadata?.httpStatusCode ?? e?.status;
  const message = e?.message || e?.name || String(error);
  return { mode, state: "error", detail: status ? `${message} (HTTP ${status})` : message };
}

async function check(mode: ServiceState["mode"], what: string, probe: () => Promise<string | undefined>): Promise<ServiceState> {
  try {
    const detail = await withTimeout(probe(), what);
    return detail ? { mode, state: "ok", detail } : { mode, state: "ok" };
  } catch (error) {
    return failure(mode, error);
  }
}

export async function checkDatabase(): Promise<ServiceState & { driver?: string }> {
  const url = getEnv().DATABASE_URL;
  // Unset, memory:// and file:// are the embedded PGlite.
  const mode = !url || /^(memory|file):\/\//.test(url) ? "local" : serviceMode(url);
  let driver: string | undefined;
  const state = await check(mode, "the database", async () => {
    const handle = await getDatabase();
    driver = handle.driver;
    await handle.db.execute(sql`select 1`);
    return handle.label;
  });
  return driver ? { ...state, driver } : state;
}

/** HeadBucket on the reports bucket: endpoint, credentials and the bucket itself in one call. */
export function checkStorage(): Promise<ServiceState> {
  const env = getEnv();
  return check(serviceMode(env.S3_ENDPOINT), "the report bucket", async () => {
    await getS3Client().send(new HeadBucketCommand({ Bucket: env.S3_BUCKET }));
    return `bucket ${env.S3_BUCKET}`;
  });
}

/** Inngest's REST API, authenticated with the signing key (the local executor serves the same endpoint). */
export function checkBackgroundJobs(): Promise<ServiceState> {
  const env = getEnv();
  const mode = serviceMode(env.INNGEST_BASE_URL);
  if (!env.INNGEST_BASE_URL && !env.INNGEST_SIGNING_KEY) return Promise.resolve({ mode, state: "not_configured" });
  return check(mode, "Inngest", () => probeInngestApi(env.INNGEST_BASE_URL, env.INNGEST_SIGNING_KEY));
}

/** A signed channels query on the Pusher HTTP API: host, app id, key and secret must all be right. */
export function checkRealtime(): Promise<ServiceState> {
  const env = getEnv();
  const mode = env.PUSHER_HOST ? serviceMode(`http://${env.PUSHER_HOST}`) : "hosted";
  const pusher = getPusher();
  if (!pusher) return Promise.resolve({ mode, state: "not_configured" });
  return check(mode, "Pusher", async () => {
    await pusher.get({ path: "/channels" });
    return env.PUSHER_HOST ? `${env.PUSHER_HOST}:${env.PUSHER_PORT ?? 443}` : `cluster ${env.PUSHER_CLUSTER}`;
  });
}

/**
 * A fresh access token from the content owner's refresh token or service account: proves the grant still works
 * without spending any of the daily Data API quota (every Data API call costs units).
 */
export function checkYouTube(): Promise<ServiceState> {
  const env = getEnv();
  const mode = serviceMode(env.YOUTUBE_API_ROOT_URL);
  if (resolveYouTubeAuth().mode === null) return Promise.resolve({ mode, state: "not_configured" });
  return check(mode, "YouTube", async () => {
    const { token } = await youtubeClients().auth.getAccessToken();
    if (!token) throw new Error("the OAuth token endpoint returned no access token");
    return isSandbox() ? "sandbox" : undefined;
  });
}
