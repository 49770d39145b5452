import { and, count, desc, eq, gt, lt, max } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { loginAttempts } from "@/lib/db/schema";

// Slow-down, not lock-out: after a few failures each further try must wait, and the wait doubles.
// Failures older than the window stop counting, so a person is never locked out for long.
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;
export const ACCOUNT_FAILURE_LIMIT = 5;
// Higher per IP: a whole office can sit behind one address, and one person's typos should not slow the rest.
export const IP_FAILURE_LIMIT = 10;
const BASE_DELAY_SECONDS = 30;
const MAX_DELAY_SECONDS = 15 * 60;

export type SlowDown = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Wait after the `failures`-th failure: 0 below the limit, then 30 s, 60 s, 120 s … capped at 15 min. */
export function delayAfterFailures(failures: number, limit: number): number {
  if (failures < limit) return 0;
  return Math.min(BASE_DELAY_SECONDS * 2 ** (failures - limit), MAX_DELAY_SECONDS);
}

type FailureStats = { failures: number; lastFailureAt: Date | null };

async function accountFailures(db: Database, email: string, since: Date): Promise<FailureStats> {
  // A successful sign-in clears the account's count: only failures after it matter.
  const [success] = await db
    .select({ at: loginAttempts.attemptedAt })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.email, email), eq(loginAttempts.succeeded, true)))
    .orderBy(desc(loginAttempts.attemptedAt))
    .limit(1);
  const from = success && success.at > since ? success.at : since;
  const [row] = await db
    .select({ failures: count(), last: max(loginAttempts.attemptedAt) })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.email, email), eq(loginAttempts.succeeded, false), gt(loginAttempts.attemptedAt, from)));
  return { failures: Number(row?.failures ?? 0), lastFailureAt: row?.last ? new Date(row.last) : null };
}

async function ipFailures(db: Database, ip: string, since: Date): Promise<FailureStats> {
  const [row] = await db
    .select({ failures: count(), last: max(loginAttempts.attemptedAt) })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.ip, ip), eq(loginAttempts.succeeded, false), gt(loginAttempts.attemptedAt, since)));
  return { failures: Number(row?.failures ?? 0), lastFailureAt: row?.last ? new Date(row.last) : null };
}

function remaining(stats: FailureStats, limit: number, now: Date): number {
  const delay = delayAfterFailures(stats.failures, limit);
  if (!delay || !stats.lastFailureAt) return 0;
  return Math.max(0, Math.ceil((stats.lastFailureAt.getTime() + delay * 1000 - now.getTime()) / 1000));
}

/** Whether a sign-in for this account from this IP may be tried now. */
export async function checkSlowDown(db: Database, input: { email: string; ip?: string | null; now?: Date }): Promise<SlowDown> {
  const now = input.now ?? new Date();
  const since = new Date(now.getTime() - FAILURE_WINDOW_MS);
  const waits = [remaining(await accountFailures(db, normalizeEmail(input.email), since), ACCOUNT_FAILURE_LIMIT, now)];
  if (input.ip) waits.push(remaining(await ipFailures(db, input.ip, since), IP_FAILURE_LIMIT, now));
  const wait = Math.max(...waits);
  return wait > 0 ? { allowed: false, retryAfterSeconds: wait } : { allowed: true };
}

export async function recordAttempt(
  db: Database,
  input: { email: string; ip?: string | null; succeeded: boolean; at?: Date },
): Promise<void> {
  const at = input.at ?? new Date();
  await db.insert(loginAttempts).values({ email: normalizeEmail(input.email), ip: input.ip ?? null, succeeded: input.succeeded, attemptedAt: at });
  // Rows older than a day can never count again; trimming on success keeps the table small without a job.
  if (input.succeeded) await db.delete(loginAttempts).where(lt(loginAttempts.attemptedAt, new Date(at.getTime() - 24 * 3600 * 1000)));
}

export function slowDownMessage(retryAfterSeconds: number): string {
  return `Too many failed sign-in attempts. Wait ${retryAfterSeconds} seconds and try again.`;
}
