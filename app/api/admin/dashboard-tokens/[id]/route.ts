import { revokeDashboardToken } from "@/lib/dashboard/dashboard-tokens";
import { getDb } from "@/lib/db/client";
import { adminRoute } from "@/lib/http/handler";
import { parseId } from "@/lib/http/parse";

/** Revokes (never deletes): the row stays as the record of who had a token and when it was last used. */
export const DELETE = adminRoute(async (_request, _admin, params) => {
  const id = parseId(params.id, "Dashboard token id");
  return Response.json({ dashboard_token: await revokeDashboardToken(await getDb(), id, new Date()) });
});
