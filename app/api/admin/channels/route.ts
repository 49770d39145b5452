import { z } from "zod";
import { listChannels } from "@/lib/admin/channels";
import { pageParams } from "@/lib/admin/pagination";
import { getDb } from "@/lib/db/client";
import { adminRoute } from "@/lib/http/handler";
import { parseQuery } from "@/lib/http/parse";

const query = z.object({ ...pageParams, search: z.string().trim().max(200).optional() }).strict();

/** GET /api/admin/channels?page&per_page&search — channels by name with their video counts. */
export const GET = adminRoute(async (request) => {
  const { page, per_page, search } = parseQuery(request, query);
  return Response.json(await listChannels(await getDb(), { page, perPage: per_page, search }));
});
