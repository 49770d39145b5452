import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET } from "@/app/api/get-token/route";
import { startYouTubeSandbox, type YouTubeSandbox } from "@/local/youtube/server";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { createTestUser, ensureAuthSecret, routeContext, signedInRequest, type TestUser } from "../helpers/session";
import { sandboxEnv, tokenRequests, useYouTubeEnv } from "./youtube-env";

// GET /api/get-token: token health for admins only, and never the token itself.

let tdb: TestDatabase;
let sandbox: YouTubeSandbox;
let admin: TestUser;
let user: TestUser;
const REFRESH_TOKEN = "1//route-test-refresh-token";
const CLIENT_SECRET = "route-test-client-secret";

beforeAll(async () => {
  ensureAuthSecret();
  tdb = await createTestDatabase();
  sandbox = await startYouTubeSandbox();
  admin = await createTestUser(tdb.db, { role: "admin" });
  user = await createTestUser(tdb.db, { role: "user" });
});
afterAll(async () => {
  await sandbox.stop();
  await tdb.drop();
});
beforeEach(() => {
  sandbox.setFailure("none");
  useYouTubeEnv({ ...sandboxEnv(sandbox), YOUTUBE_CLIENT_ID: "route-client", YOUTUBE_CLIENT_SECRET: CLIENT_SECRET, YOUTUBE_REFRESH_TOKEN: REFRESH_TOKEN });
});

const get = async (as: TestUser, query = "") => GET(await signedInRequest(`/api/get-token${query}`, { user: as }), routeContext());

describe("GET /api/get-token", () => {
  it("gives an admin the token health, without the token or a secret", async () => {
    const response = await get(admin);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const text = await response.text();
    const body = JSON.parse(text);
    expect(body).toMatchObject({ state: "ok", mode: "sandbox", auth: "refresh_token" });
    expect(Date.parse(body.expiresAt)).toBeGreaterThan(Date.now());
    const issued = sandbox.issuedTokens();
    expect(issued.length).toBeGreaterThan(0);
    for (const secret of [...issued, REFRESH_TOKEN, CLIENT_SECRET]) expect(text).not.toContain(secret);
  });

  it("renews the token on ?renew=1 and refuses a bad value", async () => {
    await get(admin);
    const before = tokenRequests(sandbox).length;
    const renewed = await get(admin, "?renew=1");
    expect(renewed.status).toBe(200);
    expect(tokenRequests(sandbox).length).toBe(before + 1);
    const text = await renewed.text();
    for (const token of sandbox.issuedTokens()) expect(text).not.toContain(token);
    expect((await get(admin, "?renew=maybe")).status).toBe(400);
  });

  it("reports a refused refresh token as failing with the reason", async () => {
    sandbox.setFailure("invalid_token", { endpoint: "/token" });
    const body = await (await get(admin, "?renew=1")).json();
    expect(body).toMatchObject({ state: "failing", reason: expect.stringContaining("set YOUTUBE_REFRESH_TOKEN") });
  });

  it("is 403 for a plain user and 401 without a session", async () => {
    expect((await get(user)).status).toBe(403);
    const anonymous = await GET(new Request("http://127.0.0.1:3000/api/get-token"), routeContext());
    expect(anonymous.status).toBe(401);
  });
});
