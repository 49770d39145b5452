import type { Database } from "@/lib/db/client";
import type { Role } from "@/lib/db/schema";
import { findUserById } from "./users";

export type SessionUser = { id: string; email: string; name: string | null; role: Role };

/** What a session cookie claims: who, and which session version it was issued under. */
export type SessionClaims = { sub?: unknown; sessionVersion?: unknown };

/**
 * A cookie without a version predates versioning; it counts as version 0, which every account had until its
 * first disable, role change or password reset, so those cookies keep working exactly as long as they should.
 */
export function claimedVersion(claims: SessionClaims): number {
  return typeof claims.sessionVersion === "number" && Number.isInteger(claims.sessionVersion) ? claims.sessionVersion : 0;
}

/**
 * The user a session cookie stands for, or null when the account is gone, disabled, or has had its sessions
 * revoked since the cookie was issued. The one check behind pages, API routes and the middleware's renewal.
 */
export async function userForSession(db: Database, claims: SessionClaims): Promise<SessionUser | null> {
  if (typeof claims.sub !== "string" || !claims.sub) return null;
  const user = await findUserById(db, claims.sub);
  if (!user || user.disabled || user.sessionVersion !== claimedVersion(claims)) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
