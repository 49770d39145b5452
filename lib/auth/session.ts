import { getToken } from "next-auth/jwt";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { sessionCookieName, useSecureCookies } from "./edge-config";
import { userForSession, type SessionUser } from "./session-check";

export type { SessionUser } from "./session-check";

/** The claims in the request's session cookie (or `Authorization: Bearer <session token>`), if valid. */
async function claimsFromRequest(request: Request): Promise<Record<string, unknown> | null> {
  const secret = getEnv().AUTH_SECRET;
  const hasCredentials = request.headers.get("cookie")?.includes("authjs.session-token") || request.headers.has("authorization");
  if (!hasCredentials) return null;
  if (!secret) throw new AppError("unavailable", "Sign-in is not configured: AUTH_SECRET is unset.");
  const secureCookie = useSecureCookies();
  return getToken({ req: request, secret, secureCookie, cookieName: sessionCookieName(), salt: sessionCookieName() });
}

/**
 * Server components and server actions have no Request: read the same cookie through next/headers, so pages
 * and API routes decode it, and check its session version, in one way.
 */
async function requestFromNextHeaders(): Promise<Request | null> {
  const [{ headers }, { unstable_rethrow }] = await Promise.all([import("next/headers"), import("next/navigation")]);
  try {
    const cookie = (await headers()).get("cookie");
    return new Request("http://session.invalid/", { headers: cookie ? { cookie } : {} });
  } catch (error) {
    // Next's own control flow (a dynamic-rendering bail-out) must reach Next.
    unstable_rethrow(error);
    // Outside a request scope (scripts, tests) next/headers throws: that is simply "no session".
    return null;
  }
}

/**
 * The signed-in user, or null. The cookie says who; the database says whether they may still come in, with
 * which role, and whether the cookie's session version is still current (lib/auth/session-check.ts).
 */
export async function getSessionUser(request?: Request): Promise<SessionUser | null> {
  const source = request ?? (await requestFromNextHeaders());
  const claims = source ? await claimsFromRequest(source) : null;
  if (!claims) return null;
  return userForSession(await getDb(), claims);
}

export async function requireUser(request?: Request): Promise<SessionUser> {
  const user = await getSessionUser(request);
  if (!user) throw new AppError("unauthorized", "Sign in to continue.");
  return user;
}

export async function requireAdmin(request?: Request): Promise<SessionUser> {
  const user = await requireUser(request);
  if (user.role !== "admin") throw new AppError("forbidden", "Only admins can do this.");
  return user;
}
