import { sql } from "drizzle-orm";
import { createDatabase } from "@/lib/db/client";
import { catalogWhere, hiddenChannelIds } from "@/lib/catalog/catalog-filters";
import { selectCatalogRows } from "@/lib/catalog/catalog-rows";
import { keysetCondition, orderBy, sortKeyExpression } from "@/lib/catalog/catalog-sort";
import { exportQuerySchema } from "@/lib/catalog/parse-catalog-query";
import { csvLine } from "@/lib/catalog/csv-cells";
const url = "postgres://postgres@127.0.0.1:5432/catalog_helper_f10";
(async () => {
  const h = await createDatabase({ url });
  const q = exportQuerySchema.parse(process.env.COLS ? { columns: process.env.COLS } : {});
  const where = catalogWhere(q, await hiddenChannelIds(h.db));
  let at = { part: "values" as const, key: null as string | null, videoId: null as string | null };
  let tq = 0, tc = 0;
  const N = 20;
  for (let i = 0; i < N; i++) {
    const t = performance.now();
    const rows = await selectCatalogRows(h.db, { where: sql`${where} AND ${keysetCondition(q.sort, at)}`, orderBy: (a) => orderBy(q.sort, a), limit: 5000, columns: q.columns, sortKey: (a) => sortKeyExpression(q.sort, a) });
    const t2 = performance.now();
    const text = rows.map((row) => csvLine(q.columns.map((c) => row[c]))).join("");
    new TextEncoder().encode(text);
    tc += performance.now() - t2; tq += t2 - t;
    const last = rows.at(-1)!;
    at = { part: "values", key: last.sort_key!, videoId: last.video_id };
  }
  console.log({ queryMsPerBatch: (tq / N).toFixed(0), csvMsPerBatch: (tc / N).toFixed(0) });
  await h.close();
})();
