import { getDb } from "@/lib/db/client";
import { userRoute } from "@/lib/http/handler";
import { parseId } from "@/lib/http/parse";
import { getReport } from "@/lib/import/reports/report-queries";
import { toReportStatus } from "@/lib/import/reports/report-status";

export const GET = userRoute(async (_request, _user, params) => {
  const report = await getReport(await getDb(), parseId(params.id, "Report id"));
  return Response.json(toReportStatus(report));
});
