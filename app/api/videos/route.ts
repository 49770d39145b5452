import { parseCatalogQuery } from "@/lib/catalog/parse-catalog-query";
import { searchVideos } from "@/lib/catalog/search-videos";
import { getDb } from "@/lib/db/client";
import { userRoute } from "@/lib/http/handler";

// F10: one page of the catalog. Filters, sort and paging are documented in lib/catalog/contract.ts.
export const GET = userRoute(async (request) => {
  const page = await searchVideos(await getDb(), parseCatalogQuery(request));
  return Response.json(page, { headers: { "cache-control": "private, no-store" } });
});
