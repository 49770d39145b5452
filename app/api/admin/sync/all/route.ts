import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { DEFAULT_BULK_TYPES, requestBulkSync } from "@/lib/enrichment/bulk-sync";
import { BULK_SYNC_DEFAULT_PRIORITY, TASK_TYPES } from "@/lib/enrichment/queue-contract";
import { priorityValue } from "@/lib/enrichment/queue-params";
import { dailyBudget } from "@/lib/enrichment/quota-ledger";
import { startDrain } from "@/lib/enrichment/start-drain";
import { adminRoute } from "@/lib/http/handler";
import { parseJsonBody } from "@/lib/http/parse";

const CHANNEL_ID = /^UC[A-Za-z0-9_-]{22}$/;

const body = z
  .object({
    channels: z.union([z.literal("all"), z.array(z.string().regex(CHANNEL_ID, "must be UC followed by 22 characters")).min(1).max(1000)]),
    priority: priorityValue.default(BULK_SYNC_DEFAULT_PRIORITY),
    force_refresh: z.boolean().default(false),
    types: z.array(z.enum(TASK_TYPES)).min(1).max(TASK_TYPES.length).default([...DEFAULT_BULK_TYPES]),
  })
  .strict();

/**
 * POST /api/admin/sync/all {channels: "all" | ["UC…"], priority?, force_refresh?, types?} — queues batch tasks for
 * every video of the channels; answers the jobs created and when they should be done at the current budget.
 */
export const POST = adminRoute(async (request, admin) => {
  const input = await parseJsonBody(request, body);
  const result = await requestBulkSync(await getDb(), {
    channels: input.channels === "all" ? "all" : [...new Set(input.channels)],
    priority: input.priority,
    forceRefresh: input.force_refresh,
    types: input.types,
    userId: admin.id,
    budget: dailyBudget(),
  });
  const runner = result.jobs_created > 0 ? await startDrain("bulk sync") : "not_needed";
  return Response.json({ status: "accepted", ...result, runner }, { status: 202 });
});
