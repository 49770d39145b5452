import { inNextRequest, nextNavigation } from "../auth/next-request-scope";
import * as React from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { reserveRequest } from "@/lib/enrichment/quota-ledger";
import { startYouTubeSandbox, type YouTubeSandbox } from "@/local/youtube/server";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { createTestUser, ensureAuthSecret, sessionCookie, type TestUser } from "../helpers/session";
import { sandboxEnv, useYouTubeEnv } from "./youtube-env";

// Admin → Google renders the token health (with a plain "Sandbox" label when the sandbox answers) and today's
// quota from the ledger, for admins only.

// Vitest compiles JSX with the classic runtime, so React must be global before the page module loads.
(globalThis as { React?: unknown }).React = React;
const { default: AdminGooglePage } = await import("@/app/(app)/admin/google/page");

let tdb: TestDatabase;
let sandbox: YouTubeSandbox;
let admin: TestUser;
let user: TestUser;

beforeAll(async () => {
  ensureAuthSecret();
  tdb = await createTestDatabase({ install: true });
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
  useYouTubeEnv(sandboxEnv(sandbox));
});

/** The page's markup for this visitor, or where the guard sent them. */
async function visit(as: TestUser, query: Record<string, string> = {}): Promise<{ html: string } | { navigation: string }> {
  return inNextRequest({ cookie: await sessionCookie(as), route: "/admin/google" }, async () => {
    try {
      return { html: renderToStaticMarkup(await AdminGooglePage({ searchParams: Promise.resolve(query) })) };
    } catch (error) {
      const navigation = nextNavigation(error);
      if (!navigation) throw error;
      return { navigation };
    }
  });
}
const htmlOf = async (as: TestUser, query?: Record<string, string>) => {
  const outcome = await visit(as, query);
  if (!("html" in outcome)) throw new Error(`expected a page, got a redirect to ${outcome.navigation}`);
  return outcome.html;
};

describe("Admin → Google page", () => {
  it("shows a working sandbox token and today's quota use by endpoint, never the token", async () => {
    const now = new Date();
    for (const endpoint of ["assets.list", "assets.list", "videos.list"]) {
      expect((await reserveRequest(tdb.db, { endpoint, budget: 9500, now, minSpacingMs: 0 })).ok).toBe(true);
    }
    const html = await htmlOf(admin);
    expect(html).toContain("Working");
    expect(html).toContain("Sandbox");
    expect(html).toContain("CMS user&#x27;s refresh token");
    expect(html).toContain("sandbox-content-owner");
    expect(html).toContain("3</span> of 9,500 requests used (9,497 left)");
    expect(html).toMatch(/assets\.list<\/td><td[^>]*>2</);
    expect(html).toMatch(/videos\.list<\/td><td[^>]*>1</);
    for (const token of sandbox.issuedTokens()) expect(html).not.toContain(token);
  });

  it("shows why the token fails", async () => {
    sandbox.setFailure("invalid_token", { endpoint: "/token" });
    const html = await htmlOf(admin, { renew: "1" });
    expect(html).toContain("Failing");
    expect(html).toContain("create a new one for the CMS user and set YOUTUBE_REFRESH_TOKEN");
  });

  it("is a 404 for a plain user", async () => {
    expect(await visit(user)).toEqual({ navigation: "404" });
  });
});
