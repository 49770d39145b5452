import { z } from "zod";
import { userRoute } from "@/lib/http/handler";
import { parseJsonBody } from "@/lib/http/parse";
import { presignReportUpload } from "@/lib/storage/presign-upload";

const body = z.object({ filename: z.string().min(1).max(300) });

export const POST = userRoute(async (request) => {
  const { filename } = await parseJsonBody(request, body);
  return Response.json(await presignReportUpload(filename));
});
