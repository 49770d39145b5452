import { getDb } from "@/lib/db/client";
import { userRoute } from "@/lib/http/handler";
import { parseId } from "@/lib/http/parse";
import { getReport } from "@/lib/import/reports/report-queries";
import { rejectedRowsCsv } from "@/lib/import/reports/rejected-rows-csv";

export const GET = userRoute(async (_request, _user, params) => {
  const db = await getDb();
  const report = await getReport(db, parseId(params.id, "Report id"));
  const filename = `rejected_rows_report_${report.id}.csv`;
  return new Response(rejectedRowsCsv(db, report.id), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${filename}"` },
  });
});
