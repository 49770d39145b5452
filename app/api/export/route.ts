import { exportCatalog } from "@/lib/catalog/export-csv";
import { parseExportQuery } from "@/lib/catalog/parse-catalog-query";
import { getDatabase } from "@/lib/db/client";
import { userRoute } from "@/lib/http/handler";

// F12: the catalog's matches for the same filters and sort as GET /api/videos, streamed as CSV.
// On node-postgres the rows come from one COPY (lib/catalog/export-copy.ts), elsewhere from keyset batches.
// x-export-rows lets the page show progress; x-export-rows-estimate says that number is the planner's estimate.
export const GET = userRoute(async (request) => {
  const { db, pgPool } = await getDatabase();
  const csv = await exportCatalog(db, parseExportQuery(request), { signal: request.signal, pgPool });
  const headers = new Headers({
    "content-type": "text/csv; charset=utf-8",
    "content-disposition": `attachment; filename="${csv.filename}"`,
    "cache-control": "private, no-store",
    "x-export-rows": String(csv.rows.total),
  });
  if (csv.rows.estimated) headers.set("x-export-rows-estimate", "1");
  return new Response(csv.body, { headers });
});
