import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, useDatabase } from "@/lib/db/client";
import { resetEnvCache } from "@/lib/env";
import { resetPusherCache } from "@/lib/realtime/pusher-server";
import { startPusherServer, type RunningPusherServer } from "@/local/pusher/server";
import { startExecutor, type ExecutorHandle } from "@/local/inngest/executor";
import { startYouTubeSandbox, type YouTubeSandbox } from "@/local/youtube/server";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/db";
import { startTestS3 } from "@/tests/helpers/local-s3";
import { createTestUser, sessionCookie, type TestUser } from "@/tests/helpers/session";
import { GET } from "@/app/health/route";

// F14 with every service behind a real stand-in: anonymous callers see states only, admins the details, and a
// failing service is found by a real call to it, local or hosted, never reported "ok" because it is configured.
const SERVICES = ["background_jobs", "database", "realtime", "storage", "youtube"];
const signingKey = `signkey-test-${"4ea1".repeat(16)}`;
let database: TestDatabase;
let s3: Awaited<ReturnType<typeof startTestS3>>;
let pusher: RunningPusherServer;
let executor: ExecutorHandle;
let youtube: YouTubeSandbox;
let dataDir: string;
let admin: TestUser;
let user: TestUser;
let closedPort: number;

type Body = { status: string; database: string; services: Record<string, { mode?: string; state: string; detail?: string; driver?: string }> };

async function health(as?: TestUser): Promise<{ status: number; body: Body }> {
  const headers: Record<string, string> = as ? { cookie: await sessionCookie(as) } : {};
  const response = await GET(new Request("http://127.0.0.1:3000/health", { headers }));
  return { status: response.status, body: (await response.json()) as Body };
}

