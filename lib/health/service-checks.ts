import { HeadBucketCommand } from "@aws-sdk/client-s3";
import { sql } from "drizzle-orm";
import { getDatabase } from "@/lib/db/client";
import { getEnv, serviceMode } from "@/lib/env";
import { getS3Client } from "@/lib/storage/s3-client";

export type ServiceState = { mode: "local" | "hosted"; state: "ok" | "down" | "not_configured"; detail?: string };

const TIMEOUT_MS = 2000;

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what} did not answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS)),
  ]);
}

function failure(mode: ServiceState["mode"], error: unknown): ServiceState {
  return { mode, state: "down", detail: error instanceof Error ? error.message : String(error) };
}

export async function checkDatabase(): Promise<ServiceState & { driver?: string }> {
  try {
    const handle = await withTimeout(getDatabase(), "the database");
    await withTimeout(handle.db.execute(sql`select 1`), "the database");
    return { mode: handle.driver === "pglite" ? "local" : serviceMode(getEnv().DATABASE_URL), state: "ok", driver: handle.driver };
  } catch (error) {
    return failure(serviceMode(getEnv().DATABASE_URL), error);
  }
}

export async function checkStorage(): Promise<ServiceState> {
  const env = getEnv();
  const mode = serviceMode(env.S3_ENDPOINT);
  try {
    await withTimeout(getS3Client().send(new HeadBucketCommand({ Bucket: env.S3_BUCKET })), "the report bucket");
    return { mode, state: "ok", detail: `bucket ${env.S3_BUCKET}` };
  } catch (error) {
    return failure(mode, error);
  }
}

/** Any HTTP answer means the service is up; hosted services are only reported as configured or not. */
async function probe(url: string | undefined, configured: boolean): Promise<ServiceState> {
  const mode = serviceMode(url);
  if (!configured) return { mode, state: "not_configured" };
  if (mode === "hosted" || !url) return { mode, state: "ok", detail: "configured" };
  try {
    await withTimeout(fetch(url, { method: "GET" }), url);
    return { mode, state: "ok" };
  } catch (error) {
    return failure(mode, error);
  }
}

export function checkBackgroundJobs(): Promise<ServiceState> {
  const env = getEnv();
  const url = env.INNGEST_BASE_URL;
  return probe(url ? new URL("/health", url).toString() : undefined, Boolean(url || env.INNGEST_SIGNING_KEY));
}

export function checkRealtime(): Promise<ServiceState> {
  const env = getEnv();
  const url = env.PUSHER_HOST ? `${env.PUSHER_USE_TLS ? "https" : "http"}://${env.PUSHER_HOST}:${env.PUSHER_PORT ?? 443}/` : undefined;
  return probe(url, Boolean(env.PUSHER_KEY && env.PUSHER_SECRET));
}

export function checkYouTube(): Promise<ServiceState> {
  const env = getEnv();
  const configured = Boolean(env.YOUTUBE_REFRESH_TOKEN || serviceMode(env.YOUTUBE_API_ROOT_URL) === "local");
  return probe(env.YOUTUBE_API_ROOT_URL, configured);
}
