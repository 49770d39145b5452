import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { nextQuotaReset, quotaDay } from "./quota-day";

// The ledger holds one row per Pacific quota day for the shared budget (api = 'total') and one per endpoint
// (api = 'assets.list', …) that only counts calls for reporting. Every Google request reserves one unit on the
// 'total' row first; that reservation is a single statement, so concurrent drains in any number of processes
// serialise on the row lock and can never spend past the budget.

const TOTAL = "total";
const DEFAULT_MIN_SPACING_MS = 100;

type Db = Pick<Database, "execute">;

/** Requests per quota day shared by every drain (YOUTUBE_DAILY_QUOTA, default 9,500). */
export function dailyBudget(): number {
  return getEnv().YOUTUBE_DAILY_QUOTA;
}

export type RefusalReason = "budget_spent" | "google_quota_exceeded";

export type Reservation =
  | { ok: true; slotAt: Date; used: number; budget: number }
  | { ok: false; resetAt: Date; used: number; budget: number; reason: RefusalReason };

export type ReserveOptions = {
  /** The API method about to be called ('assets.list', 'videos.list', …): counted on its own row. */
  endpoint: string;
  budget: number;
  /** The caller's clock, not the database's: tests and the benchmark move to the next quota day by injecting it. */
  now: Date;
  /** Least time between the starts of two calls, across every caller sharing the ledger. */
  minSpacingMs?: number;
};

/**
 * Reserves one request of today's budget. On success, `slotAt` is when this caller may start its call (it sleeps
 * until then): slots are handed out in order, each at least `minSpacingMs` after the one before, so concurrent
 * drains keep the spacing between them without talking to each other. Refused once the budget is spent, or when
 * Google has said quotaExceeded today; `resetAt` is when the next quota day starts.
 */
export async function reserveRequest(db: Db, options: ReserveOptions): Promise<Reservation> {
  const { endpoint, budget, now } = options;
  if (!endpoint || endpoint === TOTAL) throw new Error(`reserveRequest needs an API endpoint name, got "${endpoint}".`);
  const day = quotaDay(now);
  const at = now.toISOString();
  const spacing = sql`(${Math.max(0, Math.round(options.minSpacingMs ?? DEFAULT_MIN_SPACING_MS))}::int * interval '1 millisecond')`;

  // next_call_at is the earliest start of the next call: this caller's slot is the later of it and now, and
  // the row moves on by one spacing. The WHERE on the conflict branch is evaluated on the locked, newest
  // version of the row, which is what makes the budget check and the increment one atomic step.
  const granted = await db.execute(sql`
INSERT INTO quota_ledger AS l (day, api, units_used, calls, next_call_at, updated_at)
SELECT ${day}::date, ${TOTAL}, 1, 1, ${at}::timestamptz + ${spacing}, ${at}::timestamptz
WHERE ${budget}::int > 0
ON CONFLICT (day, api) DO UPDATE SET
  units_used = l.units_used + 1,
  calls = l.calls + 1,
  next_call_at = greatest(coalesce(l.next_call_at, ${at}::timestamptz), ${at}::timestamptz) + ${spacing},
  updated_at = ${at}::timestamptz
WHERE l.units_used < ${budget}::int AND l.exhausted_at IS NULL
RETURNING l.units_used AS used, (extract(epoch FROM l.next_call_at - ${spacing}) * 1000)::float8 AS slot_ms`);

  const row = granted.rows[0] as { used: number | string; slot_ms: number | string } | undefined;
  if (!row) return refusal(db, day, budget, now);

  await db.execute(sql`
INSERT INTO quota_ledger AS l (day, api, units_used, calls, updated_at)
VALUES (${day}::date, ${endpoint}, 1, 1, ${at}::timestamptz)
ON CONFLICT (day, api) DO UPDATE SET units_used = l.units_used + 1, calls = l.calls + 1, updated_at = ${at}::timestamptz`);

  return { ok: true, slotAt: new Date(Math.round(Number(row.slot_ms))), used: Number(row.used), budget };
}

async function refusal(db: Db, day: string, budget: number, now: Date): Promise<Reservation> {
  const result = await db.execute(sql`
SELECT units_used, exhausted_at IS NOT NULL AS exhausted FROM quota_ledger WHERE day = ${day}::date AND api = ${TOTAL}`);
  const row = result.rows[0] as { units_used: number | string; exhausted: boolean } | undefined;
  return {
    ok: false,
    resetAt: nextQuotaReset(now),
    used: Number(row?.units_used ?? 0),
    budget,
    reason: row?.exhausted ? "google_quota_exceeded" : "budget_spent",
  };
}

/**
 * Records that Google answered quotaExceeded: nothing more is reserved today whatever our own count says (the
 * project's quota may be shared with other tools). Returns when the next quota day starts.
 */
export async function markQuotaExhausted(db: Db, now: Date): Promise<Date> {
  const at = now.toISOString();
  await db.execute(sql`
INSERT INTO quota_ledger AS l (day, api, exhausted_at, updated_at)
VALUES (${quotaDay(now)}::date, ${TOTAL}, ${at}::timestamptz, ${at}::timestamptz)
ON CONFLICT (day, api) DO UPDATE SET exhausted_at = coalesce(l.exhausted_at, excluded.exhausted_at), updated_at = excluded.updated_at`);
  return nextQuotaReset(now);
}

export type QuotaUsage = {
  day: string;
  used: number;
  budget: number;
  remaining: number;
  /** ISO time of the next reset (midnight Pacific). */
  resetAt: string;
  /** No more requests today: the budget is spent or Google answered quotaExceeded. */
  exhausted: boolean;
  /** Calls per endpoint today. */
  byEndpoint: Record<string, number>;
};

/** Today's quota figures for the Queue page, the dashboards and processor_status. */
export async function quotaUsage(db: Db, options: { now: Date; budget: number }): Promise<QuotaUsage> {
  const { now, budget } = options;
  const day = quotaDay(now);
  const result = await db.execute(sql`
SELECT api, units_used, calls, exhausted_at IS NOT NULL AS exhausted FROM quota_ledger WHERE day = ${day}::date ORDER BY api`);
  let used = 0;
  let googleExhausted = false;
  const byEndpoint: Record<string, number> = {};
  for (const row of result.rows as Array<{ api: string; units_used: number | string; calls: number | string; exhausted: boolean }>) {
    if (row.api === TOTAL) {
      used = Number(row.units_used);
      googleExhausted = row.exhausted;
    } else {
      byEndpoint[row.api] = Number(row.calls);
    }
  }
  return {
    day,
    used,
    budget,
    remaining: Math.max(0, budget - used),
    resetAt: nextQuotaReset(now).toISOString(),
    exhausted: googleExhausted || used >= budget,
    byEndpoint,
  };
}
