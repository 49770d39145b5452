import { getToken } from "next-auth/jwt";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { sessionCookieName, useSecureCookies } from "./edge-config";
import { findUserById } from "./users";

export type SessionUser = { id: string; email: string; name: string | null; role: "admin" | "user" };

/** The user id in the request's session cookie (or `Authorization: Bearer <session token>`), if valid. */
async function userIdFromRequest(request: Request): Promise<string | null> {
  const secret = getEnv().AUTH_SECRET;
  const hasCredentials = request.headers.get("cookie")?.includes("authjs.session-token") || request.headers.has("authorization");
  if (!hasCredentials) return null;
  if (!secret) throw new AppError("unavailable", "Sign-in is not configured: AUTH_SECRET is unset.");
  const secureCookie = useSecureCookies();
  const token = await getToken({ req: request, secret, secureCookie, cookieName: sessionCookieName(), salt: sessionCookieName() });
  return typeof token?.sub === "string" ? token.sub : null;
}

/** Server components and server actions have no Request: Auth.js reads the cookie through next/headers. */
async function userIdFromAuth(): Promise<string | null> {
  try {
    const { auth } = await import("./index");
    const session = await auth();
    return session?.user?.id || null;
  } catch {
    // Outside a request scope (scripts, tests) next/headers throws: that is simply "no session".
    return null;
  }
}

/**
 * The signed-in user, or null. The cookie says who; the database says whether they may still come in
 * and with which role, so disabling a user or changing a role applies on their next request.
 */
export async function getSessionUser(request?: Request): Promise<SessionUser | null> {
  const id = request ? await userIdFromRequest(request) : await userIdFromAuth();
  if (!id) return null;
  const user = await findUserById(await getDb(), id);
  if (!user || user.disabled) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
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
