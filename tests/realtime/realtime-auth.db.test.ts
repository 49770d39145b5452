import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/realtime/auth/route";
import { createDashboardToken, revokeDashboardToken } from "@/lib/dashboard/dashboard-tokens";
import { flushDashboardState } from "@/lib/dashboard/publish-dashboard-state";
import { verifyDashboardToken } from "@/lib/dashboard/verify-dashboard-token";
import { dashboardTokens } from "@/lib/db/schema";
import { resetEnvCache } from "@/lib/env";
import { resetPusherCache } from "@/lib/realtime/pusher-server";
import { startPusherServer, type RunningPusherServer } from "@/local/pusher/server";
import { verifyChannelAuth } from "@/local/pusher/signature";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { createTestUser, ensureAuthSecret, routeContext, signedInRequest, type TestUser } from "../helpers/session";
import { serverSdk } from "../local/pusher/helpers";

// POST /api/realtime/auth with a dashboard token: signed for the dashboard channel only, refused for every
// other channel, and refused outright once revoked. The session path keeps working for every app channel.

const creds = { appId: "auth-app", key: "auth-key", secret: "auth-secret" };
const saved = { ...process.env };
let tdb: TestDatabase;
let pusher: RunningPusherServer;
let admin: TestUser;

beforeAll(async () => {
  ensureAuthSecret();
  tdb = await createTestDatabase();
  admin = await createTestUser(tdb.db, { role: "admin" });
  pusher = await startPusherServer({ port: 0, ...creds });
  Object.assign(process.env, {
    PUSHER_APP_ID: creds.appId,
    PUSHER_KEY: creds.key,
    PUSHER_SECRET: creds.secret,
    PUSHER_HOST: "127.0.0.1",
    PUSHER_PORT: String(pusher.port),
    PUSHER_USE_TLS: "false",
  });
  resetEnvCache();
  resetPusherCache();
});
afterAll(async () => {
  await flushDashboardState();
  process.env = { ...saved };
  resetEnvCache();
  resetPusherCache();
  await pusher.stop();
  await tdb.drop();
});

const form = (channel: string) => `socket_id=123.456&channel_name=${encodeURIComponent(channel)}`;
const formHeaders = { "content-type": "application/x-www-form-urlencoded" };

function withToken(token: string, channel: string, headers: Record<string, string> = {}) {
  return POST(
    new Request("http://127.0.0.1:3000/api/realtime/auth", { method: "POST", headers: { ...formHeaders, authorization: `Bearer ${token}`, ...headers }, body: form(channel) }),
    routeContext(),
  );
}

async function newToken(name = "Wall") {
  return createDashboardToken(tdb.db, { name, createdBy: admin });
}

describe("POST /api/realtime/auth with a dashboard token", () => {
  it("signs the dashboard channel for a live token", async () => {
    const { token } = await newToken();
    const response = await withToken(token, "private-cache-dashboard");
    expect(response.status).toBe(200);
    const { auth } = await response.json();
    expect(verifyChannelAuth(creds, "123.456", "private-cache-dashboard", auth)).toBe(true);
  });

  it("refuses every other channel with 403", async () => {
    const { token } = await newToken();
    for (const channel of ["private-queue", "private-reports", "private-report-1", "private-cache-other"]) {
      const response = await withToken(token, channel);
      expect(response.status, channel).toBe(403);
      expect((await response.json()).message).toContain("only subscribe to private-cache-dashboard");
    }
  });

  it("refuses a revoked token with 401, even for the dashboard channel", async () => {
    const { token, record } = await newToken();
    expect((await withToken(token, "private-cache-dashboard")).status).toBe(200);
    await revokeDashboardToken(tdb.db, record.id, new Date());
    const response = await withToken(token, "private-cache-dashboard");
    expect(response.status).toBe(401);
    expect((await response.json()).message).toContain("revoked or mistyped");
  });

  it("refuses unknown and malformed tokens with 401", async () => {
    for (const token of [`dsh_${"A".repeat(43)}`, "dsh_short", "dsh_"]) {
      expect((await withToken(token, "private-cache-dashboard")).status, token).toBe(401);
    }
  });

  it("does not fall back to the session when the token is bad", async () => {
    const request = await signedInRequest("/api/realtime/auth", {
      user: admin,
      body: form("private-cache-dashboard"),
      headers: { ...formHeaders, authorization: `Bearer dsh_${"B".repeat(43)}` },
    });
    expect((await POST(request, routeContext())).status).toBe(401);
  });

  it("refuses a cross-site request carrying a token with 403", async () => {
    const { token } = await newToken();
    expect((await withToken(token, "private-cache-dashboard", { origin: "https://elsewhere.example" })).status).toBe(403);
    expect((await withToken(token, "private-cache-dashboard", { "sec-fetch-site": "cross-site" })).status).toBe(403);
  });

  it("records the last use, at most once a minute", async () => {
    const { token, record } = await newToken();
    const lastUsed = async () => (await tdb.db.select().from(dashboardTokens).where(eq(dashboardTokens.id, record.id)))[0].lastUsedAt;
    expect(await lastUsed()).toBeNull();
    const t0 = new Date("2030-01-01T10:00:00Z");
    expect(await verifyDashboardToken(tdb.db, token, t0)).toEqual({ id: record.id, name: "Wall" });
    expect(await lastUsed()).toEqual(t0);
    await verifyDashboardToken(tdb.db, token, new Date(t0.getTime() + 30_000));
    expect(await lastUsed()).toEqual(t0);
    const t1 = new Date(t0.getTime() + 61_000);
    await verifyDashboardToken(tdb.db, token, t1);
    expect(await lastUsed()).toEqual(t1);
  });

  it("publishes a fresh dashboard_state when a dashboard subscribes, so the cache channel has one", async () => {
    const { token } = await newToken();
    expect((await withToken(token, "private-cache-dashboard")).status).toBe(200);
    await flushDashboardState();
    const deadline = Date.now() + 5000;
    let cache: { event: string; data: string } | undefined;
    while (!cache && Date.now() < deadline) {
      const info = (await (await serverSdk(pusher.port, creds).get({ path: "/channels/private-cache-dashboard", params: { info: "cache" } })).json()) as { cache?: { event: string; data: string } };
      cache = info.cache;
      if (!cache) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(cache?.event).toBe("dashboard_state");
    expect(JSON.parse(cache!.data)).toMatchObject({ queue_length: { total: expect.any(Number) }, quota: { budget: expect.any(Number) } });
  });
});

describe("POST /api/realtime/auth with a session", () => {
  it("signs every app channel, the dashboard's included", async () => {
    for (const channel of ["private-queue", "private-reports", "private-report-5", "private-cache-dashboard"]) {
      const request = await signedInRequest("/api/realtime/auth", { user: admin, body: form(channel), headers: formHeaders });
      const response = await POST(request, routeContext());
      expect(response.status, channel).toBe(200);
      expect(verifyChannelAuth(creds, "123.456", channel, (await response.json()).auth)).toBe(true);
    }
  });

  it("answers 401 with neither a session nor a token", async () => {
    const response = await POST(new Request("http://127.0.0.1:3000/api/realtime/auth", { method: "POST", headers: formHeaders, body: form("private-cache-dashboard") }), routeContext());
    expect(response.status).toBe(401);
  });
});
