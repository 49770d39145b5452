import { and, count, desc, eq, gt, lt, max, sql } from "drizzle-orm";
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
// Advisory-lock namespaces (first key of pg_advisory_xact_lock(int, int)): accounts and addresses never collide.
const ACCOUNT_LOCK = 7301;
const IP_LOCK = 7302;

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];
export type AttemptClaim = { allowed: true; attemptId: number } | { allowed: false; retryAfterSeconds: number };

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Wait after the `failures`-th failure: 0 below the limit, then 30 s, 60 s, 120 s … capped at 15 min. */
export function delayAfterFailures(failures: number, limit: number): number {
  if (failures < limit) return 0;
  return Math.min(BASE_DELAY_SECONDS * 2 ** (failures - limit), MAX_DELAY_SECONDS);
}

type FailureStats = { failures: number; lastFailureAt: Date | null };

async function accountFailures(tx: Tx, email: string, since: Date): Promise<FailureStats> {
  // A successful sign-in clears the account's count: only failures after it matter.
  const [success] = await tx
    .select({ at: loginAttempts.attemptedAt })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.email, email), eq(loginAttempts.succeeded, true)))
    .orderBy(desc(loginAttempts.attemptedAt))
    .limit(1);
  const from = success && success.at > since ? success.at : since;
  const [row] = await tx
    .select({ failures: count(), last: max(loginAttempts.attemptedAt) })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.email, email), eq(loginAttempts.succeeded, false), gt(loginAttempts.attemptedAt, from)));
  return { failures: Number(row?.failures ?? 0), lastFailureAt: row?.last ? new Date(row.last) : null };
}

async function ipFailures(tx: Tx, ip: string, since: Date): Promise<FailureStats> {
  const [row] = await tx
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

/**
 * Whether this sign-in may check a password now. An allowed attempt is written down as a failure before the
 * password is checked (settleAttempt turns it into a success), and the count and the write happen under a
 * per-account and per-address lock: 30 guesses sent at once get exactly as many evaluations as the limit,
 * not as many as arrive before the first failure is recorded.
 */
export async function claimAttempt(db: Database, input: { email: string; ip?: string | null; now?: Date }): Promise<AttemptClaim> {
  const email = normalizeEmail(input.email);
  const ip = input.ip ?? null;
  const now = input.now ?? new Date();
  const since = new Date(now.getTime() - FAILURE_WINDOW_MS);
  return db.transaction(async (tx) => {
    // Always account first, then address: every transaction takes them in the same order, so none deadlock.
    await tx.execute(sql`select pg_advisory_xact_lock(${ACCOUNT_LOCK}, hashtext(${email}))`);
    if (ip) await tx.execute(sql`select pg_advisory_xact_lock(${IP_LOCK}, hashtext(${ip}))`);
    const waits = [remaining(await accountFailures(tx, email, since), ACCOUNT_FAILURE_LIMIT, now)];
    if (ip) waits.push(remaining(await ipFailures(tx, ip, since), IP_FAILURE_LIMIT, now));
    const wait = Math.max(...waits);
    if (wait > 0) return { allowed: false, retryAfterSeconds: wait };
    const [row] = await tx.insert(loginAttempts).values({ email, ip, succeeded: false, attemptedAt: now }).returning({ id: loginAttempts.id });
    return { allowed: true, attemptId: row.id };
  });
}

/**
 * The outcome of a claimed attempt: a failure stays as claimed, a success is marked (it clears the account's
 * count), and `withdrawn` removes the claim (a right password for a disabled account is neither).
 */
export async function settleAttempt(db: Database, attemptId: number, outcome: "failed" | "succeeded" | "withdrawn", now = new Date()): Promise<void> {
  if (outcome === "failed") return;
  if (outcome === "withdrawn") {
    await db.delete(loginAttempts).where(eq(loginAttempts.id, attemptId));
    return;
  }
  await db.update(loginAttempts).set({ succeeded: true }).where(eq(loginAttempts.id, attemptId));
  // Rows older than a day can never count again; trimming on success keeps the table small without a job.
  await db.delete(loginAttempts).where(lt(loginAttempts.attemptedAt, new Date(now.getTime() - 24 * 3600 * 1000)));
}

export function slowDownMessage(retryAfterSeconds: number): string {
  return `Too many failed sign-in attempts. Wait ${retryAfterSeconds} seconds and try again.`;
}
