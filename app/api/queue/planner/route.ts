import { getDb } from "@/lib/db/client";
import { planQueue } from "@/lib/enrichment/planner";
import { plannerQuery } from "@/lib/enrichment/queue-params";
import { dailyBudget } from "@/lib/enrichment/quota-ledger";
import { userRoute } from "@/lib/http/handler";
import { parseQuery } from "@/lib/http/parse";

/** GET /api/queue/planner?limit — backlog size, requests needed, quota, estimated days and the upcoming order. */
export const GET = userRoute(async (request) => {
  const { limit } = parseQuery(request, plannerQuery);
  return Response.json(await planQueue(await getDb(), { now: new Date(), budget: dailyBudget(), limit }));
});
