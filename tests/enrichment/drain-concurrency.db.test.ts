import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { drainOne, type DrainDeps, type DrainOutcome } from "@/lib/enrichment/drain";
import { insertTask, knownVideoIds, NEXT_RESET, seedBacklog, startDrainFixture, type DrainFixture } from "./drain-fixture";

// Two drains (as two Inngest runs or two app instances would) racing over one daily budget smaller than the work:
// the ledger grants exactly the budget, Google sees exactly that many requests, and no work is taken twice.
// On PostgreSQL the drains really run side by side on pooled connections.

let f: DrainFixture;
beforeAll(async () => {
  f = await startDrainFixture();
});
afterAll(() => f.stop());
beforeEach(() => f.reset());

async function drainUntilStopped(deps: DrainDeps): Promise<DrainOutcome[]> {
  const outcomes: DrainOutcome[] = [];
  for (let i = 0; i < 100; i++) {
    const outcome = await drainOne(deps);
    outcomes.push(outcome);
    if (outcome.kind !== "ran") return outcomes;
  }
  throw new Error("the drain never stopped");
}

/** Each drain with its own clients (its own token), as separate processes have. */
const race = (budget: number) => Promise.all([drainUntilStopped(f.deps({ budget, clients: f.clients() })), drainUntilStopped(f.deps({ budget, clients: f.clients() }))]);

const ledger = () => f.rows<{ api: string; units_used: number }>(sql`SELECT api, units_used FROM quota_ledger ORDER BY api`);

describe("two drains sharing one budget", () => {
  it("never spend more than the budget, even with tasks paused half-way", async () => {
    // 6 tasks × 5 per-video calls = 30 calls of work against a budget of 13.
    for (let t = 0; t < 6; t++) await insertTask(f.db, { type: "monetization_sync", ids: knownVideoIds(`race${t}`, 5) });
    const [a, b] = await race(13);

    for (const outcomes of [a, b]) expect(outcomes.at(-1)).toEqual({ kind: "wait", until: NEXT_RESET, reason: "quota" });
    expect(await ledger()).toEqual([
      { api: "total", units_used: 13 },
      { api: "videoAdvertisingOptions.get", units_used: 13 },
    ]);
    expect(f.apiRequests()).toHaveLength(13);
    const statuses = await f.rows<{ status: string; retry_count: number; n: number }>(
      sql`SELECT status, retry_count, count(*)::int AS n FROM processing_queue GROUP BY status, retry_count ORDER BY status`,
    );
    // Whole tasks done are ≤ 2 (10 calls); every other task waits for tomorrow with its retries untouched.
    const completed = statuses.find((s) => s.status === "completed")?.n ?? 0;
    expect(completed).toBeLessThanOrEqual(2);
    expect(statuses.filter((s) => s.status !== "completed")).toEqual([{ status: "pending", retry_count: 0, n: 6 - completed }]);
  });

  it("carve disjoint batches from the backlog and leave the rest in it", async () => {
    await seedBacklog(f.db, 150);
    const [a, b] = await race(2);
    const ran = [...a, ...b].filter((o) => o.kind === "ran");
    expect(ran).toHaveLength(2);
    const carved = await f.rows<{ item_ids: string[]; status: string }>(sql`SELECT item_ids, status FROM processing_queue ORDER BY id`);
    expect(carved.map((t) => t.status)).toEqual(["completed", "completed"]);
    const items = carved.flatMap((t) => t.item_ids);
    expect(new Set(items).size).toBe(100);
    expect(await f.rows(sql`SELECT count(*)::int AS n FROM assets WHERE enrichment_requested_at IS NOT NULL`)).toEqual([{ n: 50 }]);
    expect(f.apiRequests()).toHaveLength(2);
  });
});
