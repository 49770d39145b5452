import "server-only";
import { notFound, redirect } from "next/navigation";
import { verifyDashboardToken } from "@/lib/dashboard/verify-dashboard-token";
import { getDb } from "@/lib/db/client";
import { getSessionUser, type SessionUser } from "./session";

// Every page's data loader starts with one of these. The (app) layout checks too, but a client-side navigation
// (an `RSC: 1` request) may render only the page segment, so the page itself must ask the database whether the
// session's user is still enabled (and still holds the session version the cookie carries).

export async function requirePageUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in");
  return user;
}

/** Admin pages: a signed-in `user` sees a 404, not a hint that the page exists. */
export async function requirePageAdmin(): Promise<SessionUser> {
  const user = await requirePageUser();
  if (user.role !== "admin") notFound();
  return user;
}

export type DashboardAccess =
  | { via: "session"; user: SessionUser }
  | { via: "token"; token: string; tokenName: string }
  | { via: "refused"; reason: string };

/**
 * /dashboard only: a wall screen has no session, so a live dashboard token in the URL lets it in (read-only:
 * the page shows nothing but what the dashboard channel carries). A valid token wins; else the session; with
 * neither, a token that was given but is revoked or unknown is `refused` (the page says so: a TV cannot sign
 * in), and no token at all goes to sign-in like every other page.
 */
export async function requirePageUserOrDashboardToken(token: string | undefined): Promise<DashboardAccess> {
  if (!token) return { via: "session", user: await requirePageUser() };
  const verified = await verifyDashboardToken(await getDb(), token, new Date());
  if (verified) return { via: "token", token, tokenName: verified.name };
  const user = await getSessionUser();
  if (user) return { via: "session", user };
  return { via: "refused", reason: "This dashboard link is not valid: its token was revoked or mistyped. Ask an admin for a new link (Admin → Dashboards)." };
}
