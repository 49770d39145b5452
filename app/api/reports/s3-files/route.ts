import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { userRoute } from "@/lib/http/handler";
import { parseQuery } from "@/lib/http/parse";
import { listReportFilesWithStatus } from "@/lib/import/reports/report-files";

const query = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(25),
  search: z.string().trim().max(200).optional(),
});

export const GET = userRoute(async (request) => {
  const params = parseQuery(request, query);
  return Response.json(await listReportFilesWithStatus(await getDb(), params));
});
