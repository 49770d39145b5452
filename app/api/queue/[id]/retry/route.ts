import { getDb } from "@/lib/db/client";
import { startDrain } from "@/lib/enrichment/start-drain";
import { retryTask } from "@/lib/enrichment/task-actions";
import { userRoute } from "@/lib/http/handler";
import { parseId } from "@/lib/http/parse";

/** POST /api/queue/{id}/retry — a failed task back to pending (error and backoff cleared). */
export const POST = userRoute(async (_request, _user, params) => {
  const task = await retryTask(await getDb(), parseId(params.id, "Task id"));
  return Response.json({ status: "retried", task, runner: await startDrain(`retry task ${task.id}`) });
});
