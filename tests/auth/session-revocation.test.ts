import { inNextRequest, nextNavigation } from "./next-request-scope";
import { NextRequest } from "next/server";
import { encode } from "next-auth/jwt";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { sessionCookieName } from "@/lib/auth/edge-config";
import { requirePageAdmin, requirePageUser } from "@/lib/auth/page-session";
import { getSessionUser } from "@/lib/auth/session";
import { findUserById, setRole, updateUserAsAdmin } from "@/lib/auth/users";
import middleware from "@/middleware";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { createTestUser, ensureAuthSecret, reloadTestUser, sessionCookie, type TestUser } from "../helpers/session";

// Per-user session revocation: the cookie carries the account's session version from sign-in, and a disable,
// a role change or a password reset bumps it, so every cookie issued before stops working, everywhere.

let tdb: TestDatabase;
let admin: TestUser;
beforeAll(async () => {
  ensureAuthSecret();
  tdb = await createTestDatabase();
  admin = await createTestUser(tdb.db, { role: "admin" });
});
afterAll(() => tdb.drop());
afterEach(() => vi.useRealTimers());

const apiRequest = async (user: TestUser) => new Request("http://127.0.0.1:3000/api/x", { headers: { cookie: await sessionCookie(user) } });
const accepted = async (cookieOf: TestUser) => Boolean(await getSessionUser(await apiRequest(cookieOf)));

describe("session versions", () => {
  it.each([
    ["disabling the account", { disabled: true }],
    ["changing its role", { role: "admin" as const }],
    ["resetting its password", { password: "a fresh passphrase for you" }],
  ])("an old cookie is refused after %s", async (_label, change) => {
    const user = await createTestUser(tdb.db);
    expect(await accepted(user)).toBe(true);
    await updateUserAsAdmin(tdb.db, admin.id, user.id, change);
    expect(await accepted(user)).toBe(false);
    const fresh = await reloadTestUser(tdb.db, user);
    expect(fresh.sessionVersion).toBe(1);
    // A cookie issued after the change (a new sign-in) works, unless the account is disabled.
    expect(await accepted(fresh)).toBe(!("disabled" in change));
  });

  it("re-enabling does not revive cookies issued before the account was disabled", async () => {
    const user = await createTestUser(tdb.db);
    await updateUserAsAdmin(tdb.db, admin.id, user.id, { disabled: true });
    await updateUserAsAdmin(tdb.db, admin.id, user.id, { disabled: false });
    expect(await accepted(user)).toBe(false);
    expect(await accepted(await reloadTestUser(tdb.db, user))).toBe(true);
  });

  it("setting the role a user already has signs nobody out", async () => {
    const user = await createTestUser(tdb.db);
    await setRole(tdb.db, user.id, "user");
    expect((await findUserById(tdb.db, user.id))!.sessionVersion).toBe(0);
    expect(await accepted(user)).toBe(true);
  });

  it("a cookie without a version counts as version 0", async () => {
    const user = await createTestUser(tdb.db);
    const name = sessionCookieName();
    const legacy = await encode({ secret: process.env.AUTH_SECRET!, salt: name, token: { sub: user.id, email: user.email, role: "user" } });
    const request = () => new Request("http://127.0.0.1:3000/api/x", { headers: { cookie: `${name}=${legacy}` } });
    expect(await getSessionUser(request())).toMatchObject({ id: user.id });
    await updateUserAsAdmin(tdb.db, admin.id, user.id, { password: "another long passphrase" });
    expect(await getSessionUser(request())).toBeNull();
  });
});

describe("page data loaders (requirePageUser / requirePageAdmin)", () => {
  const pageLoad = async (user: TestUser, guard: typeof requirePageUser) =>
    inNextRequest({ cookie: await sessionCookie(user) }, async () => {
      try {
        return { user: await guard() };
      } catch (error) {
        return { navigation: nextNavigation(error) ?? String(error) };
      }
    });

  it("admit a current session and send a disabled or revoked one to /sign-in", async () => {
    const user = await createTestUser(tdb.db);
    expect(await pageLoad(user, requirePageUser)).toMatchObject({ user: { id: user.id } });
    await updateUserAsAdmin(tdb.db, admin.id, user.id, { password: "yet another passphrase" });
    expect(await pageLoad(user, requirePageUser)).toEqual({ navigation: "/sign-in" });

    const current = await reloadTestUser(tdb.db, user);
    expect(await pageLoad(current, requirePageUser)).toMatchObject({ user: { id: user.id } });
    await updateUserAsAdmin(tdb.db, admin.id, user.id, { disabled: true });
    // Even a cookie with the newest version: the account is disabled.
    expect(await pageLoad(await reloadTestUser(tdb.db, user), requirePageUser)).toEqual({ navigation: "/sign-in" });
  });

  it("requirePageAdmin answers a plain user with a 404", async () => {
    const user = await createTestUser(tdb.db);
    expect(await pageLoad(user, requirePageAdmin)).toEqual({ navigation: "404" });
    expect(await pageLoad(admin, requirePageAdmin)).toMatchObject({ user: { id: admin.id, role: "admin" } });
  });
});

describe("middleware renewal", () => {
  const TWO_HOURS = 2 * 3600 * 1000;
  const visit = async (cookie: string) => middleware(new NextRequest("http://127.0.0.1:3000/reports", { headers: { cookie } }));
  const sessionSetCookie = (response: Response) => response.headers.getSetCookie().find((c) => c.startsWith(`${sessionCookieName()}=`));

  it("renews an active user's cookie older than an hour", async () => {
    const user = await createTestUser(tdb.db);
    const cookie = await sessionCookie(user);
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + TWO_HOURS });
    const response = await visit(cookie);
    expect(response.headers.get("location")).toBeNull();
    expect(sessionSetCookie(response)).toMatch(/Max-Age=43200/);
  });

  it.each([
    ["a disabled user", { disabled: true }],
    ["a user whose password was reset", { password: "the reset passphrase" }],
  ])("does not renew the cookie of %s: it redirects to /sign-in and clears it", async (_label, change) => {
    const user = await createTestUser(tdb.db);
    const cookie = await sessionCookie(user);
    await updateUserAsAdmin(tdb.db, admin.id, user.id, change);
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + TWO_HOURS });
    const response = await visit(cookie);
    expect(response.status).toBe(307);
    expect(new URL(response.headers.get("location")!).pathname).toBe("/sign-in");
    const cleared = sessionSetCookie(response)!;
    expect(cleared).toMatch(new RegExp(`^${sessionCookieName()}=;`));
    expect(cleared).toMatch(/Max-Age=0/);
  });
});
