import { inNextRequest, nextNavigation } from "../auth/next-request-scope";
import * as React from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requirePageUserOrDashboardToken } from "@/lib/auth/page-session";
import { createDashboardToken, revokeDashboardToken } from "@/lib/dashboard/dashboard-tokens";
import { resetEnvCache } from "@/lib/env";
import { resetPusherCache } from "@/lib/realtime/pusher-server";
import middleware from "@/middleware";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { createTestUser, ensureAuthSecret, sessionCookie, type TestUser } from "../helpers/session";

// /dashboard is the one page a wall screen opens without a session: a live dashboard token in the URL lets it
// in; no token goes to sign-in as everywhere else; a dead token gets a plain "not valid" screen (a TV cannot sign in).

// Vitest compiles JSX with the classic runtime, so React must be global before the page module loads.
(globalThis as { React?: unknown }).React = React;
const { default: DashboardPage } = await import("@/app/dashboard/page");

const saved = { ...process.env };
let tdb: TestDatabase;
let admin: TestUser;
let live: string;
let revoked: string;

beforeAll(async () => {
  ensureAuthSecret();
  Object.assign(process.env, { PUSHER_APP_ID: "page-app", PUSHER_KEY: "page-key", PUSHER_SECRET: "page-secret", PUSHER_HOST: "127.0.0.1", PUSHER_PORT: "6001", PUSHER_USE_TLS: "false" });
  resetEnvCache();
  resetPusherCache();
  tdb = await createTestDatabase({ install: true });
  admin = await createTestUser(tdb.db, { role: "admin" });
  live = (await createDashboardToken(tdb.db, { name: "Live", createdBy: admin })).token;
  const dead = await createDashboardToken(tdb.db, { name: "Dead", createdBy: admin });
  await revokeDashboardToken(tdb.db, dead.record.id, new Date());
  revoked = dead.token;
});
afterAll(async () => {
  process.env = { ...saved };
  resetEnvCache();
  resetPusherCache();
  await tdb.drop();
});

type Outcome = { html: string } | { navigation: string };
/** Renders the page as Next would for this request: the guard's redirect, or the markup it returns. */
async function visit(token: string | undefined, user?: TestUser): Promise<Outcome> {
  const cookie = user ? await sessionCookie(user) : undefined;
  return inNextRequest({ cookie, route: "/dashboard" }, async () => {
    try {
      const element = await DashboardPage({ searchParams: Promise.resolve(token === undefined ? {} : { token }) });
      return { html: renderToStaticMarkup(element) };
    } catch (error) {
      const navigation = nextNavigation(error);
      if (!navigation) throw error;
      return { navigation };
    }
  });
}
const rendersDashboard = (outcome: Outcome) => "html" in outcome && outcome.html.includes("Catalog · live") && !outcome.html.includes("not valid");

describe("requirePageUserOrDashboardToken", () => {
  it("admits a live token, naming it, and records its use", async () => {
    const access = await inNextRequest({}, () => requirePageUserOrDashboardToken(live));
    expect(access).toEqual({ via: "token", token: live, tokenName: "Live" });
  });

  it("refuses a revoked, unknown or malformed token when there is no session", async () => {
    for (const token of [revoked, `dsh_${"Z".repeat(43)}`, "dsh_nope"]) {
      expect(await inNextRequest({}, () => requirePageUserOrDashboardToken(token)), token).toMatchObject({ via: "refused" });
    }
  });

  it("sends a visitor with neither a session nor a token to sign-in", async () => {
    const error = await inNextRequest({}, () => requirePageUserOrDashboardToken(undefined)).catch((e: unknown) => e);
    expect(nextNavigation(error)).toBe("/sign-in");
  });

  it("admits a signed-in user with no token, or with a dead one", async () => {
    const user = await createTestUser(tdb.db);
    for (const token of [undefined, revoked]) {
      const access = await inNextRequest({ cookie: await sessionCookie(user) }, () => requirePageUserOrDashboardToken(token));
      expect(access).toMatchObject({ via: "session", user: { id: user.id } });
    }
  });
});

describe("the /dashboard page", () => {
  it("renders the dashboard for a live token, and hands the token to the realtime client only", async () => {
    const outcome = await visit(live);
    expect(rendersDashboard(outcome)).toBe(true);
    // The token is in the client component's props (for the auth header), not printed in the page.
    expect("html" in outcome && outcome.html.includes(live)).toBe(false);
  });

  it("renders the dashboard for a signed-in user without a token", async () => {
    expect(rendersDashboard(await visit(undefined, admin))).toBe(true);
  });

  it("shows a 'not valid' screen, with no dashboard, for a revoked or unknown token", async () => {
    for (const token of [revoked, `dsh_${"Q".repeat(43)}`]) {
      const outcome = await visit(token);
      expect("html" in outcome && outcome.html, token).toContain("This dashboard link is not valid");
      expect(rendersDashboard(outcome)).toBe(false);
    }
  });

  it("redirects to sign-in with no session and no token", async () => {
    expect(await visit(undefined)).toEqual({ navigation: "/sign-in" });
  });
});

describe("middleware on /dashboard", () => {
  const call = (url: string) => middleware(new NextRequest(`http://127.0.0.1:3000${url}`, { headers: { host: "127.0.0.1:3000" } }));

  it("lets a request carrying a dashboard token through to the page, which checks it", async () => {
    expect((await call(`/dashboard?token=${live}`)).headers.get("location")).toBeNull();
    expect((await call(`/dashboard?token=${revoked}`)).headers.get("location")).toBeNull();
  });

  it("redirects /dashboard without a token (or with something else) to sign-in, like any page", async () => {
    for (const url of ["/dashboard", "/dashboard?token=abc", `/dashboard/x?token=${live}`]) {
      const response = await call(url);
      expect(response.status, url).toBe(307);
      expect(new URL(response.headers.get("location")!).pathname).toBe("/sign-in");
    }
  });
});
