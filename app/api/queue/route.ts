import { getDb } from "@/lib/db/client";
import { queueListQuery, toTaskFilters } from "@/lib/enrichment/queue-params";
import { listTasks } from "@/lib/enrichment/queue-queries";
import { userRoute } from "@/lib/http/handler";
import { parseQuery } from "@/lib/http/parse";

/** GET /api/queue?status&task_type&search&page&per_page — tasks with their results and errors, plus counts by status. */
export const GET = userRoute(async (request) => {
  return Response.json(await listTasks(await getDb(), toTaskFilters(parseQuery(request, queueListQuery))));
});
