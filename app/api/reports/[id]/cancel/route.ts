import { getDb } from "@/lib/db/client";
import { userRoute } from "@/lib/http/handler";
import { parseId } from "@/lib/http/parse";
import { cancelImport } from "@/lib/import/reports/cancel-import";
import { toReportStatus } from "@/lib/import/reports/report-status";

export const POST = userRoute(async (_request, _user, params) => {
  const report = await cancelImport(await getDb(), parseId(params.id, "Report id"));
  return Response.json(toReportStatus(report));
});