/** Runs `fn` with some env vars changed (undefined = unset), then puts them back. */
async function withEnv<T>(vars: Record<string, string | undefined>, fn: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  const apply = (values: Record<string, string | undefined>) => {
    for (const [k, v] of Object.entries(values)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    resetEnvCache();
    resetPusherCache();
  };
  apply(vars);
  try {
    return await fn();
  } finally {
    apply(saved);
  }
}

beforeAll(async () => {
  s3 = await startTestS3();
  database = await createTestDatabase({ install: true });
  pusher = await startPusherServer({ port: 0, appId: "health-app", key: "health-key", secret: "health-secret" });
  dataDir = mkdtempSync(path.join(tmpdir(), "health-"));
  executor = await startExecutor({ port: 0, appUrl: "http://127.0.0.1:9/api/inngest", signingKey, eventKey: "k", dataDir, resyncMs: 600_000, log: () => {} });
  youtube = await startYouTubeSandbox();
  const closed = http.createServer();
  await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
  closedPort = (closed.address() as AddressInfo).port;
  await new Promise((r) => closed.close(r));
  Object.assign(process.env, {
    PUSHER_APP_ID: "health-app", PUSHER_KEY: "health-key", PUSHER_SECRET: "health-secret",
    PUSHER_HOST: "127.0.0.1", PUSHER_PORT: String(pusher.port), PUSHER_USE_TLS: "false",
    INNGEST_BASE_URL: executor.url, INNGEST_SIGNING_KEY: signingKey,
    YOUTUBE_API_ROOT_URL: `${youtube.url}/`, YOUTUBE_PARTNER_ROOT_URL: `${youtube.url}/`, GOOGLE_OAUTH_TOKEN_URL: `${youtube.url}/token`,
  });
  resetEnvCache();
  resetPusherCache();
  admin = await createTestUser(database.db, { role: "admin" });
  user = await createTestUser(database.db, { role: "user" });
}, 60_000);
afterAll(async () => {
  await executor?.stop();
  await pusher?.stop();
  await youtube?.stop();
  await database?.drop();
  await s3?.cleanup();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("GET /health", () => {
  it("tells anonymous callers and plain users the states only", async () => {
    for (const caller of [undefined, user]) {
      const { status, body } = await health(caller);
      expect(status).toBe(200);
      expect(Object.keys(body).sort()).toEqual(["database", "response_time_seconds", "services", "status", "timestamp", "version"]);
      expect(body).toMatchObject({ status: "healthy", database: "connected" });
      expect(Object.keys(body.services).sort()).toEqual(SERVICES);
      for (const name of SERVICES) expect(body.services[name], name).toEqual({ state: "ok" });
    }
  });

  it("gives admins each service's mode and details", async () => {
    const { body } = await health(admin);
    for (const name of SERVICES) expect(body.services[name], name).toMatchObject({ mode: "local", state: "ok" });
    expect(body.services.database).toMatchObject({ driver: expect.any(String), detail: expect.any(String) });
    expect(body.services.storage.detail).toBe("bucket catalog-test-reports");
  });

  it("probes each service for real: a wrong secret, key, bucket or revoked grant is an error", async () => {
    await withEnv({ S3_BUCKET: "no-such-bucket", PUSHER_SECRET: "wrong-secret", INNGEST_SIGNING_KEY: `signkey-test-${"0bad".repeat(16)}` }, async () => {
      youtube.setFailure("invalid_token", { count: 1 });
      const anonymous = await health();
      expect(anonymous.status).toBe(200);
      for (const name of ["storage", "realtime", "background_jobs", "youtube"]) expect(anonymous.body.services[name], name).toEqual({ state: "error" });
      expect(JSON.stringify(anonymous.body)).not.toMatch(/no-such-bucket|signing key|secret|invalid_grant/i);

      youtube.setFailure("invalid_token", { count: 1 });
      const { body } = await health(admin);
      expect(body.services.storage).toMatchObject({ state: "error", detail: expect.stringMatching(/404/) });
      expect(body.services.realtime).toMatchObject({ state: "error", detail: expect.stringMatching(/401/) });
      expect(body.services.background_jobs).toMatchObject({ state: "error", detail: expect.stringMatching(/INNGEST_SIGNING_KEY/) });
      expect(body.services.youtube).toMatchObject({ state: "error", detail: expect.stringMatching(/invalid_grant|expired or revoked/) });
      expect(body.services.database.state).toBe("ok");
    });
  });

  it("probes hosted services too: unreachable hosts are errors, not 'configured'", async () => {
    // 127.0.0.2 is not a name serviceMode treats as this machine, so every service below counts as hosted.
    const hosted = `http://127.0.0.2:${closedPort}`;
    const vars = {
      S3_ENDPOINT: hosted, PUSHER_HOST: "127.0.0.2", PUSHER_PORT: String(closedPort), INNGEST_BASE_URL: hosted,
      YOUTUBE_API_ROOT_URL: `${hosted}/`, YOUTUBE_PARTNER_ROOT_URL: `${hosted}/`, GOOGLE_OAUTH_TOKEN_URL: `${hosted}/token`,
      YOUTUBE_CLIENT_ID: "client", YOUTUBE_CLIENT_SECRET: "secret", YOUTUBE_REFRESH_TOKEN: "refresh",
    };
    await withEnv(vars, async () => {
      const { status, body } = await health(admin);
      expect(status).toBe(200);
      for (const name of ["storage", "realtime", "background_jobs", "youtube"]) {
        expect(body.services[name], name).toMatchObject({ mode: "hosted", state: "error", detail: expect.any(String) });
      }
    });
  }, 20_000);

  it("names services without configuration as not configured", async () => {
    const vars = { PUSHER_KEY: undefined, INNGEST_BASE_URL: undefined, INNGEST_SIGNING_KEY: undefined, YOUTUBE_API_ROOT_URL: "https://youtube.googleapis.com/", YOUTUBE_REFRESH_TOKEN: undefined };
    await withEnv(vars, async () => {
      const { body } = await health();
      for (const name of ["realtime", "background_jobs", "youtube"]) expect(body.services[name], name).toEqual({ state: "not_configured" });
    });
  });

  it("shares one round of probes between callers arriving together", async () => {
    const [a, b] = await Promise.all([health(), health()]);
    expect(a.body).toEqual(b.body);
  });

  it("answers 503 with database disconnected when the database does not answer", async () => {
    // A server nobody listens on: the driver is real, the connection fails.
    const unreachable = await createDatabase({ url: `postgres://nobody@127.0.0.1:${closedPort}/none` });
    useDatabase(unreachable);
    try {
      const anonymous = await health();
      expect(anonymous.status).toBe(503);
      expect(anonymous.body).toMatchObject({ status: "unhealthy", database: "disconnected", services: { database: { state: "error" } } });
      expect(anonymous.body.services.database).toEqual({ state: "error" });
      // The admin's session cannot be checked without the database: details stay hidden.
      expect((await health(admin)).body.services.database).toEqual({ state: "error" });
    } finally {
      useDatabase(database);
      await unreachable.close();
    }
  });
});
