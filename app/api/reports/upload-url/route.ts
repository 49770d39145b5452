import { z } from "zod";
import { userRoute } from "@/lib/http/handler";
import { parseJsonBody } from "@/lib/http/parse";
import { presignReportUpload } from "@/lib/storage/presign-upload";

// The size is signed into the URL: the bucket then refuses an upload of any other length.
const body = z.object({
  filename: z.string().min(1).max(300),
  size: z.number().int().min(0),
});

export const POST = userRoute(async (request) => {
  const { filename, size } = await parseJsonBody(request, body);
  return Response.json(await presignReportUpload(filename, size));
});
