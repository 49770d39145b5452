import { z } from "zod";
import { dashboardUrl } from "@/lib/dashboard/dashboard-url";
import { createDashboardToken, listDashboardTokens } from "@/lib/dashboard/dashboard-tokens";
import { getDb } from "@/lib/db/client";
import { adminRoute } from "@/lib/http/handler";
import { hasControlCharacters, parseJsonBody } from "@/lib/http/parse";

const createBody = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, "must name the dashboard (e.g. the screen it runs on)")
      .max(100)
      .refine((name) => !hasControlCharacters(name), "must not contain control characters"),
  })
  .strict();

export const GET = adminRoute(async () => {
  return Response.json({ dashboard_tokens: await listDashboardTokens(await getDb()) });
});

/** The secret is in this response only: the database keeps its hash. */
export const POST = adminRoute(async (request, admin) => {
  const { name } = await parseJsonBody(request, createBody);
  const { token, record } = await createDashboardToken(await getDb(), { name, createdBy: admin });
  return Response.json({ token, dashboard_url: dashboardUrl(token), dashboard_token: record }, { status: 201, headers: { "cache-control": "no-store" } });
});
