import "server-only";
import { and, eq, isNull, lt, or } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { dashboardTokens } from "@/lib/db/schema";
import { looksLikeDashboardToken } from "./dashboard-token-format";
import { hashDashboardToken } from "./dashboard-tokens";

/** "Last used" is for an admin deciding what to revoke: minute precision is plenty, and saves a write per request. */
const LAST_USED_PRECISION_MS = 60_000;

export type VerifiedDashboardToken = { id: number; name: string };

/**
 * The live (not revoked) token `token` names, or null. Marks it used, at most once a minute: a wall of TVs
 * reconnecting must not turn every channel authorisation into a row update.
 */
export async function verifyDashboardToken(db: Database, token: string, now: Date): Promise<VerifiedDashboardToken | null> {
  if (!looksLikeDashboardToken(token)) return null;
  const [row] = await db
    .select({ id: dashboardTokens.id, name: dashboardTokens.name, lastUsedAt: dashboardTokens.lastUsedAt })
    .from(dashboardTokens)
    .where(and(eq(dashboardTokens.tokenHash, hashDashboardToken(token)), isNull(dashboardTokens.revokedAt)));
  if (!row) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_PRECISION_MS) {
    const staleBefore = new Date(now.getTime() - LAST_USED_PRECISION_MS);
    // Conditional, so two requests in the same minute write once between them.
    await db
      .update(dashboardTokens)
      .set({ lastUsedAt: now })
      .where(and(eq(dashboardTokens.id, row.id), or(isNull(dashboardTokens.lastUsedAt), lt(dashboardTokens.lastUsedAt, staleBefore))));
  }
  return { id: row.id, name: row.name };
}
