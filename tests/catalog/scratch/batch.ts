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
  const q = exportQuerySchema.parse({});
  const where = catalogWhere(q, await hiddenChannelIds(h.db));
  let at = { part: "values" as const, key: null as string | null, videoId: null as string | null };
  let tq = 0, tc = 0;
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    const rows = await selectCatalogRows(h.db, { where: sql`${where} AND ${keysetCondition(q.sort, at)}`, orderBy: (a) => orderBy(q.sort, a), limit: 5000, withLastSync: process.env.NOSYNC ? false : true, sortKey: (a) => sortKeyExpression(q.sort, a) });
    const t2 = performance.now();
    const text = rows.map((row) => csvLine(q.columns.map((c) => row[c]))).join("");
    new TextEncoder().encode(text);
    tc += performance.now() - t2; tq += t2 - t;
    const last = rows.at(-1)!;
    at = { part: "values", key: last.sort_key!, videoId: last.video_id };
  }
  console.log({ queryMsPerBatch: (tq / 20).toFixed(0), csvMsPerBatch: (tc / 20).toFixed(0) });
  const r = await h.db.execute(sql`EXPLAIN (ANALYZE, BUFFERS) SELECT v.video_id FROM videos v WHERE ${where} AND ${keysetCondition(q.sort, at)} ORDER BY ${orderBy(q.sort, "v")} LIMIT 5000`);
  console.log(r.rows.map((x) => Object.values(x)[0]).join("\n").replace(/'\{UC[^}]*\}'/g, "'{...}'"));
  await h.close();
})();
