import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { userRoute } from "@/lib/http/handler";
import { parseQuery } from "@/lib/http/parse";
import { listReportHistory } from "@/lib/import/reports/report-queries";
import { toReportStatus } from "@/lib/import/reports/report-status";

const query = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});

export const GET = userRoute(async (request) => {
  const history = await listReportHistory(await getDb(), parseQuery(request, query));
  return Response.json({ ...history, reports: history.reports.map(toReportStatus) });
});
