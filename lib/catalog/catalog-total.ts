import { sql, type SQL } from "drizzle-orm";
import type { Database } from "@/lib/db/client";

// How many videos match, without letting the count cost more than the page. An exact count(*) reads every
// match: for a broad filter on a million videos that is a scan of the whole table (~0.2 s unloaded here), and
// even 15,000 matches fetched through an index are 15,000 random heap reads. So:
//   1. the planner is asked (EXPLAIN, ~1 ms). When reading all matches would cost more than
//      EXACT_COUNT_MAX_COST (a full scan of 1M videos costs 50,000–100,000), or the plan must do a lot of work
//      before its first row (startup above EXACT_COUNT_MAX_STARTUP: bitmaps of a few hundred thousand entries
//      ANDed for several broad filters, ~0.1 s, which no LIMIT shortens), its row estimate is the total;
//   2. otherwise the matches are counted, but only up to EXACT_COUNT_LIMIT: below it the total is exact (rare
//      title terms, a channel, a video id), above it the estimate is used, never less than what was counted.
// Counting rather than trusting the planner below the limit matters: its guesses for trigram searches are
// often off by 3× or more (3,000 matches estimated as 98 or as 9,880 on the seeded million).

export const EXACT_COUNT_MAX_COST = 40_000;
export const EXACT_COUNT_MAX_STARTUP = 2_000;
export const EXACT_COUNT_LIMIT = 5_000;

export type CatalogTotal = { total: number; estimated: boolean };

type PlanNode = { "Startup Cost": number; "Total Cost": number; "Plan Rows": number };

async function plan(db: Database, where: SQL): Promise<PlanNode> {
  const result = await db.execute(sql`EXPLAIN (FORMAT JSON) SELECT 1 FROM videos v WHERE ${where}`);
  const raw = Object.values(result.rows[0] ?? {})[0];
  const parsed = (typeof raw === "string" ? JSON.parse(raw) : raw) as { Plan: PlanNode }[];
  return parsed[0].Plan;
}

export type CountLimits = { maxCost?: number; maxStartup?: number; limit?: number };

export async function countMatches(db: Database, where: SQL, limits: CountLimits = {}): Promise<CatalogTotal> {
  const { maxCost = EXACT_COUNT_MAX_COST, maxStartup = EXACT_COUNT_MAX_STARTUP, limit = EXACT_COUNT_LIMIT } = limits;
  const estimate = await plan(db, where);
  const estimatedRows = Math.round(estimate["Plan Rows"]);
  if (estimate["Total Cost"] > maxCost || estimate["Startup Cost"] > maxStartup) return { total: estimatedRows, estimated: true };
  const counted = await db.execute(sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM videos v WHERE ${where} LIMIT ${limit + 1}) m`);
  const n = Number(counted.rows[0]?.n ?? 0);
  return n <= limit ? { total: n, estimated: false } : { total: Math.max(estimatedRows, n), estimated: true };
}

/**
 * An estimate corrected by what a page showed: a page that is not full ends the list, so the total is exact;
 * a full page proves at least that many; an empty page past the start caps it.
 */
export function reconcileWithPage(count: CatalogTotal, offset: number, pageRows: number, perPage: number): CatalogTotal {
  if (!count.estimated) return count;
  if (pageRows < perPage && (pageRows > 0 || offset === 0)) return { total: offset + pageRows, estimated: false };
  if (pageRows === 0) return { total: Math.min(count.total, offset), estimated: true };
  return { total: Math.max(count.total, offset + pageRows), estimated: true };
}
