import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createDatabase, type Database, type DatabaseHandle } from "@/lib/db/client";
import { nextQuotaReset } from "@/lib/enrichment/quota-day";
import { markQuotaExhausted, quotaUsage, reserveRequest, type Reservation } from "@/lib/enrichment/quota-ledger";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/db";

// Midday Pacific, far from a reset, so a slow machine never crosses into the next quota day mid-test.
const NOON_PDT = new Date("2026-06-10T19:00:00Z");
const NEXT_DAY = new Date("2026-06-11T19:00:00Z");

let database: TestDatabase;
let db: Database;

beforeAll(async () => {
  database = await createTestDatabase({ install: false });
  db = database.db;
});
afterAll(async () => {
  await database?.drop();
});
beforeEach(async () => {
  await db.execute(sql`DELETE FROM quota_ledger`);
});

async function ledgerRow(day: string, api: string) {
  const result = await db.execute(sql`
SELECT units_used, calls, exhausted_at IS NOT NULL AS exhausted FROM quota_ledger WHERE day = ${day}::date AND api = ${api}`);
  const row = result.rows[0] as { units_used: number; calls: number; exhausted: boolean } | undefined;
  return row && { used: Number(row.units_used), calls: Number(row.calls), exhausted: row.exhausted };
}

function granted(reservations: Reservation[]) {
  return reservations.filter((r): r is Extract<Reservation, { ok: true }> => r.ok);
}

function expectSpaced(slots: Date[], minSpacingMs: number) {
  const times = slots.map((s) => s.getTime()).sort((a, b) => a - b);
  expect(new Set(times).size).toBe(times.length);
  for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(minSpacingMs);
}

describe("reserveRequest against the daily budget", () => {
  it("grants exactly the budget, then refuses until the next midnight Pacific", async () => {
    const results: Reservation[] = [];
    for (let i = 0; i < 7; i++) results.push(await reserveRequest(db, { endpoint: "videos.list", budget: 5, now: NOON_PDT }));

    expect(results.map((r) => r.ok)).toEqual([true, true, true, true, true, false, false]);
    expect(results.map((r) => r.used)).toEqual([1, 2, 3, 4, 5, 5, 5]);
    expect(results[5]).toEqual({
      ok: false,
      reason: "budget_spent",
      used: 5,
      budget: 5,
      resetAt: new Date("2026-06-11T07:00:00Z"),
    });
    expect(await ledgerRow("2026-06-10", "total")).toEqual({ used: 5, calls: 5, exhausted: false });
    expect(await ledgerRow("2026-06-10", "videos.list")).toEqual({ used: 5, calls: 5, exhausted: false });
  });

  it("starts fresh on the next quota day and leaves the spent day as it was", async () => {
    for (let i = 0; i < 3; i++) await reserveRequest(db, { endpoint: "assets.list", budget: 3, now: NOON_PDT });
    expect((await reserveRequest(db, { endpoint: "assets.list", budget: 3, now: NOON_PDT })).ok).toBe(false);

    const reset = nextQuotaReset(NOON_PDT);
    const justBefore = await reserveRequest(db, { endpoint: "assets.list", budget: 3, now: new Date(reset.getTime() - 1) });
    expect(justBefore.ok).toBe(false);
    const atReset = await reserveRequest(db, { endpoint: "assets.list", budget: 3, now: reset });
    expect(atReset).toMatchObject({ ok: true, used: 1, slotAt: reset });

    expect(await ledgerRow("2026-06-10", "total")).toMatchObject({ used: 3 });
    expect(await ledgerRow("2026-06-11", "total")).toMatchObject({ used: 1 });
  });

  it("refuses a day Google declared exhausted even under budget, and resumes the next day", async () => {
    await reserveRequest(db, { endpoint: "claimSearch.list", budget: 100, now: NOON_PDT });
    await reserveRequest(db, { endpoint: "claimSearch.list", budget: 100, now: NOON_PDT });

    const resetAt = await markQuotaExhausted(db, NOON_PDT);
    expect(resetAt.toISOString()).toBe("2026-06-11T07:00:00.000Z");

    const refused = await reserveRequest(db, { endpoint: "claimSearch.list", budget: 100, now: new Date(NOON_PDT.getTime() + 60_000) });
    expect(refused).toEqual({ ok: false, reason: "google_quota_exceeded", used: 2, budget: 100, resetAt });
    expect(await ledgerRow("2026-06-10", "total")).toEqual({ used: 2, calls: 2, exhausted: true });

    expect((await reserveRequest(db, { endpoint: "claimSearch.list", budget: 100, now: NEXT_DAY })).ok).toBe(true);
  });

  it("marks a day exhausted before any reservation (creating its row)", async () => {
    await markQuotaExhausted(db, NOON_PDT);
    expect(await ledgerRow("2026-06-10", "total")).toEqual({ used: 0, calls: 0, exhausted: true });
    const refused = await reserveRequest(db, { endpoint: "videos.list", budget: 100, now: NOON_PDT });
    expect(refused).toMatchObject({ ok: false, reason: "google_quota_exceeded", used: 0 });
    expect(await ledgerRow("2026-06-10", "videos.list")).toBeUndefined();
  });

  it("grants nothing with a budget of zero", async () => {
    const refused = await reserveRequest(db, { endpoint: "videos.list", budget: 0, now: NOON_PDT });
    expect(refused).toMatchObject({ ok: false, reason: "budget_spent", used: 0 });
    expect(await ledgerRow("2026-06-10", "total")).toBeUndefined();
  });
});

