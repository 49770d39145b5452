import { z } from "zod";
import { listAdministeredAssets } from "@/lib/admin/assets";
import { pageParams } from "@/lib/admin/pagination";
import { getDb } from "@/lib/db/client";
import { adminRoute } from "@/lib/http/handler";
import { parseQuery } from "@/lib/http/parse";

const query = z.object({ ...pageParams, search: z.string().trim().max(200).optional() }).strict();

/** GET /api/admin/assets?page&per_page&search — administered assets with the number of videos each claims. */
export const GET = adminRoute(async (request) => {
  const { page, per_page, search } = parseQuery(request, query);
  return Response.json(await listAdministeredAssets(await getDb(), { page, perPage: per_page, search }));
});
