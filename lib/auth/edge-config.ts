import type { NextAuthConfig } from "next-auth";
import { getEnv } from "@/lib/env";

// The part of the Auth.js config that runs anywhere, including the edge runtime: no providers, no
// database, no argon2 (Auth.js "Edge compatibility" split). config.ts adds those for Node.js;
// middleware.ts reads the same cookie through lib/auth/middleware-session.ts (cookie name and
// options come from here, so both sides always agree).

export type SessionRole = "admin" | "user";

/** 12 hours of inactivity; each request re-issues the cookie (JWT sessions roll forward). */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

/** Secure cookies in production and whenever the app is served over https. */
export function useSecureCookies(): boolean {
  const env = getEnv();
  return env.NODE_ENV === "production" || env.APP_URL.startsWith("https://");
}

/** Auth.js's own names: the `__Secure-` prefix makes browsers refuse the cookie over plain http. */
export function sessionCookieName(): string {
  return useSecureCookies() ? "__Secure-authjs.session-token" : "authjs.session-token";
}

export function edgeAuthConfig(): NextAuthConfig {
  const secure = useSecureCookies();
  return {
    secret: getEnv().AUTH_SECRET,
    trustHost: true,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    useSecureCookies: secure,
    cookies: {
      // Spelled out (these are also Auth.js's defaults) so a reviewer sees httpOnly + SameSite=Lax + Secure.
      sessionToken: { name: sessionCookieName(), options: { httpOnly: true, sameSite: "lax", path: "/", secure } },
    },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [],
    callbacks: {
      jwt({ token, user }) {
        // `user` is present only on the sign-in request: copy what the app needs into the token.
        if (user) {
          const u = user as { id?: string; email?: string | null; name?: string | null; role?: SessionRole; sessionVersion?: number };
          if (u.id) token.sub = u.id;
          token.email = u.email ?? token.email;
          token.name = u.name ?? null;
          token.role = u.role ?? "user";
          // The account's session version at sign-in; bumping it in the database revokes this cookie.
          token.sessionVersion = u.sessionVersion ?? 0;
        }
        return token;
      },
      session({ session, token }) {
        // Role here is what it was at sign-in; lib/auth/session.ts re-reads role and `disabled` from the database.
        return {
          ...session,
          user: {
            ...session.user,
            id: token.sub ?? "",
            email: (token.email as string | undefined) ?? "",
            name: (token.name as string | null | undefined) ?? null,
            role: (token.role as SessionRole | undefined) ?? "user",
          },
        };
      },
    },
  };
}
