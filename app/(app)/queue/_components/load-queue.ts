import "server-only";
import { createLoader } from "nuqs/server";
import { getDb } from "@/lib/db/client";
import { planQueue } from "@/lib/enrichment/planner";
import type { QueuePlan } from "@/lib/enrichment/queue-contract";
import { queueListQuery, toTaskFilters } from "@/lib/enrichment/queue-params";
import { listTasks } from "@/lib/enrichment/queue-queries";
import { dailyBudget } from "@/lib/enrichment/quota-ledger";
import { AppError } from "@/lib/errors";
import { parseQuery } from "@/lib/http/parse";
import { queueParsers, queueQuery } from "./queue-params";
import type { LoadedList } from "./use-queue-data";

type SearchParams = Record<string, string | string[] | undefined>;

const loadUrlState = createLoader(queueParsers);

/**
 * The first list and the planner for the server render, read exactly as GET /api/queue and /api/queue/planner
 * would answer them. A URL the API refuses, or a failing database, leaves the list to the browser (which shows the
 * API's message with a retry) instead of breaking the page.
 */
export async function loadQueue(searchParams: SearchParams): Promise<{ list: LoadedList | null; plan: QueuePlan | null }> {
  const query = queueQuery(loadUrlState(searchParams));
  try {
    const db = await getDb();
    const filters = toTaskFilters(parseQuery(new Request(`http://queue.invalid/api/queue?${query}`), queueListQuery));
    const [list, plan] = await Promise.all([listTasks(db, filters), planQueue(db, { now: new Date(), budget: dailyBudget() })]);
    return { list: { query, list }, plan };
  } catch (error) {
    if (!(error instanceof AppError)) console.error("queue: first render failed; the browser will retry through /api/queue", error);
    return { list: null, plan: null };
  }
}
