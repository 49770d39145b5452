import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { dashboardTokens, users, type DashboardToken } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { DASHBOARD_TOKEN_PREFIX, DASHBOARD_TOKEN_PREFIX_LENGTH } from "./dashboard-token-format";

// Read-only tokens for wall dashboards. The secret is shown once, when it is created; the database keeps only
// its SHA-256, so a leaked backup or a curious admin cannot recover a working token from it.

export type DashboardTokenView = {
  id: number;
  name: string;
  token_prefix: string;
  created_by: string | null;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
};

export function hashDashboardToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

function newTokenSecret(): string {
  return `${DASHBOARD_TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
}

function toView(row: DashboardToken, createdByEmail: string | null): DashboardTokenView {
  return {
    id: row.id,
    name: row.name,
    token_prefix: row.tokenPrefix,
    created_by: createdByEmail,
    created_at: row.createdAt.toISOString(),
    last_used_at: row.lastUsedAt?.toISOString() ?? null,
    revoked_at: row.revokedAt?.toISOString() ?? null,
  };
}

/** Creates a token for `name`; the returned `token` is the only time the secret exists outside the dashboard. */
export async function createDashboardToken(
  db: Database,
  input: { name: string; createdBy: { id: string; email: string } },
): Promise<{ token: string; record: DashboardTokenView }> {
  const token = newTokenSecret();
  const [row] = await db
    .insert(dashboardTokens)
    .values({ name: input.name, tokenHash: hashDashboardToken(token), tokenPrefix: token.slice(0, DASHBOARD_TOKEN_PREFIX_LENGTH), createdBy: input.createdBy.id })
    .returning();
  return { token, record: toView(row, input.createdBy.email) };
}

function selectViews(db: Database) {
  return db.select({ token: dashboardTokens, email: users.email }).from(dashboardTokens).leftJoin(users, eq(users.id, dashboardTokens.createdBy));
}

/** Every token, newest first, revoked ones included (the list is the record of what was handed out). */
export async function listDashboardTokens(db: Database): Promise<DashboardTokenView[]> {
  const rows = await selectViews(db).orderBy(desc(dashboardTokens.createdAt), desc(dashboardTokens.id));
  return rows.map((r) => toView(r.token, r.email));
}

/**
 * Revokes a token: the auth endpoint refuses it from now on. Revoking twice keeps the first time. Dashboards
 * already subscribed keep their open subscription until they reconnect (Pusher cannot withdraw a signature).
 */
export async function revokeDashboardToken(db: Database, id: number, now: Date): Promise<DashboardTokenView> {
  await db
    .update(dashboardTokens)
    .set({ revokedAt: now })
    .where(and(eq(dashboardTokens.id, id), isNull(dashboardTokens.revokedAt)));
  const [row] = await selectViews(db).where(eq(dashboardTokens.id, id));
  if (!row) throw new AppError("not_found", `There is no dashboard token ${id}.`);
  return toView(row.token, row.email);
}
