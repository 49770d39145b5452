import PusherClient from "pusher-js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as realtimeAuthRoute from "@/app/api/realtime/auth/route";
import { createDashboardToken, revokeDashboardToken } from "@/lib/dashboard/dashboard-tokens";
import { flushDashboardState, publishDashboardState } from "@/lib/dashboard/publish-dashboard-state";
import { reports } from "@/lib/db/schema";
import { resetEnvCache } from "@/lib/env";
import { publishReportStatus } from "@/lib/import/reports/publish-report-status";
import { authorizeChannel } from "@/lib/realtime/authorize-channel";
import { dashboardChannels, dashboardEvents, type DashboardState } from "@/lib/realtime/channels";
import { resetPusherCache } from "@/lib/realtime/pusher-server";
import { serveRouteHandlers, type RouteServer } from "@/local/http/serve-route-handlers";
import { startPusherServer, type RunningPusherServer } from "@/local/pusher/server";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { createTestUser, ensureAuthSecret, type TestUser } from "../helpers/session";

// A wall dashboard as the contract describes it (docs/realtime.md): a pusher-js client in Node, holding only a
// dashboard token, authorised by the app's real /api/realtime/auth handler over HTTP, subscribed to the cache
// channel on the local Pusher server, receiving dashboard_state built from the database.

const creds = { appId: "dash-app", key: "dash-key", secret: "dash-secret" };
const saved = { ...process.env };
const channel = dashboardChannels.main();
let tdb: TestDatabase;
let pusher: RunningPusherServer;
let app: RouteServer;
let admin: TestUser;
const clients: PusherClient[] = [];

function pointAppAt(server: RunningPusherServer) {
  Object.assign(process.env, { PUSHER_APP_ID: creds.appId, PUSHER_KEY: creds.key, PUSHER_SECRET: creds.secret, PUSHER_HOST: "127.0.0.1", PUSHER_PORT: String(server.port), PUSHER_USE_TLS: "false" });
  resetEnvCache();
  resetPusherCache();
}

beforeAll(async () => {
  ensureAuthSecret();
  tdb = await createTestDatabase({ install: true });
  admin = await createTestUser(tdb.db, { role: "admin" });
  pusher = await startPusherServer({ port: 0, ...creds });
  pointAppAt(pusher);
  app = await serveRouteHandlers({ "/api/realtime/auth": realtimeAuthRoute });
});
afterEach(() => clients.splice(0).forEach((c) => c.disconnect()));
afterAll(async () => {
  await flushDashboardState();
  await app.stop();
  await pusher.stop();
  process.env = { ...saved };
  resetEnvCache();
  resetPusherCache();
  await tdb.drop();
});

type Authorization = ConstructorParameters<typeof PusherClient>[1]["channelAuthorization"];

async function dashboardClient(server: RunningPusherServer, channelAuthorization: Authorization): Promise<PusherClient> {
  const client = new PusherClient(creds.key, { cluster: "local", wsHost: "127.0.0.1", wsPort: server.port, forceTLS: false, enabledTransports: ["ws"], channelAuthorization });
  clients.push(client);
  await new Promise<void>((resolve, reject) => {
    client.connection.bind("connected", () => resolve());
    client.connection.bind("failed", () => reject(new Error("pusher-js could not connect")));
  });
  return client;
}

/** The way a dashboard authorises: the app's endpoint, its token in the Authorization header. */
const withToken = (token: string): Authorization => ({ endpoint: `${app.url}/api/realtime/auth`, transport: "ajax", headers: { Authorization: `Bearer ${token}` } });

