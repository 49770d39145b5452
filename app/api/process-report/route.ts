import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { userRoute } from "@/lib/http/handler";
import { parseJsonBody } from "@/lib/http/parse";
import { requestImports } from "@/lib/import/reports/request-import";

const body = z.object({
  // S3 keys are at most 1,024 bytes; control characters are refused by requestImports.
  files: z.array(z.string().min(1).max(1024)).max(500),
  exclude_shorts: z.boolean().optional(),
});

export const POST = userRoute(async (request, user) => {
  const { files, exclude_shorts } = await parseJsonBody(request, body);
  const reports = await requestImports(await getDb(), { keys: files, excludeShorts: exclude_shorts, userId: user.id, triggeredBy: "user" });
  return Response.json(
    { status: "accepted", report_ids: reports.map((r) => r.id), reports: reports.map((r) => ({ id: r.id, key: r.key, status: r.status })) },
    { status: 202 },
  );
});