describe("call slots", () => {
  it("spaces calls made at the same moment at least 100 ms apart, in order", async () => {
    const slots: Date[] = [];
    for (let i = 0; i < 4; i++) {
      const r = await reserveRequest(db, { endpoint: "videos.list", budget: 100, now: NOON_PDT });
      if (r.ok) slots.push(r.slotAt);
    }
    expect(slots.map((s) => s.getTime() - NOON_PDT.getTime())).toEqual([0, 100, 200, 300]);
  });

  it("honours a wider spacing, and lets a caller go at once when the last slot is already past", async () => {
    const first = await reserveRequest(db, { endpoint: "videos.list", budget: 100, now: NOON_PDT, minSpacingMs: 250 });
    const second = await reserveRequest(db, { endpoint: "videos.list", budget: 100, now: NOON_PDT, minSpacingMs: 250 });
    expect(first).toMatchObject({ ok: true, slotAt: NOON_PDT });
    expect(second).toMatchObject({ ok: true, slotAt: new Date(NOON_PDT.getTime() + 250) });

    const later = new Date(NOON_PDT.getTime() + 10_000);
    expect(await reserveRequest(db, { endpoint: "videos.list", budget: 100, now: later })).toMatchObject({ ok: true, slotAt: later });
  });
});

describe("quotaUsage", () => {
  it("reports today's use, remaining budget, reset time and calls per endpoint", async () => {
    expect(await quotaUsage(db, { now: NOON_PDT, budget: 10 })).toEqual({
      day: "2026-06-10",
      used: 0,
      budget: 10,
      remaining: 10,
      resetAt: "2026-06-11T07:00:00.000Z",
      exhausted: false,
      byEndpoint: {},
    });

    for (const endpoint of ["assets.list", "assets.list", "videos.list"]) await reserveRequest(db, { endpoint, budget: 10, now: NOON_PDT });
    await reserveRequest(db, { endpoint: "videos.list", budget: 10, now: NEXT_DAY });

    expect(await quotaUsage(db, { now: NOON_PDT, budget: 10 })).toMatchObject({
      used: 3,
      remaining: 7,
      exhausted: false,
      byEndpoint: { "assets.list": 2, "videos.list": 1 },
    });
    await markQuotaExhausted(db, NOON_PDT);
    expect(await quotaUsage(db, { now: NOON_PDT, budget: 10 })).toMatchObject({ used: 3, remaining: 7, exhausted: true });
    expect(await quotaUsage(db, { now: NOON_PDT, budget: 3 })).toMatchObject({ remaining: 0 });
  });

  it("counts a spent budget as exhausted", async () => {
    for (let i = 0; i < 2; i++) await reserveRequest(db, { endpoint: "videos.list", budget: 2, now: NOON_PDT });
    expect(await quotaUsage(db, { now: NOON_PDT, budget: 2 })).toMatchObject({ used: 2, remaining: 0, exhausted: true });
  });
});

