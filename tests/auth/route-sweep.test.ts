import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { createTestUser, ensureAuthSecret, sessionCookie, signedInRequest, type TestUser } from "../helpers/session";

// Walks app/ at test time, so every route and page added later is covered without editing this file:
// each API route must answer 401 without a session (admin routes 403 for a plain user), and each page
// must be redirected to /sign-in by middleware.

const root = path.resolve(__dirname, "../..");
const appDir = path.join(root, "app");
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

function walk(dir: string, name: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return entry === "node_modules" ? [] : walk(full, name);
    return new RegExp(`^${name}\\.(ts|tsx|js|jsx)$`).test(entry) ? [full] : [];
  });
}

const rel = (file: string) => path.relative(appDir, path.dirname(file)).split(path.sep).join("/");
/** URL path for an app/ folder: route groups vanish, dynamic segments get sample values. */
function urlPath(dir: string): string {
  const segments = dir
    .split("/")
    .filter((s) => s && !/^\(.*\)$/.test(s) && !s.startsWith("@"))
    .map((s) => (s.startsWith("[[...") ? "" : s.startsWith("[...") ? "a/b" : s.startsWith("[") ? "sample-1" : s))
    .filter(Boolean);
  return `/${segments.join("/")}`;
}
function params(dir: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const m of dir.matchAll(/\[\[?(\.\.\.)?([^\]]+)\]\]?/g)) out[m[2]] = m[1] ? ["a", "b"] : "1";
  return out;
}

const routes = walk(appDir, "route").map((file) => ({ file, dir: rel(file) }));
const pages = walk(appDir, "page").map((file) => ({ file, dir: rel(file), url: urlPath(rel(file)) }));
const isPublicRoute = (dir: string) => dir === "health" || /^api\/(auth|inngest)(\/|$)/.test(dir);
const isWebhook = (dir: string) => /^api\/webhooks(\/|$)/.test(dir);
/** Admin-only routes that live outside api/admin (their paths are fixed by the spec). */
const ADMIN_ROUTES_ELSEWHERE = new Set(["api/get-token"]);
const isAdmin = (dir: string) => /^api\/admin(\/|$)/.test(dir) || ADMIN_ROUTES_ELSEWHERE.has(dir);
/** Admin-only methods of routes whose other methods any signed-in user may call. */
const ADMIN_METHODS_ELSEWHERE: Record<string, string[]> = { "api/queue/[id]": ["PATCH"], "api/queue/retry-failed": ["POST"] };
const isAdminMethod = (dir: string, method: string) => isAdmin(dir) || (ADMIN_METHODS_ELSEWHERE[dir] ?? []).includes(method);

type Handler = (request: Request, context: { params: Promise<Record<string, unknown>> }) => Promise<Response>;
async function handlersOf(file: string): Promise<[string, Handler][]> {
  const mod = (await import(file)) as Record<string, unknown>;
  return METHODS.filter((m) => typeof mod[m] === "function").map((m) => [m, mod[m] as Handler]);
}
const withBody = (method: string) => (["POST", "PUT", "PATCH", "DELETE"].includes(method) ? "{}" : undefined);

let tdb: TestDatabase;
let user: TestUser;
beforeAll(async () => {
  ensureAuthSecret();
  // Webhooks must refuse a request without a valid signature even when the secret is configured.
  process.env.WEBHOOK_SECRET ??= "route-sweep-webhook-secret";
  resetEnvCache();
  tdb = await createTestDatabase();
  user = await createTestUser(tdb.db, { role: "user" });
});
afterAll(() => tdb.drop());

describe("route sweep", () => {
  it("finds the routes and pages", () => {
    expect(routes.map((r) => r.dir)).toContain("api/admin/users");
    expect(pages.length).toBeGreaterThan(0);
  });

  it.each(routes.filter((r) => !isPublicRoute(r.dir)).map((r) => [r.dir, r.file]))(
    "%s answers 401 without a session",
    async (dir, file) => {
      const handlers = await handlersOf(file);
      expect(handlers.length, `${dir} exports no HTTP method`).toBeGreaterThan(0);
      for (const [method, handler] of handlers) {
        const request = new Request(`http://127.0.0.1:3000${urlPath(dir)}`, {
          method,
          body: withBody(method),
          headers: { "content-type": "application/json" },
        });
        const response = await handler(request, { params: Promise.resolve(params(dir)) });
        expect(response.status, `${method} /${dir}${isWebhook(dir) ? " (unsigned webhook)" : ""}`).toBe(401);
      }
    },
  );

  it("finds the routes with admin-only methods outside api/admin", () => {
    expect(routes.map((r) => r.dir)).toEqual(expect.arrayContaining(Object.keys(ADMIN_METHODS_ELSEWHERE)));
  });

  it.each(routes.filter((r) => isAdmin(r.dir) || r.dir in ADMIN_METHODS_ELSEWHERE).map((r) => [r.dir, r.file]))("%s answers 403 for a plain user", async (dir, file) => {
    for (const [method, handler] of (await handlersOf(file)).filter(([m]) => isAdminMethod(dir, m))) {
      const request = await signedInRequest(urlPath(dir), { user, method, body: withBody(method) });
      const response = await handler(request, { params: Promise.resolve(params(dir)) });
      expect(response.status, `${method} /${dir}`).toBe(403);
    }
  });
});

describe("middleware", () => {
  const call = async (pathname: string, cookie?: string) => {
    const { default: middleware } = await import("@/middleware");
    const headers: Record<string, string> = { host: "127.0.0.1:3000" };
    if (cookie) headers.cookie = cookie;
    const request = new NextRequest(`http://127.0.0.1:3000${pathname}`, { headers });
    return middleware(request);
  };

  it.each(pages.filter((p) => !p.url.startsWith("/sign-in")).map((p) => [p.url]))(
    "redirects %s to /sign-in without a session",
    async (url) => {
      const response = await call(`${url}?tab=x`);
      expect(response.status).toBe(307);
      const location = new URL(response.headers.get("location")!);
      expect(location.pathname).toBe("/sign-in");
      expect(location.searchParams.get("callbackUrl")).toBe(`${url}?tab=x`);
    },
  );

  it("lets a signed-in request, the sign-in page, /health and API routes through", async () => {
    expect((await call("/", await sessionCookie(user))).headers.get("location")).toBeNull();
    for (const open of ["/sign-in", "/health", "/api/videos", "/favicon.ico"]) {
      expect((await call(open)).headers.get("location"), open).toBeNull();
    }
  });
});
