import { sql, type SQL } from "drizzle-orm";
import type { Database } from "@/lib/db/client";

// How many videos match. Counting a million matches reads a million rows (~0.2 s and more on this machine),
// so the count stops after EXACT_COUNT_LIMIT matches: below it the total is exact; above it, the planner's
// row estimate is used (never less than what was counted) and the response says it is an estimate.
// Counting first, rather than asking the planner first, means an estimate is only ever shown when more than
// EXACT_COUNT_LIMIT rows really match: the planner's guesses for trigram searches can be off by 100×.

export const EXACT_COUNT_LIMIT = 50_000;

export type CatalogTotal = { total: number; estimated: boolean };

export async function countMatches(db: Database, where: SQL, limit = EXACT_COUNT_LIMIT): Promise<CatalogTotal> {
  const counted = await db.execute(sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM videos v WHERE ${where} LIMIT ${limit + 1}) m`);
  const n = Number(counted.rows[0]?.n ?? 0);
  if (n <= limit) return { total: n, estimated: false };
  return { total: Math.max(await plannerEstimate(db, where), n), estimated: true };
}

async function plannerEstimate(db: Database, where: SQL): Promise<number> {
  const result = await db.execute(sql`EXPLAIN (FORMAT JSON) SELECT 1 FROM videos v WHERE ${where}`);
  const raw = Object.values(result.rows[0] ?? {})[0];
  const plan = (typeof raw === "string" ? JSON.parse(raw) : raw) as { Plan: { "Plan Rows": number } }[];
  return Math.round(plan[0]?.Plan["Plan Rows"] ?? 0);
}
