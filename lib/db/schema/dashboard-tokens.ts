import { pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

// Read-only tokens for wall dashboards (F9): shown once when created, stored as a SHA-256 hash, revocable.
// The realtime auth endpoint accepts them for the dashboard channels only.
export const dashboardTokens = pgTable(
  "dashboard_tokens",
  {
    id: serial("id").primaryKey(),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull(),
    /** The first characters of the token, so an admin can tell tokens apart without the secret. */
    tokenPrefix: text("token_prefix").notNull(),
    createdBy: text("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("dashboard_tokens_hash_uq").on(t.tokenHash)],
);

export type DashboardToken = typeof dashboardTokens.$inferSelect;
