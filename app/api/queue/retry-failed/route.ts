import { getDb } from "@/lib/db/client";
import { startDrain } from "@/lib/enrichment/start-drain";
import { retryFailed } from "@/lib/enrichment/task-actions";
import { adminRoute } from "@/lib/http/handler";

// Admin only, though outside api/admin: tests/routes/queue-routes checks the 403.
/** POST /api/queue/retry-failed — every failed task back to pending. */
export const POST = adminRoute(async () => {
  const { retried } = await retryFailed(await getDb());
  const runner = retried > 0 ? await startDrain("retry failed tasks") : "not_needed";
  return Response.json({ status: "retried", retried, runner });
});
