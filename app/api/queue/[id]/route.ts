import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { priorityValue } from "@/lib/enrichment/queue-params";
import { getTask } from "@/lib/enrichment/queue-queries";
import { setTaskPriority } from "@/lib/enrichment/task-actions";
import { adminRoute, userRoute } from "@/lib/http/handler";
import { parseId, parseJsonBody } from "@/lib/http/parse";

/** GET /api/queue/{id} — one task with every item's result. */
export const GET = userRoute(async (_request, _user, params) => {
  return Response.json(await getTask(await getDb(), parseId(params.id, "Task id")));
});

const body = z.object({ priority: priorityValue }).strict();

// Admin only, though outside api/admin (it is the queue's own resource): tests/routes/queue-routes checks the 403.
/** PATCH /api/queue/{id} {priority} — reorders pending work (higher runs first). */
export const PATCH = adminRoute(async (request, _admin, params) => {
  const id = parseId(params.id, "Task id");
  const { priority } = await parseJsonBody(request, body);
  return Response.json(await setTaskPriority(await getDb(), id, priority));
});
