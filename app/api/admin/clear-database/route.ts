import { z } from "zod";
import { clearDatabase } from "@/lib/admin/clear-database";
import { CLEAR_DATABASE_PHRASE } from "@/lib/admin/clear-database-phrase";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { adminRoute } from "@/lib/http/handler";
import { parseJsonBody } from "@/lib/http/parse";

const body = z.object({ confirm: z.string().max(200) }).strict();

/**
 * POST /api/admin/clear-database {confirm: "DELETE ALL DATA"} — deletes all catalog data (users stay) and
 * records who did it; 409 while an import is running.
 */
export const POST = adminRoute(async (request, user) => {
  const { confirm } = await parseJsonBody(request, body);
  if (confirm !== CLEAR_DATABASE_PHRASE) {
    throw new AppError("bad_request", `To clear the database, type ${CLEAR_DATABASE_PHRASE} exactly (capital letters) as the confirmation.`, [
      { field: "confirm", message: `must be "${CLEAR_DATABASE_PHRASE}"` },
    ]);
  }
  const result = await clearDatabase(await getDb(), user);
  return Response.json({
    status: "cleared",
    cleared: result.counts,
    audit_id: result.auditId,
    cleared_at: result.clearedAt.toISOString(),
    cleared_by: user.email,
  });
});