/** Every event the channel delivers, in order (subscription errors included), with a waiter. */
function record(client: PusherClient, name: string) {
  const seen: Array<{ event: string; data: unknown }> = [];
  const subscription = client.subscribe(name);
  subscription.bind_global((event: string, data: unknown) => seen.push({ event, data }));
  async function next(match: (e: { event: string; data: unknown }) => boolean, timeoutMs = 8000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = seen.find(match);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`nothing matching on ${name}; saw ${seen.map((e) => e.event).join(", ")}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  return { seen, next };
}

const isState = (e: { event: string }) => e.event === dashboardEvents.state;

describe("a dashboard subscribing with a token", () => {
  it("gets pusher:cache_miss when nothing was published, then live snapshots", async () => {
    // A Pusher server of its own, so no earlier snapshot is cached; authorised directly (not through the endpoint,
    // which would publish a fresh snapshot of its own on subscribe and race the miss).
    const fresh = await startPusherServer({ port: 0, ...creds });
    try {
      pointAppAt(fresh);
      const client = await dashboardClient(fresh, {
        endpoint: "/unused",
        transport: "ajax",
        customHandler: (params, callback) => callback(null, authorizeChannel({ kind: "dashboard_token", tokenId: 1 }, params.socketId, params.channelName)),
      });
      const events = record(client, channel);
      await events.next((e) => e.event === "pusher:cache_miss");
      expect(events.seen.filter(isState)).toEqual([]);
      await flushDashboardState();
      await publishDashboardState(tdb.db);
      await flushDashboardState();
      const state = (await events.next(isState)).data as DashboardState;
      expect(state).toMatchObject({ imports: [], queue_length: { pending: 0, total: 0 }, last_errors: [] });
    } finally {
      pointAppAt(pusher);
      await fresh.stop();
    }
  });

  it("receives the last snapshot at once on subscribe, then follows an import moving", async () => {
    const [report] = await tdb.db
      .insert(reports)
      .values({ key: "reports/wall.csv", filename: "wall.csv", status: "processing", startedAt: new Date(), progress: { processed_rows: 250, total_rows: 1000, percentage: 25, videos_created: 0, videos_updated: 0, errors: 0, phase: "staging" } })
      .returning();
    await flushDashboardState();
    await publishDashboardState(tdb.db);
    await flushDashboardState();

    const { token } = await createDashboardToken(tdb.db, { name: "Ops TV", createdBy: admin });
    const client = await dashboardClient(pusher, withToken(token));
    const events = record(client, channel);
    const first = await events.next((e) => e.event !== "pusher:subscription_succeeded");
    expect(first.event).toBe(dashboardEvents.state);
    expect((first.data as DashboardState).imports).toEqual([
      expect.objectContaining({ report_id: report.id, filename: "wall.csv", status: "processing", phase: "staging", percentage: 25, processed_rows: 250, total_rows: 1000 }),
    ]);

    // The import status publisher (what every import step calls) moves the dashboard too.
    const [moved] = await tdb.db
      .update(reports)
      .set({ progress: { processed_rows: 800, total_rows: 1000, percentage: 80, videos_created: 0, videos_updated: 0, errors: 0, phase: "merging" } })
      .returning();
    await publishReportStatus(moved);
    const at80 = await events.next((e) => isState(e) && (e.data as DashboardState).imports[0]?.percentage === 80);
    expect((at80.data as DashboardState).imports[0].phase).toBe("merging");
  });

  it("is refused the queue channel, and the dashboard channel once its token is revoked", async () => {
    const { token, record: row } = await createDashboardToken(tdb.db, { name: "Lobby", createdBy: admin });
    const client = await dashboardClient(pusher, withToken(token));
    const queue = record(client, "private-queue");
    expect((await queue.next((e) => e.event === "pusher:subscription_error")).data).toMatchObject({ status: 403 });

    await revokeDashboardToken(tdb.db, row.id, new Date());
    const late = await dashboardClient(pusher, withToken(token));
    const refused = record(late, channel);
    expect((await refused.next((e) => e.event === "pusher:subscription_error")).data).toMatchObject({ status: 401 });
    expect(refused.seen.filter(isState)).toEqual([]);
  });
});