// Concurrent drains sharing one budget: on PostgreSQL each drain uses one of several separate connection pools
// (as separate processes would); on PGlite they share the one handle, which is how the embedded default runs.
describe("racing drains", () => {
  const extraHandles: DatabaseHandle[] = [];
  afterAll(async () => {
    for (const handle of extraHandles) await handle.close();
  });

  async function handles(): Promise<Database[]> {
    if (database.driver === "pglite") return [db];
    while (extraHandles.length < 3) extraHandles.push(await createDatabase({ url: database.url }));
    return [db, ...extraHandles.map((h) => h.db)];
  }

  it("20 drains making 200 attempts against a budget of 50 are granted exactly 50, each in its own spaced slot", async () => {
    const connections = await handles();
    const budget = 50;
    const started = Date.now();
    // Each drain reads the (injected) clock per call, as a real drain does: noon Pacific plus real elapsed time.
    const clockNow = () => new Date(NOON_PDT.getTime() + (Date.now() - started));

    const drains = Array.from({ length: 20 }, async (_, drain) => {
      const conn = connections[drain % connections.length];
      const results: Reservation[] = [];
      for (let attempt = 0; attempt < 10; attempt++) {
        results.push(await reserveRequest(conn, { endpoint: drain % 2 ? "assets.list" : "videos.list", budget, now: clockNow() }));
      }
      return results;
    });
    const results = (await Promise.all(drains)).flat();

    expect(results).toHaveLength(200);
    const wins = granted(results);
    expect(wins).toHaveLength(budget);
    // Every grant saw a different count: the check and the increment were one step.
    expect(wins.map((r) => r.used).sort((a, b) => a - b)).toEqual(Array.from({ length: budget }, (_, i) => i + 1));
    expectSpaced(wins.map((r) => r.slotAt), 100);
    for (const refused of results.filter((r) => !r.ok)) expect(refused).toMatchObject({ reason: "budget_spent", used: budget });

    expect(await ledgerRow("2026-06-10", "total")).toEqual({ used: budget, calls: budget, exhausted: false });
    const usage = await quotaUsage(db, { now: NOON_PDT, budget });
    expect(usage).toMatchObject({ used: budget, remaining: 0, exhausted: true });
    expect(usage.byEndpoint["assets.list"] + usage.byEndpoint["videos.list"]).toBe(budget);
  });

  it("a burst of 200 simultaneous reservations on a fresh day never overspends a budget of 50", async () => {
    // Two pools (up to 20 connections) are enough to race; the machine's server is shared with other suites.
    const connections = (await handles()).slice(0, 2);
    const attempts = Array.from({ length: 200 }, (_, i) =>
      reserveRequest(connections[i % connections.length], { endpoint: "videos.list", budget: 50, now: NEXT_DAY }),
    );
    const wins = granted(await Promise.all(attempts));
    expect(wins).toHaveLength(50);
    expectSpaced(wins.map((r) => r.slotAt), 100);
    expect(await ledgerRow("2026-06-11", "total")).toMatchObject({ used: 50, calls: 50 });
    expect(await ledgerRow("2026-06-11", "videos.list")).toMatchObject({ used: 50, calls: 50 });
  });
});
