import { z } from "zod";

// Every module reads configuration through getEnv(); nothing else touches process.env for settings.
// Unset values select the embedded default (see README "Configuration").
const optionalUrl = z.string().url().optional();
const bool = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((v) => v === "true" || v === "1");

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  APP_URL: z.string().url().default("http://127.0.0.1:3000"),
  DATA_DIR: z.string().default(".data"),
  DATABASE_URL: z.string().optional(),
  AUTH_SECRET: z.string().min(16).optional(),
  ADMIN_EMAIL: z.string().email().optional(),
  ADMIN_PASSWORD: z.string().min(8).optional(),
  AUTH_GOOGLE_ID: z.string().optional(),
  AUTH_GOOGLE_SECRET: z.string().optional(),
  FIREBASE_PROJECT_ID: z.string().optional(),
  /**
   * Firebase sign-in admits existing accounts only, plus these (comma-separated addresses, or `@domain` for a
   * whole domain), who get a `user` account on their first sign-in. Verified e-mail addresses only.
   */
  FIREBASE_ALLOWED_EMAILS: z.string().default(""),
  /**
   * How many reverse proxies in front of the app append to X-Forwarded-For. 0 (default): the client is the
   * TCP peer, and X-Forwarded-For is ignored. N: the client is the Nth address from the right of it.
   */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  FIREBASE_JWKS_URL: z
    .string()
    .url()
    .default("https://www.googleapis.com/service_accounts/v1/jwk/securetoken@system.gserviceaccount.com"),
  S3_ENDPOINT: optionalUrl,
  S3_REGION: z.string().default("us-east-1"),
  S3_BUCKET: z.string().default("catalog-reports"),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  REPORTS_PREFIX: z.string().default("reports/"),
  /** Largest report a browser may upload (bytes); S3's single-PUT limit of 5 GiB is the ceiling. */
  UPLOAD_MAX_BYTES: z.coerce.number().int().positive().default(5 * 1024 ** 3),
  INNGEST_BASE_URL: optionalUrl,
  INNGEST_EVENT_KEY: z.string().optional(),
  INNGEST_SIGNING_KEY: z.string().optional(),
  PUSHER_APP_ID: z.string().optional(),
  PUSHER_KEY: z.string().optional(),
  PUSHER_SECRET: z.string().optional(),
  PUSHER_CLUSTER: z.string().default("mt1"),
  PUSHER_HOST: z.string().optional(),
  PUSHER_PORT: z.coerce.number().int().optional(),
  PUSHER_USE_TLS: bool,
  YOUTUBE_API_ROOT_URL: z.string().url().default("https://youtube.googleapis.com/"),
  YOUTUBE_PARTNER_ROOT_URL: z.string().url().default("https://youtubepartner.googleapis.com/"),
  GOOGLE_OAUTH_TOKEN_URL: z.string().url().default("https://oauth2.googleapis.com/token"),
  YOUTUBE_CLIENT_ID: z.string().optional(),
  YOUTUBE_CLIENT_SECRET: z.string().optional(),
  YOUTUBE_REFRESH_TOKEN: z.string().optional(),
  YOUTUBE_CONTENT_OWNER_ID: z.string().optional(),
  /** A service account's JSON key (the JSON itself, or the path of the key file); used when no refresh token is set. */
  YOUTUBE_SERVICE_ACCOUNT_KEY: z.string().optional(),
  YOUTUBE_DAILY_QUOTA: z.coerce.number().int().positive().default(9500),
  WEBHOOK_SECRET: z.string().optional(),
  SNS_TOPIC_ARN: z.string().optional(),
  /** One more trusted location for SNS signing certificates besides AWS (tests serve their own). */
  SNS_CERT_BASE_URL: z.string().optional(),
  IMPORT_CHUNK_ROWS: z.coerce.number().int().positive().default(250_000),
  IMPORT_MERGE_RANGE_VIDEOS: z.coerce.number().int().positive().default(250_000),
  /** An import adding at least this many new videos, and no fewer than the catalog holds, builds secondary indexes after loading. */
  /** 1: rows are always staged by the staging steps, even when a first import's validation read could stage them itself. */
  IMPORT_STAGING_STEPS_ONLY: bool,
  IMPORT_BULK_LOAD_MIN_VIDEOS: z.coerce.number().int().nonnegative().default(50_000),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function getEnv(): Env {
  if (!cached) {
    const parsed = schema.safeParse(process.env);
    if (!parsed.success) {
      const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
      throw new Error(`Invalid environment configuration:\n${lines.join("\n")}`);
    }
    cached = parsed.data;
  }
  return cached;
}

/** Tests and the launcher change process.env at run time; this makes the next getEnv() re-read it. */
export function resetEnvCache(): void {
  cached = undefined;
}

/** A service is "local" when its endpoint is on this machine (a stand-in), "hosted" otherwise. */
export function serviceMode(url: string | undefined): "local" | "hosted" {
  if (!url) return "hosted";
  const host = new URL(url.includes("://") ? url : `http://${url}`).hostname;
  return ["127.0.0.1", "localhost", "::1", "[::1]", "0.0.0.0"].includes(host) ? "local" : "hosted";
}
