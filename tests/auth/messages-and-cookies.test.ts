import { describe, expect, it } from "vitest";
import { decode } from "next-auth/jwt";
import { edgeAuthConfig, sessionCookieName } from "@/lib/auth/edge-config";
import { readSessionToken, renewSessionCookie } from "@/lib/auth/middleware-session";
import { isPublicPath } from "@/lib/auth/public-paths";
import { messageForSignInCode, messageForSignInError, safeCallbackUrl } from "@/lib/auth/sign-in-messages";
import { resetEnvCache } from "@/lib/env";
import { ensureAuthSecret, sessionCookie } from "../helpers/session";

describe("sign-in messages", () => {
  it("explains each refusal", () => {
    expect(messageForSignInCode("invalid_credentials")).toBe("Wrong email or password.");
    expect(messageForSignInCode("slowed_down:42")).toBe("Too many failed sign-in attempts. Wait 42 seconds and try again.");
    expect(messageForSignInCode("disabled")).toMatch(/disabled/);
    expect(messageForSignInCode("firebase_no_account")).toMatch(/Ask an admin to add your email address/);
    expect(messageForSignInCode("firebase_unverified")).toMatch(/Verify your email address/);
    expect(messageForSignInError("AccessDenied")).toMatch(/Ask an admin/);
    expect(messageForSignInError(undefined)).toBeNull();
  });

  it("keeps callback URLs on this site", () => {
    expect(safeCallbackUrl("/reports?page=2")).toBe("/reports?page=2");
    for (const bad of ["https://evil.example/", "//evil.example", "/\\evil", undefined, "/sign-in"]) expect(safeCallbackUrl(bad)).toBe("/");
  });
});

describe("cookies and middleware helpers", () => {
  it("uses httpOnly, SameSite=Lax cookies, Secure only in production", () => {
    ensureAuthSecret();
    const dev = edgeAuthConfig();
    expect(dev.cookies?.sessionToken?.options).toMatchObject({ httpOnly: true, sameSite: "lax", secure: false });
    expect(dev.session?.strategy).toBe("jwt");
    expect(dev.trustHost).toBe(true);
    const previous = process.env.NODE_ENV;
    try {
      (process.env as Record<string, string>).NODE_ENV = "production";
      resetEnvCache();
      expect(sessionCookieName()).toBe("__Secure-authjs.session-token");
      expect(edgeAuthConfig().cookies?.sessionToken?.options?.secure).toBe(true);
    } finally {
      (process.env as Record<string, string | undefined>).NODE_ENV = previous;
      resetEnvCache();
    }
  });

  it("renews a session cookie older than an hour, keeping its claims", async () => {
    const cookie = await sessionCookie({ id: "u1", email: "a@example.test", name: null, role: "admin" });
    const token = await readSessionToken(new Request("http://x/", { headers: { cookie } }));
    expect(token).toMatchObject({ sub: "u1", role: "admin" });
    expect(await renewSessionCookie(token!)).toBeNull();
    const renewed = await renewSessionCookie(token!, Date.now() + 2 * 3600 * 1000);
    expect(renewed?.options).toMatchObject({ httpOnly: true, sameSite: "lax", path: "/" });
    const decoded = await decode({ token: renewed!.value, secret: process.env.AUTH_SECRET!, salt: renewed!.name });
    expect(decoded).toMatchObject({ sub: "u1", email: "a@example.test", role: "admin" });
  });

  it("knows which paths are public", () => {
    for (const p of ["/sign-in", "/health", "/api/videos", "/api/auth/session", "/_next/static/x.js", "/favicon.ico"]) expect(isPublicPath(p), p).toBe(true);
    for (const p of ["/", "/reports", "/admin", "/queue", "/videos/abc", "/sign-inx"]) expect(isPublicPath(p), p).toBe(false);
  });
});
