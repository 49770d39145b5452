import { encode, getToken, type JWT } from "next-auth/jwt";
import { getEnv } from "@/lib/env";
import { SESSION_MAX_AGE_SECONDS, sessionCookieName, useSecureCookies } from "./edge-config";

// Cookie handling for middleware.ts: only jose/hkdf (through next-auth/jwt), no next-auth core. It reads the
// same encrypted cookie Auth.js writes and renews it as Auth.js would; the middleware asks the database
// (lib/auth/session-check.ts) before renewing, so a renewed cookie keeps its claims, session version included.

/** Re-issue the cookie at most this often, so an active person stays signed in (a rolling session). */
export const SESSION_UPDATE_AGE_SECONDS = 60 * 60;

export async function readSessionToken(request: Request): Promise<JWT | null> {
  const secret = getEnv().AUTH_SECRET;
  if (!secret) return null;
  const name = sessionCookieName();
  const token = await getToken({ req: request, secret, cookieName: name, salt: name, secureCookie: useSecureCookies() });
  return token && typeof token.sub === "string" ? token : null;
}

export type RenewedCookie = {
  name: string;
  value: string;
  options: { httpOnly: true; sameSite: "lax"; secure: boolean; path: "/"; maxAge: number };
};

/** A fresh cookie for a token issued more than an hour ago; null when it is still fresh. */
export async function renewSessionCookie(token: JWT, now = Date.now()): Promise<RenewedCookie | null> {
  const secret = getEnv().AUTH_SECRET;
  const issuedAt = typeof token.iat === "number" ? token.iat : 0;
  if (!secret || now / 1000 - issuedAt < SESSION_UPDATE_AGE_SECONDS) return null;
  const name = sessionCookieName();
  const { iat: _iat, exp: _exp, jti: _jti, ...claims } = token;
  const value = await encode({ token: claims, secret, salt: name, maxAge: SESSION_MAX_AGE_SECONDS });
  return { name, value, options: { httpOnly: true, sameSite: "lax", secure: useSecureCookies(), path: "/", maxAge: SESSION_MAX_AGE_SECONDS } };
}

/** Tells the browser to drop the session cookie (same name and attributes, so `__Secure-` cookies go too). */
export function clearedSessionCookie(): RenewedCookie {
  return { name: sessionCookieName(), value: "", options: { httpOnly: true, sameSite: "lax", secure: useSecureCookies(), path: "/", maxAge: 0 } };
}
