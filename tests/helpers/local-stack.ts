import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { resetEnvCache } from "@/lib/env";
import { startPusherServer } from "@/local/pusher/server";
import { startExecutor, type ExecutorHandle } from "@/local/inngest/executor";
import { serveRouteHandlers, type RouteServer } from "@/local/http/serve-route-handlers";
import { createTestDatabase, type TestDatabase } from "./db";
import { startTestS3 } from "./local-s3";

export const stackSecrets = {
  pusher: { appId: "stack-app", key: "stack-key", secret: "stack-secret" },
  signingKey: `signkey-test-${randomBytes(16).toString("hex")}`,
  eventKey: "stack-event-key",
  webhookSecret: "stack-webhook-secret",
};

export type LocalStack = {
  database: TestDatabase;
  s3: Awaited<ReturnType<typeof startTestS3>>;
  pusher: Awaited<ReturnType<typeof startPusherServer>>;
  app: RouteServer;
  executor: ExecutorHandle;
  dataDir: string;
  restartExecutor: () => Promise<void>;
  stop: () => Promise<void>;
};

/**
 * The whole local stack in one test process: the database (installed as the app's), the S3, Pusher and Inngest
 * stand-ins, and the app's real `/api/inngest` route handler served over HTTP. Env is set before the app's
 * modules are imported because the Inngest client reads it once.
 */
export async function startLocalStack(): Promise<LocalStack> {
  const database = await createTestDatabase({ install: true });
  const s3 = await startTestS3();
  const pusher = await startPusherServer({ port: 0, ...stackSecrets.pusher });
  const dataDir = mkdtempSync(path.join(tmpdir(), "catalog-stack-"));
  const inngestPort = await freePortFrom(0);
  // The app registers its functions at APP_URL (never at the request's Host), so it must name the real port.
  const appPort = await freePortFrom(0);
  Object.assign(process.env, {
    APP_URL: `http://127.0.0.1:${appPort}`,
    PUSHER_APP_ID: stackSecrets.pusher.appId,
    PUSHER_KEY: stackSecrets.pusher.key,
    PUSHER_SECRET: stackSecrets.pusher.secret,
    PUSHER_HOST: "127.0.0.1",
    PUSHER_PORT: String(pusher.port),
    PUSHER_USE_TLS: "false",
    INNGEST_BASE_URL: `http://127.0.0.1:${inngestPort}`,
    INNGEST_SIGNING_KEY: stackSecrets.signingKey,
    INNGEST_EVENT_KEY: stackSecrets.eventKey,
    INNGEST_DEV: "0",
    WEBHOOK_SECRET: stackSecrets.webhookSecret,
    DATA_DIR: dataDir,
  });
  resetEnvCache();
  const inngestRoute = await import("@/app/api/inngest/route");
  const app = await serveRouteHandlers({ "/api/inngest": inngestRoute }, appPort);
  const start = () =>
    startExecutor({ port: inngestPort, appUrl: `${app.url}/api/inngest`, signingKey: stackSecrets.signingKey, eventKey: stackSecrets.eventKey, dataDir, pollMs: 50, log: () => {} });
  const stack: LocalStack = {
    database, s3, pusher, app, dataDir,
    executor: await start(),
    restartExecutor: async () => {
      await stack.executor.stop();
      stack.executor = await start();
    },
    stop: async () => {
      await stack.executor.stop();
      await app.stop();
      await pusher.stop();
      await s3.cleanup();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  await stack.executor.sync();
  return stack;
}

async function freePortFrom(port: number): Promise<number> {
  const net = await import("node:net");
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const chosen = (server.address() as import("node:net").AddressInfo).port;
      server.close(() => resolve(chosen));
    });
  });
}
